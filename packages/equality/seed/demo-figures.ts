import type { DataSource } from 'typeorm';
import type { Area, AreaModule } from '@samsyn/area';
import { DEMO_DISTRICTS } from '@samsyn/area/seed';
import type { FigureBreakdown } from '../src/disclosure/disclosure.service';
import { protectFigures, protectUnprotectedPeriods } from '../src/figures/figures.writer';
import type { CatalogueIndicator, DemoLevels } from '../src/indicators/indicator.catalogue';
import { seedIndicators } from '../src/indicators/indicator.service';
import { IndicatorKind } from '../src/indicators/indicator.types';
import { periodRange } from '../src/periods/period';

/** An indicator of an area's catalogue, with the levels its demo figures are made up from. */
export type DemoIndicator = CatalogueIndicator;
export type { DemoLevels };

/** The twelve quarters of demo figures, fixed so that the demo is the same whenever it is loaded. */
export const DEMO_PERIODS = periodRange('2023-Q4', '2026-Q3');

/** A small deterministic generator (mulberry32), seeded from a string. */
function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let state = (h << 13) | (h >>> 19);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Demo figures for one indicator: every demo district, every demo quarter; the same numbers every time. */
export function demoObservations(indicator: DemoIndicator) {
  return DEMO_DISTRICTS.flatMap((district) => {
    const own = random(`${indicator.code}:${district.code}`);
    const effect = indicator.demo.outliers?.[district.code] ?? indicator.demo.level * (1 + indicator.demo.spread * normal(own));
    return DEMO_PERIODS.map((period) => {
      const next = random(`${indicator.code}:${district.code}:${period}`);
      const cases = Math.max(1, Math.round((district.population / 1000) * indicator.demo.casesPer1000 * (1 + 0.1 * normal(next))));
      if (indicator.kind === IndicatorKind.MEDIAN || indicator.kind === IndicatorKind.MEAN) {
        const value = Math.max(0, Math.round(effect * (1 + 0.08 * normal(next)) * 10) / 10);
        return { indicator: indicator.code, district: district.code, period, value, denominator: cases };
      }
      const p = indicator.kind === IndicatorKind.RATE ? effect / (indicator.ratePer ?? 1) : effect;
      const clamped = Math.min(0.995, Math.max(0.001, p));
      const numerator = Math.min(
        cases,
        Math.max(0, Math.round(cases * clamped + Math.sqrt(cases * clamped * (1 - clamped)) * normal(next))),
      );
      return { indicator: indicator.code, district: district.code, period, numerator, denominator: cases };
    });
  });
}

/** Loads the area's indicators and, for an indicator that has no figures yet, its demo figures; then protects periods not yet protected. */
export async function seedEquality(
  db: DataSource,
  area: Area,
  indicators: DemoIndicator[],
  breakdowns: readonly FigureBreakdown[] = [],
): Promise<void> {
  await seedIndicators(db, area, indicators);
  const loaded = new Set<string>();
  for (const indicator of indicators) {
    const [{ present }] = await db.query<{ present: boolean }[]>(
      `SELECT exists(SELECT 1 FROM observation WHERE indicator_code = $1) AS present`,
      [indicator.code],
    );
    if (present) continue;
    const rows = demoObservations(indicator);
    for (const row of rows) loaded.add(row.period);
    await db.query(
      `INSERT INTO observation (indicator_code, district, period, numerator, denominator, value, reported_by)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::float8[], $7::text[])`,
      [
        rows.map((row) => row.indicator),
        rows.map((row) => row.district),
        rows.map((row) => row.period),
        rows.map((row) => ('numerator' in row ? row.numerator : null)),
        rows.map((row) => row.denominator),
        rows.map((row) => ('value' in row ? row.value : null)),
        rows.map(() => 'samsyn-demo-data'),
      ],
    );
  }
  await db.transaction(async (em) => {
    await protectFigures(em, area, [...loaded], breakdowns);
    await protectUnprotectedPeriods(em, breakdowns, area);
  });
}

/**
 * The area's indicators and their demo figures, loaded with the demo data (after `equalityModule`'s migrations), protected
 * with the breakdowns `equalityModule` was given.
 */
export function equalityDemo(indicators: DemoIndicator[], options: { breakdowns?: readonly FigureBreakdown[] } = {}): AreaModule {
  return { resolvers: () => [], seed: (db, area) => seedEquality(db, area, indicators, options.breakdowns) };
}
