import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { errorsDoc, NEEDS_TOKEN, policy, REFUSALS, type Constructor, type SubgraphContext } from '@samsyn/core';
import { ReportResult } from '@samsyn/equality';
import { Area, type AreaTypes } from '@samsyn/area';
import { documentBySlug, KnowledgeDocument } from '@samsyn/knowledge';
import { coverageOf } from './instrument.loaders';
import { InstrumentService } from './instrument.service';
import { Instrument, InstrumentCoverage, InstrumentUseInput } from './instrument.types';

/** `adultServices { instruments }` and the report of instruments in use. */
export function instrumentResolvers(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Namespace)
  class InstrumentsResolver {
    @FieldResolver(() => [Instrument], { description: 'The assessment instruments and methods of adult services.' })
    instruments(@Ctx() ctx: SubgraphContext): Promise<Instrument[]> {
      return new InstrumentService(ctx.db).catalogue();
    }
  }

  @Resolver(() => types.Mutations)
  class InstrumentReportResolver {
    @FieldResolver(() => ReportResult, {
      description: `A district system reports which instruments its district uses and how many staff are trained. ${errorsDoc({
        ...REFUSALS.districtSystem,
        BAD_USER_INPUT: 'an unknown instrument or district, or a negative count',
      })}`,
    })
    reportInstrumentUse(
      @Arg('input', () => [InstrumentUseInput], { description: 'One row per instrument.' }) input: InstrumentUseInput[],
      @Ctx() ctx: SubgraphContext,
    ): Promise<ReportResult> {
      return new InstrumentService(ctx.db).report(ctx.principal, input);
    }
  }
  return [InstrumentsResolver, InstrumentReportResolver];
}

@Resolver(() => Instrument)
export class InstrumentFieldsResolver {
  @FieldResolver(() => KnowledgeDocument, { nullable: true, description: 'The method document that describes it.' })
  method(@Root() instrument: Instrument, @Ctx() ctx: SubgraphContext): Promise<KnowledgeDocument | null> | null {
    return instrument.methodDocument ? documentBySlug(ctx, Area.ADULT_SERVICES).load(instrument.methodDocument) : null;
  }

  @FieldResolver(() => InstrumentCoverage, { nullable: true, description: `Which districts use it and which lack it. ${NEEDS_TOKEN}` })
  async coverage(@Root() instrument: Instrument, @Ctx() ctx: SubgraphContext): Promise<InstrumentCoverage> {
    policy.requireAuthenticated(ctx.principal);
    return (await coverageOf(ctx)).get(instrument.code) as InstrumentCoverage;
  }
}
