import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { errorsDoc, type Constructor, type SubgraphContext } from '@samsyn/core';
import type { AreaTypes } from '@samsyn/area';
import { DocumentVersion } from '@samsyn/knowledge';
import { normTableFromInput } from './norm-table';
import { NormService } from './norm.service';
import { HouseholdInput, NormResult, NormTableInput } from './norm.types';

/** `incomeSupport { nationalNorm normYears }` and the norm draft mutation. */
export function normResolvers(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Namespace)
  class NormResolver {
    @FieldResolver(() => NormResult, { description: 'The monthly national norm for a household, from the published norm of the year.' })
    nationalNorm(
      @Arg('year', () => Int, { description: 'The norm year, e.g. 2026.' }) year: number,
      @Arg('household', () => HouseholdInput, { description: 'Who lives in the household.' }) household: HouseholdInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<NormResult> {
      return new NormService(ctx.db).nationalNorm(year, household);
    }

    @FieldResolver(() => [Int], { description: 'Years with a published national norm, newest first.' })
    normYears(@Ctx() ctx: SubgraphContext): Promise<number[]> {
      return new NormService(ctx.db).publishedYears();
    }
  }

  @Resolver(() => types.Mutations)
  class NormMutationResolver {
    @FieldResolver(() => DocumentVersion, {
      description: `Drafts a year's norm table as a new version of the norm guideline; submit and publish it like any document. ${errorsDoc(
        {
          UNAUTHENTICATED: '',
          FORBIDDEN: 'not a process leader of income support',
          BAD_USER_INPUT: 'an incomplete table',
        },
      )}`,
    })
    createNormDraft(
      @Arg('table', () => NormTableInput, { description: 'The amounts of the year.' }) table: NormTableInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return new NormService(ctx.db).createDraft(ctx.principal, ctx.today, normTableFromInput(table));
    }
  }
  return [NormResolver, NormMutationResolver];
}
