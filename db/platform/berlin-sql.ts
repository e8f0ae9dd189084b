// German calendar days in SQL. SQLite knows no time zones, so the EU summer-time rule is written out:
// summer time runs from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC,
// so German midnight is 22:00 UTC in summer and 23:00 UTC in winter. A test compares every day of
// several years with shared/platform/berlin-time.ts (which takes the rule from the time-zone data).
import { sql, type RawBuilder } from 'kysely'

/** The last Sunday of a month of the year of `day`: the Sunday before the first of the next month, or that first. */
const lastSundayBefore = (day: RawBuilder<unknown>, firstOfNext: '04-01' | '11-01') =>
  sql<string>`date(strftime('%Y', ${day}) || ${`-${firstOfNext}`}, 'weekday 0', '-7 days')`

/**
 * The instant (stored-instant text, `YYYY-MM-DDTHH:MM:SS.sssZ`) at which the German day `day` ends: the next
 * German midnight. `done_at < berlinDayEnd(planned_date)` asks "done on or before the planned German day".
 */
export function berlinDayEnd(day: RawBuilder<unknown>): RawBuilder<string> {
  const next = sql<string>`date(${day}, '+1 day')`
  // Midnight at the start of the switching Sundays is still before the switch (01:00 UTC).
  const summer = sql`${next} > ${lastSundayBefore(day, '04-01')} and ${next} <= ${lastSundayBefore(day, '11-01')}`
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${next}, case when ${summer} then '-2 hours' else '-1 hours' end)`
}
