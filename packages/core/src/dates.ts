/** Today's date in Sweden as YYYY-MM-DD: municipal deadlines count Swedish calendar days. */
export function swedishToday(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** A GraphQL Date (parsed to a JS Date at UTC midnight) as YYYY-MM-DD. */
export function isoDate(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}
