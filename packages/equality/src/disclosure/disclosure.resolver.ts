import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { errorsDoc, REFUSALS, type Constructor, type SubgraphContext } from '@samsyn/core';
import type { AreaNamespace, AreaTypes } from '@samsyn/area';
import { PeriodScalar } from '../periods/period.types';
import { republishPeriod } from '../figures/figures.writer';
import type { FigureBreakdown } from './disclosure.service';
import { Republication } from './disclosure.types';

/** `republishFigures` in an area's mutations. */
export function disclosureMutations(types: AreaTypes, breakdowns: readonly FigureBreakdown[]): Constructor[] {
  @Resolver(() => types.Mutations)
  class DisclosureResolver {
    @FieldResolver(() => Republication, {
      description:
        "Protects the area's figures of one period afresh, forgetting what the period hid so far: a figure hidden before may be shown. " +
        'Otherwise a period only ever hides more as figures change (so that no district system can report, read and report again to ' +
        "see a neighbour's figure); an admin republishes a period deliberately, once its figures are final, and the act is audited. " +
        errorsDoc(REFUSALS.admin),
    })
    republishFigures(
      @Root() ns: AreaNamespace,
      @Arg('period', () => PeriodScalar, { description: 'The year, quarter or month to republish.' }) period: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Republication> {
      return republishPeriod(ctx.db, ctx.principal, ns.area, period, breakdowns);
    }
  }

  return [DisclosureResolver];
}
