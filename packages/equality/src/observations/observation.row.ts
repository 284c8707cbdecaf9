/** One stored figure, as `observation` holds it. */
export interface ObservationRow {
  indicator_code: string;
  district: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}
