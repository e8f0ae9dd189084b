// German calendar days wherever a day is decided from an instant: the touchpoint list's date filter and
// "followed up on time" in the order-rate report take the German day, not the UTC one; the SQL form of
// the summer-time rule agrees with the time-zone data on every day of five years.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { berlinDayEnd } from '../../db/platform/berlin-sql'
import { berlinDayEndSql } from '../../db/migrations/2026-12-01-036-follow-up-stats'
import { berlinDayStart } from '../../shared/platform/berlin-time'
import { addCalendarDays } from '../../shared/platform/calendar/calendar-days'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createTouchpoint, listTouchpoints } from '../../electron/main/modules/customers/touchpoint.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { touchpointFieldsSchema, touchpointListQuerySchema } from '../../shared/modules/customers/touchpoint.schema'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2027-03-02T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

describe('German days', () => {
  it('berlinDayStart: German midnight in winter, in summer and on both switching days', () => {
    expect(berlinDayStart('2027-03-02')).toBe('2027-03-01T23:00:00.000Z')
    expect(berlinDayStart('2027-07-01')).toBe('2027-06-30T22:00:00.000Z')
    expect(berlinDayStart('2027-03-28')).toBe('2027-03-27T23:00:00.000Z') // summer time starts at 02:00 that night
    expect(berlinDayStart('2027-03-29')).toBe('2027-03-28T22:00:00.000Z')
    expect(berlinDayStart('2027-10-31')).toBe('2027-10-30T22:00:00.000Z') // and ends at 03:00
    expect(berlinDayStart('2027-11-01')).toBe('2027-10-31T23:00:00.000Z')
  })

  it('the SQL end of a German day agrees with the time-zone data on every day of 2026–2030', async () => {
    const { rows } = await sql<{ day: string; end: string }>`
      with recursive days(day) as (select '2026-01-01' union all select date(day, '+1 day') from days where day < '2030-12-31')
      select day, ${berlinDayEnd(sql.ref('day'), 2026, 2030)} as end from days`.execute(t.ctx.db)
    expect(rows).toHaveLength(1826)
    const wrong = rows.filter((r) => r.end !== berlinDayStart(addCalendarDays(r.day, 1)))
    expect(wrong).toEqual([])
  })

  it('the any-year SQL end of a German day (the follow-up roll-up\'s triggers) agrees with the time-zone data on every day of 2000–2040', async () => {
    const { rows } = await sql<{ day: string; end: string }>`
      with recursive days(day) as (select '2000-01-01' union all select date(day, '+1 day') from days where day < '2040-12-31')
      select day, ${sql.raw(berlinDayEndSql('day'))} as end from days`.execute(t.ctx.db)
    expect(rows).toHaveLength(14976)
    const wrong = rows.filter((r) => r.end !== berlinDayStart(addCalendarDays(r.day, 1)))
    expect(wrong).toEqual([])
  })

  it('a touchpoint at 00:30 German time on 2 March is found by a filter for 2 March, not for 1 March', async () => {
    const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '' })))
    await createTouchpoint(t.ctx, touchpointFieldsSchema.parse({
      companyId: company.id, occurredAt: '2027-03-01T23:30:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Rückruf kurz nach Mitternacht',
    }))
    const on = async (day: string) => (await listTouchpoints(t.ctx, touchpointListQuerySchema.parse({ from: day, to: day }) as Parameters<typeof listTouchpoints>[1])).total
    expect(await on('2027-03-02')).toBe(1)
    expect(await on('2027-03-01')).toBe(0)
  })
})
