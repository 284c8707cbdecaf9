import type { DataSource } from 'typeorm';
import type { Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { Indicator, type Direction, type IndicatorKind, type Periodicity } from './indicator.types';

/** An `indicator` row as PostgreSQL returns it. */
export interface IndicatorRow {
  code: string;
  area: Area;
  name: string;
  description: string;
  kind: IndicatorKind;
  unit: string;
  direction: Direction;
  periodicity: Periodicity;
  rate_per: number | null;
  kolada_kpi: string | null;
  rule_document: string | null;
}

export function toIndicator(row: IndicatorRow): Indicator {
  return Object.assign(new Indicator(), {
    code: row.code,
    area: row.area,
    name: row.name,
    description: row.description,
    kind: row.kind,
    unit: row.unit,
    direction: row.direction,
    periodicity: row.periodicity,
    ratePer: row.rate_per,
    koladaKpi: row.kolada_kpi,
    ruleDocument: row.rule_document,
  });
}

/** The indicators of an area, in code order: one statement. */
export async function indicatorsOfArea(db: Db, area: Area): Promise<Indicator[]> {
  const rows: IndicatorRow[] = await db.query(`SELECT * FROM indicator WHERE area = $1 ORDER BY code`, [area]);
  return rows.map(toIndicator);
}

/** An indicator as the demo data defines it. */
export type IndicatorDefinition = Omit<Indicator, 'area'>;

/** Adds indicators that are not there yet; existing ones are left as they are. */
export async function seedIndicators(db: DataSource, area: Area, indicators: IndicatorDefinition[]): Promise<void> {
  for (const indicator of indicators) {
    await db.query(
      `INSERT INTO indicator (code, area, name, description, kind, unit, direction, periodicity, rate_per, kolada_kpi, rule_document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (code) DO NOTHING`,
      [
        indicator.code,
        area,
        indicator.name,
        indicator.description,
        indicator.kind,
        indicator.unit,
        indicator.direction,
        indicator.periodicity,
        indicator.ratePer,
        indicator.koladaKpi,
        indicator.ruleDocument,
      ],
    );
  }
}
