// A laptop restored from a backup, or a database copied onto a second laptop, is behind the server's
// record of its client id. It must notice, take a new client id, and lose nothing.
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHECK_AFTER_CHANGES_MS } from '../../electron/main/modules/sync/engine'
import { readState } from '../../electron/main/modules/sync/state'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { connectClient, replaceDatabase, startHarness, type Harness, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const company = (c: TestClient, name: string) => createCompany(c.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name })))
const names = async (c: TestClient) =>
  (await c.ctx.db.selectFrom('companies').select('name').where('deleted_at', 'is', null).orderBy('name').execute()).map((r) => r.name)
const serverNames = async (h: Harness) =>
  (await h.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'companies').where('deleted', '=', 0).execute())
    .map((r) => (JSON.parse(r.data) as { name: string }).name).sort()

describe('restored and copied laptops, and divergence from the server', () => {
  let h: Harness
  const clients: TestClient[] = []
  beforeEach(async () => {
    h = await startHarness('sqlite')
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.cleanup()
    await h.cleanup()
  })
  const client = async (login: string) => {
    const c = await connectClient(h, login)
    clients.push(c)
    return c
  }

  it('a laptop restored from yesterday\'s backup re-identifies and loses neither the new work nor what it had pushed since', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    await company(anna, 'Alpha GmbH')
    await anna.sync()
    await company(anna, 'Bravo GmbH') // in the backup, not yet pushed
    const backup = path.join(anna.dir, 'backup.sqlite')
    await sql`VACUUM INTO ${backup}`.execute(anna.ctx.db)
    await anna.sync() // Bravo reaches the server after the backup
    await company(anna, 'Charlie GmbH')
    await anna.sync()
    const oldClientId = anna.deps.clientId

    await replaceDatabase(anna, backup)
    await company(anna, 'Delta GmbH') // new work on the restored laptop, numbered where the backup stood
    const summary = await anna.sync()
    expect(summary.reidentified).toBe(true)
    expect(anna.deps.clientId).not.toBe(oldClientId)
    expect(await readState(anna.ctx.db, 'client_id')).toBe(anna.deps.clientId)
    expect(await serverNames(h)).toEqual(['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH', 'Delta GmbH'])
    expect(await names(anna)).toEqual(['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH', 'Delta GmbH'])
    expect(await anna.ctx.db.selectFrom('sync_outbox').select('client_seq').execute()).toEqual([])
    await ben.sync()
    expect(await names(ben)).toEqual(['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH', 'Delta GmbH'])
    // The next edit syncs normally under the new id.
    await company(anna, 'Echo GmbH')
    expect((await anna.sync()).reidentified).toBe(false)
    expect(await serverNames(h)).toContain('Echo GmbH')
  })

  it('two laptops sharing a copied database both keep their work', async () => {
    const anna = await client('anna')
    await company(anna, 'Alpha GmbH')
    await anna.sync()
    const copy = await client('anna')
    const copied = path.join(copy.dir, 'copied.sqlite')
    await sql`VACUUM INTO ${copied}`.execute(anna.ctx.db)
    await replaceDatabase(copy, copied)
    copy.deps = { ...copy.deps, clientId: anna.deps.clientId, token: anna.deps.token }

    await company(anna, 'Original GmbH')
    await company(copy, 'Kopie GmbH')
    await company(copy, 'Kopie Zwei GmbH')
    await anna.sync()
    const summary = await copy.sync()
    expect(summary.reidentified).toBe(true)
    await anna.sync()
    const all = ['Alpha GmbH', 'Kopie GmbH', 'Kopie Zwei GmbH', 'Original GmbH']
    expect(await serverNames(h)).toEqual(all)
    expect(await names(anna)).toEqual(all)
    expect(await names(copy)).toEqual(all)
  })

  it('is found by the scope checksums and repaired by downloading that scope again, keeping unpushed work', async () => {
    const anna = await client('anna')
    for (const name of ['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH']) await company(anna, name)
    expect((await anna.sync()).redownloaded).toEqual([])
    // Behind the sync's back: a row lost, a row the server never had, a stale version.
    const [alpha, bravo] = await anna.ctx.db.selectFrom('companies').select(['id', 'server_version']).orderBy('name').execute()
    await sql`PRAGMA foreign_keys = OFF`.execute(anna.ctx.db)
    await anna.ctx.db.deleteFrom('companies').where('id', '=', alpha!.id).execute()
    await sql`PRAGMA foreign_keys = ON`.execute(anna.ctx.db)
    await anna.ctx.db.updateTable('companies').set({ server_version: bravo!.server_version! - 1 }).where('id', '=', bravo!.id).execute()
    await anna.ctx.db.insertInto('companies').values({ id: '01900000-0000-7000-8000-000000000001', name: 'Geist GmbH', status: 'prospect', created_at: '2026-11-20T09:00:00.000Z', updated_at: '2026-11-20T09:00:00.000Z', server_version: 3, team_id: h.teams.nord } as never).execute()
    await company(anna, 'Delta GmbH') // unpushed work stays
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000)
    const summary = await anna.sync()
    expect(summary.redownloaded).toEqual([`team:${h.teams.nord}`])
    expect(await names(anna)).toEqual(['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH', 'Delta GmbH'])
    expect(await serverNames(h)).toEqual(['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH', 'Delta GmbH'])
    expect((await anna.sync()).redownloaded).toEqual([])
  })

  it('as the app runs it, compares after a download at once, then at most every 15 minutes while rows move', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    anna.deps.checkAfterChangesMs = undefined // the app's cadence, not the harness's every run
    let seen = 0
    const checksum = h.transport.checksum.bind(h.transport)
    anna.deps.transport = { ...h.transport, checksum: (...args) => (seen++, checksum(...args)) }
    for (const name of ['Alpha GmbH', 'Bravo GmbH']) await company(ben, name)
    await ben.sync()
    expect((await anna.sync()).pulled).toBeGreaterThan(0) // the first download
    expect(seen).toBe(1)
    // A row lost behind the sync's back, while colleagues keep working: the next few runs do not read the checksums …
    await sql`PRAGMA foreign_keys = OFF`.execute(anna.ctx.db)
    await anna.ctx.db.deleteFrom('companies').where('name', '=', 'Alpha GmbH').execute()
    await sql`PRAGMA foreign_keys = ON`.execute(anna.ctx.db)
    await company(ben, 'Charlie GmbH')
    await ben.sync()
    h.clock.now = new Date(h.clock.now.getTime() + CHECK_AFTER_CHANGES_MS - 60_000)
    expect(await anna.sync()).toMatchObject({ pulled: 1, redownloaded: [] })
    expect(seen).toBe(1)
    expect(await names(anna)).toEqual(['Bravo GmbH', 'Charlie GmbH'])
    // … the first run with changes after 15 minutes does, and repairs the laptop.
    await company(ben, 'Delta GmbH')
    await ben.sync()
    h.clock.now = new Date(h.clock.now.getTime() + 60_000)
    expect(await anna.sync()).toMatchObject({ redownloaded: [`team:${h.teams.nord}`] })
    expect(seen).toBe(3) // compared, pulled once more, compared again: still different, so downloaded again
    expect(await names(anna)).toEqual(['Alpha GmbH', 'Bravo GmbH', 'Charlie GmbH', 'Delta GmbH'])
  })
})
