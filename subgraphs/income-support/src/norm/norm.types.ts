import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentVersion } from '@samsyn/knowledge';

export enum NormLineKind {
  ADULT = 'ADULT',
  CHILD = 'CHILD',
  HOUSEHOLD = 'HOUSEHOLD',
}
registerEnumType(NormLineKind, {
  name: 'NormLineKind',
  description: 'What a line of the norm is for.',
  valuesConfig: {
    ADULT: { description: 'The personal amount of the adult or adults.' },
    CHILD: { description: 'The personal amount of one child, by age.' },
    HOUSEHOLD: { description: 'The common costs of the household, by its size.' },
  },
});

@InputType({ description: 'A child of the household.' })
export class ChildInput {
  @Field(() => Int, { description: 'Age in whole years (0–20).' })
  age!: number;

  @Field({ defaultValue: false, description: 'Eats free lunch at preschool or school five days a week (a lower amount for the youngest).' })
  freeLunch!: boolean;
}

@InputType({ description: 'The people of a household the norm is calculated for.' })
export class HouseholdInput {
  @Field(() => Int, { description: '1: living alone; 2: a couple living together.' })
  adults!: number;

  @Field(() => [ChildInput], { defaultValue: [], description: 'The children living in the household.' })
  children!: ChildInput[];
}

@ObjectType({ description: 'One amount of the norm for a household.' })
export class NormLine {
  @Field({ description: 'What the amount is for, in Swedish.' })
  label!: string;

  @Field(() => NormLineKind, { description: 'Adult, child or household line.' })
  kind!: NormLineKind;

  @Field(() => Int, { nullable: true, description: "The child's age, on a child line." })
  age!: number | null;

  @Field(() => Int, { description: 'kr per month' })
  amount!: number;
}

@ObjectType({
  description:
    'The national norm for a household, kr per month; municipalities add reasonable costs (housing, electricity, travel to work …) outside it.',
})
export class NormResult {
  @Field(() => Int, { description: 'The norm year.' })
  year!: number;

  @Field(() => Int, { description: 'The monthly norm amount in kr: the sum of the lines.' })
  total!: number;

  @Field(() => [NormLine], { description: 'The amounts it is made of.' })
  lines!: NormLine[];

  @Field(() => DocumentVersion, { nullable: true, description: 'The published norm version the amounts come from.' })
  normVersion!: DocumentVersion | null;
}

@InputType({ description: 'A child age band of the norm.' })
export class NormChildBandInput {
  @Field(() => Int, { description: 'The youngest age of the band.' })
  fromAge!: number;

  @Field(() => Int, { description: 'The oldest age of the band.' })
  toAge!: number;

  @Field(() => Int, { description: 'kr per month.' })
  amount!: number;

  @Field(() => Int, { nullable: true, description: 'The lower amount with free lunch five days a week.' })
  withFreeLunch?: number | null;
}

@InputType({ description: "A year's national norm table, kr per month." })
export class NormTableInput {
  @Field(() => Int, { description: 'The year the norm is for.' })
  year!: number;

  @Field(() => [NormChildBandInput], { description: 'The child age bands, together covering ages 0–20.' })
  children!: NormChildBandInput[];

  @Field(() => Int, { description: 'An adult living alone, kr per month.' })
  adultSingle!: number;

  @Field(() => Int, { description: 'A couple living together, kr per month.' })
  adultCouple!: number;

  @Field(() => [Int], { description: 'Common household costs for 1 to 7 members, in that order.' })
  householdCommon!: number[];

  @Field({ description: 'The provision, e.g. "SoF 12 kap. 2 §".' })
  source!: string;
}
