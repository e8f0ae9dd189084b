// The sync server and the app's sync client, end to end in-process, on SQLite and on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { createCompany, updateCompany, deleteCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { setUserTeam } from '../../server/admin/accounts'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { MAX_BODY_BYTES } from '../../shared/modules/sync/protocol'
import { connectClient, PASSWORD, postgresAvailable, startHarness, STORE_KINDS, type Harness, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const edited = (o: Record<string, unknown>) => companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Brunsviga GmbH', ...o }))
const company = (c: TestClient, o: Record<string, unknown> = {}) => createCompany(c.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', ...o })))
const contact = (c: TestClient, companyId: string, lastName: string) =>
  createContact(c.ctx, contactFieldsSchema.parse({ companyId, salutation: 'mr', firstName: 'Jörg', lastName, language: 'de', buyingRole: 'decision_maker' }))

async function rowCount(h: Harness): Promise<number> {
  const r = await h.store.db.selectFrom('sync_rows').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

const liveNames = async (c: TestClient) =>
  (await c.ctx.db.selectFrom('companies').select('name').where('deleted_at', 'is', null).orderBy('name').execute()).map((r) => r.name)

describe.each(STORE_KINDS)('sync server on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  let h: Harness
  const clients: TestClient[] = []
  const client = async (login: string) => {
    const c = await connectClient(h, login)
    clients.push(c)
    return c
  }

  beforeEach(async () => {
    if (skip) return
    h = await startHarness(kind)
  })
  /** Anna and Ben (same team) both hold the company Anna created. */
  const bothHaveACompany = async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    const created = await company(anna, { name: 'Brunsviga GmbH', city: 'Braunschweig' })
    await anna.sync()
    await ben.sync()
    return { anna, ben, created }
  }
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.cleanup()
    if (!skip) await h.cleanup()
  })

  it.skipIf(skip)('a company created offline reaches a colleague of the same team, with the team the server assigned', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    const created = await company(anna, { name: 'Brunsviga Maschinenbau GmbH' })
    await contact(anna, created.id, 'Weiß')
    expect((await anna.sync()).pushed).toBe(2)
    await ben.sync()
    expect(await liveNames(ben)).toEqual(['Brunsviga Maschinenbau GmbH'])
    const row = await ben.ctx.db.selectFrom('companies').select(['team_id', 'server_version']).executeTakeFirstOrThrow()
    expect(row.team_id).toBe(h.teams.nord)
    expect(row.server_version).toBeGreaterThan(0)
    expect(await ben.ctx.db.selectFrom('contacts').select('last_name').execute()).toEqual([{ last_name: 'Weiß' }])
    // Applying pulled changes writes no outbox operations.
    expect(await ben.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
    // The user directory arrives too, so owner names show.
    expect((await ben.ctx.db.selectFrom('users').select('display_name').orderBy('display_name').execute()).map((u) => u.display_name)).toContain('Anna Becker')
  })

  it.skipIf(skip)('a retried push applies nothing twice', async () => {
    const anna = await client('anna')
    await company(anna)
    let responses = 0
    h.setFetch((inner) => async (url, init) => {
      const response = await inner(url, init)
      // The answer is lost, and so is the answer to the transport's immediate retry: the run fails.
      if (url.includes('/push') && responses++ < 2) throw new TypeError('fetch failed')
      return response
    })
    await expect(anna.sync()).rejects.toThrow()
    expect(await rowCount(h)).toBeGreaterThan(0)
    const before = await rowCount(h)
    h.setFetch(null)
    const summary = await anna.sync()
    expect(summary.pushed).toBe(1)
    expect(await rowCount(h)).toBe(before)
    const ops = await h.store.db.selectFrom('sync_ops').selectAll().execute()
    expect(ops).toHaveLength(1)
  })

  it.skipIf(skip)('a gap in the client sequence is refused and writes nothing', async () => {
    const anna = await client('anna')
    await company(anna, { name: 'Erste GmbH' })
    await anna.sync()
    await company(anna, { name: 'Zweite GmbH' })
    await company(anna, { name: 'Dritte GmbH' })
    const before = await rowCount(h)
    await anna.ctx.db.deleteFrom('sync_outbox').where('client_seq', '=', (await anna.ctx.db.selectFrom('sync_outbox').select('client_seq').orderBy('client_seq').executeTakeFirstOrThrow()).client_seq).execute()
    await expect(anna.sync()).rejects.toMatchObject({ code: 'sequence_gap' })
    expect(await rowCount(h)).toBe(before)
  })

  it.skipIf(skip)('two colleagues edit different fields: both win', async () => {
    const { anna, ben, created } = await bothHaveACompany()
    await updateCompany(anna.ctx, created.id, edited({ city: 'Wolfsburg' }))
    await updateCompany(ben.ctx, created.id, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Brunsviga GmbH', city: 'Braunschweig', notes: 'Rückruf Montag' })))
    await anna.sync()
    await ben.sync()
    await anna.sync()
    for (const c of [anna, ben]) {
      const row = await c.ctx.db.selectFrom('companies').select(['city', 'notes']).executeTakeFirstOrThrow()
      expect(row).toEqual({ city: 'Wolfsburg', notes: 'Rückruf Montag' })
      expect(await c.ctx.db.selectFrom('sync_conflicts').selectAll().execute()).toEqual([])
    }
  })

  it.skipIf(skip)('the same field edited on two laptops: first wins, the other value is kept as a conflict both see', async () => {
    const { anna, ben, created } = await bothHaveACompany()
    await updateCompany(anna.ctx, created.id, edited({ city: 'Wolfsburg' }))
    h.clock.now = new Date('2026-11-20T10:00:00.000Z')
    await updateCompany(ben.ctx, created.id, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Brunsviga GmbH', city: 'Salzgitter' })))
    await anna.sync()
    const summary = await ben.sync()
    expect(summary.conflicts).toBe(1)
    await anna.sync()
    for (const c of [anna, ben]) {
      expect((await c.ctx.db.selectFrom('companies').select('city').executeTakeFirstOrThrow()).city).toBe('Wolfsburg')
      const conflicts = await c.ctx.db.selectFrom('sync_conflicts').selectAll().execute()
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]).toMatchObject({ table_name: 'companies', row_id: created.id, field: 'city', kind: 'field', server_value: '"Wolfsburg"', client_value: '"Salzgitter"', server_user: 'Anna Becker', client_user: 'Ben Schulz' })
    }
  })

  it.skipIf(skip)('delete against edit: the delete wins and the edit is kept as a conflict', async () => {
    const { anna, ben, created } = await bothHaveACompany()
    await deleteCompany(anna.ctx, created.id)
    await updateCompany(ben.ctx, created.id, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Brunsviga GmbH', city: 'Peine', ownerId: created.ownerId })))
    await anna.sync()
    await ben.sync()
    await anna.sync()
    for (const c of [anna, ben]) {
      expect(await liveNames(c)).toEqual([])
      const conflicts = await c.ctx.db.selectFrom('sync_conflicts').select(['field', 'kind', 'client_value']).execute()
      expect(conflicts).toEqual([{ field: 'city', kind: 'deleted', client_value: '"Peine"' }])
    }
    // The deleted row never comes back: a second delete or a stale edit changes nothing.
    expect((await h.store.db.selectFrom('sync_rows').select('deleted').where('id', '=', created.id).executeTakeFirstOrThrow()).deleted).toBe(1)
  })

  it.skipIf(skip)('a rep of another team never receives the row, also not with a hand-crafted request', async () => {
    const anna = await client('anna')
    const carla = await client('carla')
    const max = await client('max')
    const nord = await company(anna, { name: 'Nord GmbH' })
    await anna.sync()
    await company(carla, { name: 'Süd GmbH' })
    await carla.sync()
    await max.sync()
    expect(await liveNames(anna)).toEqual(['Nord GmbH'])
    expect(await liveNames(carla)).toEqual(['Süd GmbH'])
    expect(await liveNames(max)).toEqual(['Nord GmbH', 'Süd GmbH'])
    // Carla crafts a contact under Anna's company and an edit of it: both refused, nothing written.
    const before = await rowCount(h)
    const crafted = await h.transport.push(carla.deps.token, SCHEMA_VERSION, {
      clientId: carla.deps.clientId, schemaVersion: SCHEMA_VERSION,
      ops: [
        { opId: crypto.randomUUID(), clientSeq: 2, table: 'contacts', rowId: 'x1', kind: 'insert', baseVersion: null, fields: { company_id: { old: null, new: nord.id } }, schemaVersion: SCHEMA_VERSION, createdAt: '' },
        { opId: crypto.randomUUID(), clientSeq: 3, table: 'companies', rowId: nord.id, kind: 'update', baseVersion: 999, fields: { name: { old: null, new: 'Gekapert' } }, schemaVersion: SCHEMA_VERSION, createdAt: '' },
        { opId: crypto.randomUUID(), clientSeq: 4, table: 'companies', rowId: 'x2', kind: 'insert', baseVersion: null, fields: { name: { old: null, new: 'X' }, team_id: { old: null, new: h.teams.nord } }, schemaVersion: SCHEMA_VERSION, createdAt: '' },
        { opId: crypto.randomUUID(), clientSeq: 5, table: 'users', rowId: 'x3', kind: 'insert', baseVersion: null, fields: { role: { old: null, new: 'admin' } }, schemaVersion: SCHEMA_VERSION, createdAt: '' },
      ],
    }).catch((e: unknown) => e)
    expect(crafted).toMatchObject({ results: [{ status: 'rejected', reason: 'unknown_parent' }, { status: 'rejected', reason: 'not_found' }, { status: 'rejected', reason: 'forbidden' }, { status: 'rejected', reason: 'read_only' }] })
    expect(await rowCount(h)).toBe(before)
    // A pull with another device's client id is refused.
    await expect(h.transport.pull(carla.deps.token, SCHEMA_VERSION, { clientId: anna.deps.clientId, cursor: 0, limit: 100, bootstrap: false, withRemaining: false })).rejects.toMatchObject({ code: 'forbidden' })
    const everything = await h.transport.pull(carla.deps.token, SCHEMA_VERSION, { clientId: carla.deps.clientId, cursor: 0, limit: 5000, bootstrap: true, withRemaining: true })
    expect(everything.changes.some((c) => c.id === nord.id)).toBe(false)
  })

  it.skipIf(skip)('a company moved to another team leaves the old team and arrives, with its contacts, in the new one', async () => {
    const anna = await client('anna')
    const carla = await client('carla')
    const max = await client('max')
    const moved = await company(anna, { name: 'Wandert GmbH' })
    await contact(anna, moved.id, 'Krüger')
    await anna.sync()
    await carla.sync()
    await max.sync()
    await max.ctx.db.transaction().execute(async (trx) => {
      const { updateSynced } = await import('../../db/platform/synced-writes')
      await updateSynced(trx, 'companies', moved.id, { team_id: h.teams.sued }, '2026-11-20T11:00:00.000Z')
    })
    await max.sync()
    await anna.sync()
    await carla.sync()
    expect(await liveNames(anna)).toEqual([])
    expect(await anna.ctx.db.selectFrom('contacts').selectAll().execute()).toEqual([])
    expect(await liveNames(carla)).toEqual(['Wandert GmbH'])
    expect((await carla.ctx.db.selectFrom('contacts').select('last_name').execute())).toEqual([{ last_name: 'Krüger' }])
  })

  it.skipIf(skip)('a rep whose team changes starts over with the new team\'s records', async () => {
    const anna = await client('anna')
    const carla = await client('carla')
    await company(anna, { name: 'Nord GmbH' })
    await anna.sync()
    await company(carla, { name: 'Süd GmbH' })
    await carla.sync()
    await setUserTeam(h.store, 'anna', h.teams.sued)
    await anna.sync()
    expect(await liveNames(anna)).toEqual(['Süd GmbH'])
  })

  it.skipIf(skip)('login: wrong passwords are refused and then throttled; unauthenticated, malformed, oversized and outdated requests write nothing', async () => {
    const anna = await client('anna')
    await company(anna)
    await anna.sync()
    const before = await rowCount(h)
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      h.fetch(`http://sync.test${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })
    const auth = { authorization: `Bearer ${anna.deps.token}`, 'x-kundenreise-schema': String(SCHEMA_VERSION) }
    expect((await post('/sync/v1/push', '{"clientId":"x","schemaVersion":1,"ops":[]}')).status).toBe(401)
    expect((await post('/sync/v1/push', '{"clientId":"x","schemaVersion":1,"ops":[]}', { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' })).status).toBe(401)
    expect((await post('/sync/v1/push', '{not json', auth)).status).toBe(400)
    expect((await post('/sync/v1/push', JSON.stringify({ clientId: anna.deps.clientId, schemaVersion: 1, ops: [{ opId: 'nope' }] }), auth)).status).toBe(400)
    expect((await post('/sync/v1/push', 'x'.repeat(MAX_BODY_BYTES + 10), auth)).status).toBe(413)
    expect((await post('/sync/v1/push', '{"clientId":"x","schemaVersion":1,"ops":[]}', { ...auth, 'x-kundenreise-schema': '0' })).status).toBe(426)
    expect((await h.fetch('http://sync.test/sync/v1/pull?cursor=-1', { headers: auth })).status).toBe(400)
    expect(await rowCount(h)).toBe(before)

    await expect(h.transport.login({ login: 'anna', password: 'falsch-falsch', clientId: 'c1' })).rejects.toMatchObject({ code: 'invalid_credentials' })
    await expect(h.transport.login({ login: 'niemand', password: PASSWORD, clientId: 'c1' })).rejects.toMatchObject({ code: 'invalid_credentials' })
    for (let i = 0; i < 9; i++) await h.transport.login({ login: 'anna', password: 'falsch-falsch', clientId: 'c1' }).catch(() => {})
    await expect(h.transport.login({ login: 'anna', password: PASSWORD, clientId: 'c1' })).rejects.toMatchObject({ code: 'rate_limited' })
    const stored = await h.store.db.selectFrom('users').select('password_hash').where('login', '=', 'anna').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$/)
    const sessions = await h.store.db.selectFrom('sessions').select('token_hash').execute()
    expect(sessions.map((s) => s.token_hash)).not.toContain(anna.deps.token)
  })

  it.skipIf(skip)('the bootstrap tells how much is left, page by page, and resumes from its cursor', async () => {
    const anna = await client('anna')
    for (let i = 0; i < 12; i++) await company(anna, { name: `Firma ${String(i).padStart(2, '0')} GmbH` })
    await anna.sync()
    const ben = await client('ben')
    const first = await h.transport.pull(ben.deps.token, SCHEMA_VERSION, { clientId: ben.deps.clientId, cursor: 0, limit: 5, bootstrap: true, withRemaining: true })
    expect(first.remaining).toBeGreaterThanOrEqual(12)
    expect(first.changes).toHaveLength(5)
    expect(first.hasMore).toBe(true)
    const second = await h.transport.pull(ben.deps.token, SCHEMA_VERSION, { clientId: ben.deps.clientId, cursor: first.cursor, limit: 5, bootstrap: true, withRemaining: true })
    expect(second.remaining).toBe(first.remaining! - 5)
    expect(second.changes[0]!.seq).toBeGreaterThan(first.cursor)
    await ben.sync()
    expect(await liveNames(ben)).toHaveLength(12)
  })
})
