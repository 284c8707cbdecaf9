import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { errorsDoc, REFUSALS, type Constructor, type SubgraphContext } from '@samsyn/core';
import type { AreaNamespace, AreaTypes } from '@samsyn/area';
import type { FigureBreakdown } from '../disclosure/disclosure.service';
import { MAX_REPORT_ROWS, ObservationService } from './observation.service';
import { ObservationInput, ReportResult } from './observation.types';

/** `reportObservations` in an area's mutations, with the breakdowns of the area's figures. */
export function reportMutations(types: AreaTypes, breakdowns: readonly FigureBreakdown[]): Constructor[] {
  @Resolver(() => types.Mutations)
  class ReportResolver {
    @FieldResolver(() => ReportResult, {
      description: `A district system reports its own district's aggregated figures; the same report twice changes nothing, and one bad row stores nothing. ${errorsDoc(
        {
          ...REFUSALS.districtSystem,
          BAD_USER_INPUT:
            'every bad row listed in extensions.rows: unknown indicator or district, a period of the wrong kind, negative counts, numerator above denominator',
        },
      )}`,
    })
    reportObservations(
      @Root() ns: AreaNamespace,
      @Arg('input', () => [ObservationInput], { description: `The figures, at most ${MAX_REPORT_ROWS} rows.` }) input: ObservationInput[],
      @Ctx() ctx: SubgraphContext,
    ): Promise<ReportResult> {
      return new ObservationService(ctx.db, breakdowns).report(ctx.principal, ns.area, input);
    }
  }

  return [ReportResolver];
}
