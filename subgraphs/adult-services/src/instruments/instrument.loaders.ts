import type { SubgraphContext } from '@samsyn/core';
import { InstrumentService } from './instrument.service';
import type { InstrumentCoverage } from './instrument.types';

/** The coverage of every instrument, once per request however many instruments ask. */
export function coverageOf(ctx: SubgraphContext): Promise<Map<string, InstrumentCoverage>> {
  return ctx.loaders.once('instrumentCoverage', () => new InstrumentService(ctx.db).coverage());
}
