// German time: the app's users work in Germany, so "today" and service hours are Europe/Berlin, whatever
// the device's time zone and whatever UTC says (for one or two hours after German midnight the UTC date
// is still yesterday). Summer time comes with the time zone data.
const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })

/**
 * The offset by the UTC quarter hour: Germany changes its offset only on a full UTC hour, so every instant of
 * a quarter hour has the same one. Asking Intl costs tens of microseconds, and every write asks (today's day).
 */
const offsets = new Map<number, number>()
const QUARTER_HOUR = 900_000

/** How far German local time is ahead of UTC at an instant (1 or 2 hours). */
export function berlinOffsetMs(at: number): number {
  const slot = Math.floor(at / QUARTER_HOUR)
  const cached = offsets.get(slot)
  if (cached !== undefined) return cached
  const p = Object.fromEntries(berlin.formatToParts(new Date(slot * QUARTER_HOUR)).map((x) => [x.type, x.value]))
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
  const offset = local - slot * QUARTER_HOUR
  if (offsets.size > 10_000) offsets.clear()
  offsets.set(slot, offset)
  return offset
}

/** The German calendar day of a UTC instant. */
export const berlinDay = (iso: string): string => new Date(Date.parse(iso) + berlinOffsetMs(Date.parse(iso))).toISOString().slice(0, 10)

/** The instant a German calendar day begins (its midnight in Europe/Berlin), as a UTC ISO string. */
export function berlinDayStart(day: string): string {
  const known = DAY_STARTS.get(day)
  if (known) return known
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`)
  // German midnight lies one or two hours before UTC midnight; the offset an hour earlier is the one in force.
  const start = new Date(utcMidnight - berlinOffsetMs(utcMidnight - 3_600_000)).toISOString()
  if (DAY_STARTS.size > 20_000) DAY_STARTS.clear()
  DAY_STARTS.set(day, start)
  return start
}

/** German midnights by day: a report asks them for every day of a period (the offset lookup costs microseconds each). */
const DAY_STARTS = new Map<string, string>()

/** Today in Germany on a clock: the one function every "today" of the app goes through. */
export const berlinToday = (clock: () => Date): string => berlinDay(clock().toISOString())

/**
 * The instant of a German wall-clock time ("YYYY-MM-DDTHH:MM", as appointments store it), as a UTC ISO string.
 * A time in the hour that does not exist (the spring switch) is read with summer time's offset (an hour earlier on
 * the clock); in the hour that happens twice (autumn) it is the first of them.
 */
export function berlinLocalToInstant(local: string): string {
  const naive = Date.parse(`${local.slice(0, 16)}:00.000Z`)
  const first = naive - berlinOffsetMs(naive - 7_200_000)
  return new Date(naive - berlinOffsetMs(first)).toISOString()
}

/** The German wall-clock time ("YYYY-MM-DDTHH:MM") of a UTC instant. */
export const berlinLocalTime = (iso: string): string => new Date(Date.parse(iso) + berlinOffsetMs(Date.parse(iso))).toISOString().slice(0, 16)
