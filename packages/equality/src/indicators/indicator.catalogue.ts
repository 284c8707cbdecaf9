import type { IndicatorDefinition } from './indicator.service';

/** How the demo figures of an indicator are made up: a city level, how much districts differ, and real outliers. */
export interface DemoLevels {
  /** A proportion (0–1), a rate per `ratePer`, or a value (days). */
  level: number;
  /** Relative standard deviation between districts. */
  spread: number;
  /** Cases per quarter per 1 000 residents (the denominator). */
  casesPer1000: number;
  /** Districts whose level is set apart: the outliers a funnel plot should catch. */
  outliers?: Record<string, number>;
}

/**
 * An indicator of an area's catalogue (reference data: code, name, kind, direction, the rule it follows), as each area's
 * subgraph declares it in `src/indicators.ts`, with the levels the demo data makes its figures up from.
 */
export type CatalogueIndicator = IndicatorDefinition & { demo: DemoLevels };
