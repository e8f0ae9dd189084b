// The bulk refresh of many companies (a first download's end, the daily roll, a pulled page) writes the positions a
// few hundred to a statement and reads each chunk's latest recorded changes in one query: the same result as one
// statement per company, `business` kept where it is not given, the latest change found as one look-up finds it.
import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { refreshJourneys } from '../../electron/main/modules/customers/journey.service'
import { latestJourneyChanges } from '../../db/modules/customers/journey-history'
import { saveJourneys } from '../../db/modules/customers/journey.repository'
import { newId } from '../../db/platform/ids'
import { insertSynced } from '../../db/platform/synced-writes'
import { openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-12-02T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const NOW = '2026-12-02T09:00:00.000Z'

async function companies(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => newId())
  await t.ctx.db.transaction().execute(async (trx) => {
    for (const [i, id] of ids.entries()) await insertSynced(trx, 'companies', { id, name: `Firma ${i}`, status: 'prospect' }, NOW)
  })
  return ids
}

const journey = async (id: string) => t.ctx.db.selectFrom('company_journey').select(['station', 'reason', 'business', 'computed_at']).where('company_id', '=', id).executeTakeFirst()

describe('bulk journey writes', () => {
  it('writes every position, more than one statement holds, and keeps the stored business where none is given', async () => {
    const ids = await companies(450)
    await t.ctx.db.transaction().execute((trx) => saveJourneys(trx, ids.map((companyId, i) => ({ companyId, station: 'offer', reason: 'status', business: i % 2 })), '2026-12-01T08:00:00.000Z'))
    await t.ctx.db.transaction().execute((trx) => saveJourneys(trx, [
      { companyId: ids[0]!, station: 'contract', reason: 'active_contract' },
      { companyId: ids[1]!, station: 'renewal', reason: 'renewal_window' },
      { companyId: ids[2]!, station: 'support', reason: 'open_cases', business: 1 },
    ], NOW))
    expect(await journey(ids[0]!)).toEqual({ station: 'contract', reason: 'active_contract', business: 0, computed_at: NOW })
    expect(await journey(ids[1]!)).toEqual({ station: 'renewal', reason: 'renewal_window', business: 1, computed_at: NOW })
    expect(await journey(ids[2]!)).toEqual({ station: 'support', reason: 'open_cases', business: 1, computed_at: NOW })
    expect(await journey(ids[449]!)).toEqual({ station: 'offer', reason: 'status', business: 1, computed_at: '2026-12-01T08:00:00.000Z' })
    const { n } = await t.ctx.db.selectFrom('company_journey').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n)).toBe(450)
  })

  it('finds the latest live change of each company: the later day first, on one day the later record', async () => {
    const [a, b, c] = await companies(3)
    const change = (companyId: string, station: 'offer' | 'support' | 'renewal', day: string, deleted = false) => t.ctx.db.transaction().execute((trx) => insertSynced(trx, 'journey_changes', {
      id: newId(), company_id: companyId, station, reason: 'latest_touchpoint', status: 'customer', changed_on: day, ...(deleted ? { deleted_at: NOW } : {}),
    }, NOW))
    await change(a!, 'support', '2026-11-20')
    await change(a!, 'offer', '2026-11-03')
    await change(b!, 'offer', '2026-11-20')
    await change(b!, 'renewal', '2026-11-20')
    await change(b!, 'support', '2026-11-25', true)
    const latest = await t.ctx.db.transaction().execute((trx) => latestJourneyChanges(trx, [a!, b!, c!]))
    expect(latest.get(a!)).toEqual({ station: 'support', reason: 'latest_touchpoint' })
    expect(latest.get(b!)).toEqual({ station: 'renewal', reason: 'latest_touchpoint' })
    expect(latest.has(c!)).toBe(false)
  })

  it('reads no recorded history when no position moves, and records the ones that do', async () => {
    const ids = await companies(3)
    await t.ctx.db.transaction().execute((trx) => refreshJourneys(trx, ids, NOW))
    const historyBefore = await t.ctx.db.selectFrom('journey_changes').select(['company_id', 'station']).execute()
    // Every query of the refresh, as the tree Kysely compiles (the tables it names).
    const seen: RootOperationNode[] = []
    const spy: KyselyPlugin = { transformQuery: ({ node }) => (seen.push(node), node), transformResult: async ({ result }) => result }
    const readsHistory = () => seen.some((node) => node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"journey_changes"'))

    await t.ctx.db.transaction().execute((trx) => refreshJourneys(trx.withPlugin(spy), ids, NOW))
    expect(seen.length).toBeGreaterThan(0)
    expect(readsHistory()).toBe(false)
    expect(await t.ctx.db.selectFrom('journey_changes').select(['company_id', 'station']).execute()).toEqual(historyBefore)

    // A complaint call moves the first company to the support station: now its history is read and extended.
    await t.ctx.db.transaction().execute((trx) => insertSynced(trx, 'touchpoints', {
      id: newId(), company_id: ids[0]!, contact_id: null, occurred_at: NOW, channel: 'phone', direction: 'inbound', mode: 'direct', station: 'support', summary: 'Reklamation', created_by: '',
    }, NOW))
    seen.length = 0
    await t.ctx.db.transaction().execute((trx) => refreshJourneys(trx.withPlugin(spy), ids, NOW))
    expect(readsHistory()).toBe(true)
    expect((await journey(ids[0]!))?.station).toBe('support')
    const added = await t.ctx.db.selectFrom('journey_changes').select(['company_id', 'station']).where('station', '=', 'support').execute()
    expect(added).toEqual([{ company_id: ids[0]!, station: 'support' }])
  })
})
