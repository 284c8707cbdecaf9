import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { errorsDoc, NEEDS_TOKEN, policy, REFUSALS, type Constructor, type SubgraphContext } from '@samsyn/core';
import { PeriodScalar, ReportResult } from '@samsyn/equality';
import { Area, type AreaTypes } from '@samsyn/area';
import { documentBySlug, KnowledgeDocument, versionInForce } from '@samsyn/knowledge';
import { InterventionService } from './intervention.service';
import { DecisionsInput, Intervention, InterventionBreakdown, InterventionLevel, Law } from './intervention.types';

/** `disability { interventions decisionsNotCarriedOut }` and the report of decisions not carried out. */
export function interventionResolvers(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Namespace)
  class CatalogueResolver {
    @FieldResolver(() => [Intervention], {
      description: 'The ten interventions of LSS 9 § in the law’s order, then the main SoL interventions.',
    })
    interventions(
      @Ctx() ctx: SubgraphContext,
      @Arg('law', () => Law, { nullable: true, description: 'Only those under this law; both when left out.' }) law?: Law | null,
    ): Promise<Intervention[]> {
      return new InterventionService(ctx.db).catalogue(law);
    }

    @FieldResolver(() => [InterventionBreakdown], {
      nullable: true,
      description: `Decisions not carried out within three months, per intervention, city-wide or for one district. ${NEEDS_TOKEN}`,
    })
    decisionsNotCarriedOut(
      @Arg('period', () => PeriodScalar, { description: 'A quarter, e.g. 2026-Q3.' }) period: string,
      @Ctx() ctx: SubgraphContext,
      @Arg('district', () => String, { nullable: true, description: "A district's code; city-wide when left out." })
      district?: string | null,
    ): Promise<InterventionBreakdown[]> {
      policy.requireAuthenticated(ctx.principal);
      return new InterventionService(ctx.db).breakdown(period, district);
    }
  }

  @Resolver(() => types.Mutations)
  class DecisionsReportResolver {
    @FieldResolver(() => ReportResult, {
      description: `A district system reports its quarter's decisions per intervention; DI-NOTEX3M is set to their sum. ${errorsDoc({
        ...REFUSALS.districtSystem,
        BAD_USER_INPUT: 'an unknown intervention, a period that is not a quarter, or counts that do not add up',
      })}`,
    })
    reportDecisionsNotCarriedOut(
      @Arg('input', () => [DecisionsInput], { description: 'One row per intervention and quarter.' }) input: DecisionsInput[],
      @Ctx() ctx: SubgraphContext,
    ): Promise<ReportResult> {
      return new InterventionService(ctx.db).report(ctx.principal, input);
    }
  }
  return [CatalogueResolver, DecisionsReportResolver];
}

@Resolver(() => Intervention)
export class InterventionFieldsResolver {
  @FieldResolver(() => KnowledgeDocument, { nullable: true, description: 'The guideline that sets the level of the intervention.' })
  guideline(@Root() intervention: Intervention, @Ctx() ctx: SubgraphContext): Promise<KnowledgeDocument | null> | null {
    return intervention.guidelineSlug ? documentBySlug(ctx, Area.DISABILITY).load(intervention.guidelineSlug) : null;
  }

  @FieldResolver(() => InterventionLevel, {
    nullable: true,
    description: 'The normal level in the guideline version in force; null when it sets none.',
  })
  async level(@Root() intervention: Intervention, @Ctx() ctx: SubgraphContext): Promise<InterventionLevel | null> {
    if (!intervention.guidelineSlug) return null;
    const document = await documentBySlug(ctx, Area.DISABILITY).load(intervention.guidelineSlug);
    const version = document ? await versionInForce(ctx, ctx.today).load(document.id) : null;
    const level = (version?.details.levels as Record<string, { unit: string; normal: number }> | undefined)?.[intervention.code];
    return level ? Object.assign(new InterventionLevel(), level) : null;
  }
}
