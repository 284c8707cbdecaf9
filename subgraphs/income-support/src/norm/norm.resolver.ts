import { Arg, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import type { SubgraphContext } from '@samsyn/core';
import { DocumentVersion, type AreaTypes } from '@samsyn/knowledge';
import { calculateNorm } from './norm.calculator';
import { NormService } from './norm.service';

enum NormLineKind {
  ADULT = 'ADULT',
  CHILD = 'CHILD',
  HOUSEHOLD = 'HOUSEHOLD',
}
registerEnumType(NormLineKind, { name: 'NormLineKind' });

@InputType()
export class ChildInput {
  @Field(() => Int)
  age!: number;

  @Field({ defaultValue: false, description: 'Eats free lunch at preschool or school five days a week (a lower amount for the youngest).' })
  freeLunch!: boolean;
}

@InputType()
export class HouseholdInput {
  @Field(() => Int, { description: '1: living alone; 2: a couple living together.' })
  adults!: number;

  @Field(() => [ChildInput], { defaultValue: [] })
  children!: ChildInput[];
}

@ObjectType()
export class NormLine {
  @Field()
  label!: string;

  @Field(() => NormLineKind)
  kind!: NormLineKind;

  @Field(() => Int, { nullable: true })
  age!: number | null;

  @Field(() => Int, { description: 'kr per month' })
  amount!: number;
}

@ObjectType({ description: 'The national norm for a household, kr per month; municipalities add reasonable costs (housing, electricity, travel to work …) outside it.' })
export class NormResult {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => [NormLine])
  lines!: NormLine[];

  @Field(() => DocumentVersion, { nullable: true, description: 'The published norm version the amounts come from.' })
  normVersion!: DocumentVersion | null;
}

@InputType({ description: 'A child age band of the norm.' })
export class NormChildBandInput {
  @Field(() => Int)
  fromAge!: number;

  @Field(() => Int)
  toAge!: number;

  @Field(() => Int)
  amount!: number;

  @Field(() => Int, { nullable: true, description: 'The lower amount with free lunch five days a week.' })
  withFreeLunch?: number | null;
}

@InputType({ description: "A year's national norm table, kr per month." })
export class NormTableInput {
  @Field(() => Int)
  year!: number;

  @Field(() => [NormChildBandInput])
  children!: NormChildBandInput[];

  @Field(() => Int)
  adultSingle!: number;

  @Field(() => Int)
  adultCouple!: number;

  @Field(() => [Int], { description: 'Common household costs for 1 to 7 members, in that order.' })
  householdCommon!: number[];

  @Field({ description: 'The provision, e.g. "SoF 12 kap. 2 §".' })
  source!: string;
}

/** `incomeSupport { nationalNorm normYears }` and the norm draft mutation. */
export function normResolvers(types: AreaTypes): Function[] {
  @Resolver(() => types.Namespace)
  class NormResolver {
    @FieldResolver(() => NormResult, { description: 'The monthly national norm for a household, from the published norm of the year.' })
    async nationalNorm(@Arg('year', () => Int) year: number, @Arg('household', () => HouseholdInput) household: HouseholdInput, @Ctx() ctx: SubgraphContext): Promise<NormResult> {
      const { table, version } = await new NormService(ctx.db).publishedNorm(year);
      const { total, lines } = calculateNorm(table, household);
      return Object.assign(new NormResult(), { year, total, lines: lines as NormLine[], normVersion: version });
    }

    @FieldResolver(() => [Int], { description: 'Years with a published national norm, newest first.' })
    normYears(@Ctx() ctx: SubgraphContext): Promise<number[]> {
      return new NormService(ctx.db).publishedYears();
    }
  }

  @Resolver(() => types.Mutations)
  class NormMutationResolver {
    @FieldResolver(() => DocumentVersion, { description: "Drafts a year's norm table as a new version of the norm guideline; submit and publish it like any document." })
    createNormDraft(@Arg('table', () => NormTableInput) table: NormTableInput, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion> {
      return new NormService(ctx.db).createDraft(ctx.principal, ctx.today, {
        year: table.year,
        children: table.children.map((band) => ({ fromAge: band.fromAge, toAge: band.toAge, amount: band.amount, ...(band.withFreeLunch ? { withFreeLunch: band.withFreeLunch } : {}) })),
        adults: { single: table.adultSingle, couple: table.adultCouple },
        householdCommon: Object.fromEntries(table.householdCommon.map((amount, i) => [String(i + 1), amount])),
        source: table.source,
      });
    }
  }
  return [NormResolver, NormMutationResolver];
}
