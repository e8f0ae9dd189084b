// German time: the app's users work in Germany, so "today" and service hours are Europe/Berlin, whatever
// the device's time zone and whatever UTC says (for one or two hours after German midnight the UTC date
// is still yesterday). Summer time comes with the time zone data.
const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })

/** How far German local time is ahead of UTC at an instant (1 or 2 hours). */
export function berlinOffsetMs(at: number): number {
  const p = Object.fromEntries(berlin.formatToParts(new Date(at)).map((x) => [x.type, x.value]))
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
  return local - Math.floor(at / 1000) * 1000
}

/** The German calendar day of a UTC instant. */
export const berlinDay = (iso: string): string => new Date(Date.parse(iso) + berlinOffsetMs(Date.parse(iso))).toISOString().slice(0, 10)

/** Today in Germany on a clock: the one function every "today" of the app goes through. */
export const berlinToday = (clock: () => Date): string => berlinDay(clock().toISOString())
