/** Today in Sweden, YYYY-MM-DD: the day documents are in force on and deadlines are counted from. */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
