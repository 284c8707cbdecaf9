/**
 * Calendar arithmetic for statutory time limits, on calendar days (YYYY-MM-DD), following the Swedish
 * rule for time counted in months (lag (1930:173) om beräkning av lagstadgad tid, 1 §): the time runs
 * out on the same date of the last month, or on that month's last day when it has no such date.
 */
import { DAY_MS } from '@samsyn/core';

function parse(day: string): { year: number; month: number; date: number } {
  const [year, month, date] = day.split('-').map(Number);
  return { year, month, date };
}

const iso = (year: number, month: number, date: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `day` plus `months` months, ending on the month's last day when it has no such date (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(day: string, months: number): string {
  const { year, month, date } = parse(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return iso(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth)));
}
