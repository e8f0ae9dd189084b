// Every change of a customer's journey station is recorded with its Berlin day and reason, synced (an outbox
// insert each), once: a refresh that does not move the customer records nothing, a second change to the same
// station on one day gets its own id, and a company positioned before the history existed gets its starting entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { journeyChangeId } from '../../db/modules/customers'
import { refreshJourney } from '../../electron/main/modules/customers/journey.service'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const history = (companyId: string) => t.ctx.db.selectFrom('journey_changes').select(['id', 'station', 'reason', 'status', 'changed_on'])
  .where('company_id', '=', companyId).where('deleted_at', 'is', null).orderBy('changed_on').orderBy('local_seq').execute()
const outboxInserts = async () => (await t.ctx.db.selectFrom('sync_outbox').select(['table_name', 'row_id', 'kind']).where('table_name', '=', 'journey_changes').execute())
const touchpoint = (companyId: string, station: string, occurredAt: string) =>
  must('touchpoints.create', { companyId, occurredAt, channel: 'phone', direction: 'inbound', mode: 'direct', station, summary: 'Gespräch' })

describe('the journey over time', () => {
  it('records each change of station with its day, reason and status, and nothing when the station stays', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ status: 'prospect' }))
    // A new company's first position is its start, known from the company itself: nothing to sync yet.
    expect(await history(company.id)).toEqual([])
    t.setNow('2026-11-23T08:00:00.000Z')
    await touchpoint(company.id, 'support', '2026-11-23T08:00:00.000Z')
    expect((await history(company.id))[0]).toEqual(
      { id: journeyChangeId(company.id, 'offer', '2026-11-20'), station: 'offer', reason: 'status', status: 'prospect', changed_on: '2026-11-20' },
    )
    // Late at night UTC is the next Berlin day.
    t.setNow('2026-11-24T23:30:00.000Z')
    await touchpoint(company.id, 'support', '2026-11-24T23:30:00.000Z')
    await touchpoint(company.id, 'referral', '2026-11-24T23:31:00.000Z')
    const rows = await history(company.id)
    expect(rows.map((r) => [r.station, r.reason, r.changed_on])).toEqual([
      ['offer', 'status', '2026-11-20'], ['support', 'latest_touchpoint', '2026-11-23'], ['referral', 'latest_touchpoint', '2026-11-25'],
    ])
    const outbox = await outboxInserts()
    expect(outbox.map((o) => o.row_id).sort()).toEqual(rows.map((r) => r.id).sort())
    expect(outbox.every((o) => o.kind === 'insert')).toBe(true)
  })

  it('gives a second change to the same station on one day its own id', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ status: 'prospect' }))
    await touchpoint(company.id, 'support', '2026-11-20T09:01:00.000Z')
    await touchpoint(company.id, 'offer', '2026-11-20T09:02:00.000Z')
    const rows = await history(company.id)
    expect(rows.map((r) => r.station)).toEqual(['offer', 'support', 'offer'])
    expect(rows[2]!.id).toBe(journeyChangeId(company.id, 'offer', '2026-11-20', 1))
    expect(new Set(rows.map((r) => r.id)).size).toBe(3)
  })

  it('backfills a starting entry, dated the day the company was made, for a company positioned before the history', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ status: 'prospect' }))
    // As after migration 021 on a database with customers: a stored position, no history.
    await t.ctx.db.deleteFrom('journey_changes').execute()
    t.setNow('2027-01-10T10:00:00.000Z')
    await touchpoint(company.id, 'usage', '2027-01-10T10:00:00.000Z')
    expect((await history(company.id)).map((r) => [r.station, r.reason, r.status, r.changed_on])).toEqual([
      ['offer', 'status', 'prospect', '2026-11-20'], ['usage', 'latest_touchpoint', 'prospect', '2027-01-10'],
    ])
  })

  it('records no second row when the latest recorded change already names the position (a pulled colleague’s change)', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ status: 'prospect' }))
    await touchpoint(company.id, 'support', '2026-11-20T09:01:00.000Z')
    await touchpoint(company.id, 'offer', '2026-11-20T09:02:00.000Z')
    await t.ctx.db.transaction().execute(async (trx) => {
      // This laptop's stored position is stale (as before applying a pulled page): the refresh moves it, the record exists.
      await trx.updateTable('company_journey').set({ station: 'support', reason: 'latest_touchpoint' }).where('company_id', '=', company.id).execute()
      await refreshJourney(trx, company.id, t.ctx.clock().toISOString())
    })
    expect((await history(company.id)).map((r) => [r.station, r.reason])).toEqual([['offer', 'status'], ['support', 'latest_touchpoint'], ['offer', 'latest_touchpoint']])
  })
})

describe('the demo’s year of journey history', () => {
  it('ends where each company stands now, on days of the last year in order, and gives the journey map movements', async () => {
    const { loadDemoData, DEMO_SIZES } = await import('../../electron/main/modules/demo')
    const result = await loadDemoData(t.ctx, DEMO_SIZES.small)
    expect(result.journeyChanges).toBeGreaterThan(120)
    const rows = await t.ctx.db.selectFrom('journey_changes').select(['company_id', 'station', 'reason', 'changed_on']).where('deleted_at', 'is', null)
      .orderBy('company_id').orderBy('changed_on').orderBy('local_seq').execute()
    const current = await t.ctx.db.selectFrom('company_journey').select(['company_id', 'station', 'reason']).execute()
    const last = new Map<string, { station: string | null; reason: string; changed_on: string }>()
    let previous: (typeof rows)[number] | undefined
    for (const row of rows) {
      if (previous?.company_id === row.company_id) expect(row.changed_on > previous.changed_on).toBe(true)
      expect(row.changed_on >= '2025-11-20' && row.changed_on <= '2026-11-20').toBe(true)
      last.set(row.company_id, row)
      previous = row
    }
    expect(last.size).toBe(60)
    for (const c of current) expect([last.get(c.company_id)?.station, last.get(c.company_id)?.reason]).toEqual([c.station, c.reason])
    const map = await must<{ transitions: Array<{ count: number }>; stations: Array<{ medianDays: number | null }> }>('journey.map', { from: '2025-11-20', to: '2026-11-20' })
    expect(map.transitions.reduce((n, x) => n + x.count, 0)).toBeGreaterThan(60)
    expect(map.stations.filter((s) => s.medianDays !== null).length).toBeGreaterThanOrEqual(4)
  })
})
