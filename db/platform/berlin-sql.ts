// German calendar days in SQL. SQLite knows no time zones, so the EU summer-time rule is written out:
// summer time runs from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC,
// so German midnight is 22:00 UTC in summer and 23:00 UTC in winter. The summer windows of the years a
// query covers are computed here and written into the SQL as literals: per row only text comparisons run
// (date functions per row made the order-rate report four times slower). A test compares every day of
// several years with shared/platform/berlin-time.ts (which takes the rule from the time-zone data).
// The follow-up roll-up's triggers (migration 036) know no query's years: they write the same rule with the
// year's Sundays computed per row (berlinDayEndSql there), once per write; the same test checks it.
import { sql, type RawBuilder } from 'kysely'

/** The last Sunday of a month (0-based) of a year, as an ISO day. */
function lastSunday(year: number, month: 2 | 9): string {
  const last = new Date(Date.UTC(year, month, 31))
  last.setUTCDate(31 - last.getUTCDay())
  return last.toISOString().slice(0, 10)
}

/**
 * The instant (stored-instant text, `YYYY-MM-DDTHH:MM:SS.sssZ`) at which the German day `day` ends — the
 * next German midnight — for days in the years `fromYear`–`toYear` (other days are taken as winter days).
 * `done_at < berlinDayEnd(planned_date, …)` asks "done on or before the planned German day".
 */
export function berlinDayEnd(day: RawBuilder<unknown>, fromYear: number, toYear: number): RawBuilder<string> {
  // The day ends in summer time when it is the last Sunday of March or later, and before the last Sunday of October.
  const windows = []
  for (let year = fromYear; year <= toYear; year++) {
    windows.push(sql`(${day} >= ${sql.lit(lastSunday(year, 2))} and ${day} < ${sql.lit(lastSunday(year, 9))})`)
  }
  const summer = windows.length ? sql.join(windows, sql` or `) : sql`0`
  return sql<string>`(${day} || case when ${summer} then 'T22:00:00.000Z' else 'T23:00:00.000Z' end)`
}
