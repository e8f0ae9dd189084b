// The journey history is synced: two laptops that make the same change of station on the same day make the same
// row and the server takes the second insert as the same record; a colleague's change pulled days later arrives
// with its record and its day, and the pulling laptop records nothing of its own. On SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createTouchpoint } from '../../electron/main/modules/customers/touchpoint.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { touchpointFieldsSchema } from '../../shared/modules/customers/touchpoint.schema'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const historyOf = (laptop: TestClient, companyId: string) => laptop.ctx.db.selectFrom('journey_changes').select(['id', 'station', 'reason', 'changed_on'])
  .where('company_id', '=', companyId).where('deleted_at', 'is', null).orderBy('changed_on').orderBy('id').execute()
const logTouchpoint = (laptop: TestClient, companyId: string, station: string) => createTouchpoint(laptop.ctx, touchpointFieldsSchema.parse({
  companyId, occurredAt: laptop.ctx.clock().toISOString(), channel: 'phone', direction: 'inbound', mode: 'direct', station, summary: 'Gespräch',
}))

describe.each(STORE_KINDS)('the journey history synced on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  /** Ben and Anna of one team, both with a prospect Ben made on 20.11.2026 (nothing of its journey recorded yet). */
  async function prospectOnTwoLaptops() {
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    await ben.sync()
    await anna.sync()
    server.h.clock.now = new Date('2026-11-20T09:00:00.000Z')
    const company = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'prospect', ownerId: ben.ctx.userId })))
    expect((await ben.sync()).rejected).toBe(0)
    await anna.sync()
    return { ben, anna, company }
  }

  it.skipIf(skip)('the same change on two laptops on one day is one record everywhere', async () => {
    const { ben, anna, company } = await prospectOnTwoLaptops()
    // Both offline, each logs a complaint call: both laptops move the customer to support today.
    server.h.clock.now = new Date('2026-11-23T10:00:00.000Z')
    await logTouchpoint(ben, company.id, 'support')
    await logTouchpoint(anna, company.id, 'support')
    expect((await ben.sync()).rejected).toBe(0)
    expect((await anna.sync()).rejected).toBe(0)
    await ben.sync()
    const onServer = await server.h.store.db.selectFrom('sync_rows').select(['id', 'data']).where('table_name', '=', 'journey_changes').where('deleted', '=', 0).execute()
    expect(onServer.map((r) => (JSON.parse(r.data) as { station: string; changed_on: string })).map((d) => [d.station, d.changed_on]).sort())
      .toEqual([['offer', '2026-11-20'], ['support', '2026-11-23']])
    const bens = await historyOf(ben, company.id)
    expect(bens.map((r) => [r.station, r.reason, r.changed_on])).toEqual([['offer', 'status', '2026-11-20'], ['support', 'latest_touchpoint', '2026-11-23']])
    expect(await historyOf(anna, company.id)).toEqual(bens)
    for (const laptop of [ben, anna]) expect(await laptop.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
  })

  it.skipIf(skip)('a colleague’s change pulled days later keeps its day, and the pulling laptop adds no row', async () => {
    const { ben, anna, company } = await prospectOnTwoLaptops()
    server.h.clock.now = new Date('2026-11-23T10:00:00.000Z')
    await logTouchpoint(ben, company.id, 'usage')
    await ben.sync()
    // Anna was away for a week.
    server.h.clock.now = new Date('2026-11-30T08:00:00.000Z')
    expect((await anna.sync()).rejected).toBe(0)
    expect(await anna.ctx.db.selectFrom('company_journey').select('station').where('company_id', '=', company.id).executeTakeFirstOrThrow()).toEqual({ station: 'usage' })
    expect((await historyOf(anna, company.id)).map((r) => [r.station, r.changed_on])).toEqual([['offer', '2026-11-20'], ['usage', '2026-11-23']])
    expect(await anna.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
  })
})
