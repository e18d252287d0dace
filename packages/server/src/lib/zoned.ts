/** Offset of `timeZone` from UTC at instant `at`, in minutes (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00.000Z`);
  let guess = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDateOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The Mondays (YYYY-MM-DD) from the one on or before `first` through the one on or before `last`. */
export function mondaysBetween(first: string, last: string): string[] {
  const day = 86_400_000;
  const start = Date.parse(`${first}T00:00:00.000Z`);
  const end = Date.parse(`${last}T00:00:00.000Z`);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * day;
  const out: string[] = [];
  for (let t = monday; t <= end; t += 7 * day) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The clinic-local weeks touching [from, to): their Mondays and the instants they start (daylight-saving changes exact). */
export function periodWeeks(from: Date, to: Date, timeZone: string): { mondays: string[]; starts: Date[] } {
  const mondays = mondaysBetween(localDateOf(from, timeZone), localDateOf(new Date(to.getTime() - 1), timeZone));
  return { mondays, starts: mondays.map((m) => startOfLocalDay(m, timeZone)) };
}
