// A teammate's laptop is untrusted: hand-crafted pushes that would break everyone's sync, point into
// another team's records or smuggle a path are refused one by one, with nothing stored, and every
// other laptop keeps syncing. On SQLite and on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import type { PushOp, PushResult, SyncValue } from '../../shared/modules/sync/protocol'
import { connectClient, postgresAvailable, startHarness, STORE_KINDS, type Harness, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const uuid = () => crypto.randomUUID()
const newRowId = () => `0190${uuid().slice(4, 8)}-0000-7000-8000-${uuid().slice(-12)}`
const NOW = '2026-11-20T09:00:00.000Z'

type Fields = Record<string, SyncValue>
const asFields = (values: Fields) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { old: null, new: v }]))

describe.each(STORE_KINDS)('validation of pushed operations on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  let h: Harness
  const clients: TestClient[] = []
  const client = async (login: string) => {
    const c = await connectClient(h, login)
    clients.push(c)
    return c
  }
  beforeEach(async () => {
    if (!skip) h = await startHarness(kind)
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.cleanup()
    if (!skip) await h.cleanup()
  })

  /** Pushes raw operations as this laptop, continuing its outbox numbering on the server. */
  async function pushRaw(c: TestClient, ops: Array<Pick<PushOp, 'table' | 'rowId' | 'kind'> & { fields: Fields; schemaVersion?: number }>): Promise<PushResult[]> {
    const state = await h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', c.deps.clientId).executeTakeFirst()
    let seq = Number(state?.last_seq ?? 0)
    const response = await h.transport.push(c.deps.token, SCHEMA_VERSION, {
      clientId: c.deps.clientId, schemaVersion: SCHEMA_VERSION,
      ops: ops.map((o) => ({
        opId: uuid(), clientSeq: ++seq, table: o.table, rowId: o.rowId, kind: o.kind, baseVersion: o.kind === 'insert' ? null : 1_000_000,
        fields: asFields(o.fields), schemaVersion: o.schemaVersion ?? SCHEMA_VERSION, createdAt: NOW,
      })),
    })
    // The laptop's own outbox must not reuse these positions: move it past them.
    await c.ctx.db.insertInto('sync_outbox').values({ client_seq: seq, op_id: uuid(), table_name: 'x', row_id: 'x', kind: 'insert', base_version: null, fields: '{}', schema_version: 1, created_at: NOW }).execute()
    await c.ctx.db.deleteFrom('sync_outbox').where('client_seq', '=', seq).execute()
    return response.results
  }

  const storedRow = (table: string, id: string) => h.store.db.selectFrom('sync_rows').selectAll().where('table_name', '=', table).where('id', '=', id).executeTakeFirst()
  const storedCount = async () => Number((await h.store.db.selectFrom('sync_rows').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  const offerFields = (companyId: string, number: string): Fields => ({
    created_at: NOW, company_id: companyId, number, status: 'draft', offer_date: '2026-11-20', valid_until: '2026-12-20',
  })

  it.skipIf(skip)('refuses each hostile operation with a reason, stores nothing of it, and the team keeps syncing', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    const carla = await client('carla')
    const nord = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Nord GmbH' })))
    const other = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Zweite Nord AG' })))
    const sued = await createCompany(carla.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Süd GmbH' })))
    await anna.sync()
    await carla.sync()
    const nordOffer = newRowId()
    const secondOffer = newRowId()
    const suedOffer = newRowId()
    expect((await pushRaw(anna, [
      { table: 'offers', rowId: nordOffer, kind: 'insert', fields: offerFields(nord.id, 'A-2026-AAAAA-0001') },
      { table: 'offers', rowId: secondOffer, kind: 'insert', fields: offerFields(other.id, 'A-2026-AAAAA-0002') },
    ])).map((r) => r.status)).toEqual(['applied', 'applied'])
    expect((await pushRaw(carla, [{ table: 'offers', rowId: suedOffer, kind: 'insert', fields: offerFields(sued.id, 'A-2026-CCCCC-0001') }]))[0]!.status).toBe('applied')
    await ben.sync()
    const before = await storedCount()
    const companyBefore = (await storedRow('companies', nord.id))!.data
    const offerBefore = (await storedRow('offers', nordOffer))!.data

    const item = (o: Fields): Fields => ({ created_at: NOW, offer_id: nordOffer, company_id: nord.id, position: 1, name: 'Prüfstand', quantity: 1, unit_price_cents: 100, ...o })
    const snapshot = JSON.stringify({ offer: {}, letter: { seller: { name: 'Wir', logoPath: '/home/anna/.ssh/id_rsa' } } })
    const hostile: Array<{ op: Parameters<typeof pushRaw>[1][number]; reason: RegExp }> = [
      { op: { table: 'companies', rowId: nord.id, kind: 'update', fields: { status: null } }, reason: /^invalid_row: status/ },
      { op: { table: 'companies', rowId: nord.id, kind: 'update', fields: { name: 4711 } }, reason: /^invalid_row: name/ },
      { op: { table: 'companies', rowId: nord.id, kind: 'update', fields: { evil_column: 'x' } }, reason: /^invalid_row: evil_column: unknown_column/ },
      { op: { table: 'companies', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, name: 'Ohne Status' } }, reason: /^invalid_row: status: required/ },
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: { ...item({}), position: null } }, reason: /^invalid_row: position/ },
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: item({ quantity: '1; drop table' }) }, reason: /^invalid_row: quantity/ },
      // Values the line totals cannot compute would break every laptop's view of the offer after the pull.
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: item({ quantity: 9.4e-323 }) }, reason: /^invalid_row: quantity/ },
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: item({ quantity: -2 }) }, reason: /^invalid_row: quantity/ },
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: item({ discount_percent: 1.005 }) }, reason: /^invalid_row: discount_percent/ },
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: item({ offer_id: suedOffer }) }, reason: /^unknown_reference: offer_id/ },
      { op: { table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: item({ offer_id: secondOffer }) }, reason: /^unknown_reference: offer_id/ },
      { op: { table: 'offers', rowId: nordOffer, kind: 'update', fields: { number: 'A-2026-AAAAA-9999' } }, reason: /^immutable: number/ },
      { op: { table: 'offers', rowId: newRowId(), kind: 'insert', fields: offerFields(nord.id, '/../../../../tmp/x') }, reason: /^invalid_row: number/ },
      { op: { table: 'offers', rowId: newRowId(), kind: 'insert', fields: offerFields(nord.id, '..\\..\\x') }, reason: /^invalid_row: number/ },
      { op: { table: 'offer_revisions', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, offer_id: nordOffer, company_id: nord.id, revision: 1, sent_at: NOW, snapshot } }, reason: /^invalid_row: snapshot/ },
      { op: { table: 'offer_revisions', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, offer_id: nordOffer, company_id: nord.id, revision: 1, sent_at: NOW, snapshot: '{"letter":{"seller":{"logo\\u0050ath":"/etc/passwd"}}}' } }, reason: /^invalid_row: snapshot/ },
      { op: { table: 'contacts', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, company_id: nord.id, last_name: 'Nul\u0000l' } }, reason: /^invalid_row: last_name/ },
      { op: { table: 'contacts', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, company_id: sued.id, last_name: 'Fremd' } }, reason: /^unknown_parent/ },
      { op: { table: 'companies', rowId: sued.id, kind: 'update', fields: { name: 'Gekapert' } }, reason: /^not_found$/ },
    ]
    for (const { op, reason } of hostile) {
      const [result] = await pushRaw(anna, [op])
      expect(result, `${op.table} ${JSON.stringify(op.fields)}`).toMatchObject({ status: 'rejected' })
      expect(result!.reason, `${op.table} ${JSON.stringify(op.fields)}`).toMatch(reason)
    }
    // Nothing of it was stored: no new row, the targets unchanged (only a resend of their state).
    expect(await storedCount()).toBe(before)
    expect((await storedRow('companies', nord.id))!.data).toBe(companyBefore)
    expect((await storedRow('offers', nordOffer))!.data).toBe(offerBefore)
    expect(JSON.parse((await storedRow('companies', sued.id))!.data).name).toBe('Süd GmbH')

    // Everyone else's sync keeps working: Ben's edit reaches Anna, Anna's laptop still shows valid data.
    const benCompany = await ben.ctx.db.selectFrom('companies').selectAll().where('id', '=', nord.id).executeTakeFirstOrThrow()
    expect(benCompany.status).not.toBeNull()
    await ben.ctx.db.transaction().execute(async (trx) => {
      const { updateSynced } = await import('../../db/platform/synced-writes')
      await updateSynced(trx, 'companies', nord.id, { city: 'Wolfsburg' }, NOW)
    })
    await ben.sync()
    await anna.sync()
    await carla.sync()
    const annaCompany = await anna.ctx.db.selectFrom('companies').selectAll().where('id', '=', nord.id).executeTakeFirstOrThrow()
    expect(annaCompany).toMatchObject({ city: 'Wolfsburg', status: benCompany.status, name: benCompany.name })
    expect(await anna.ctx.db.selectFrom('offers').select('number').where('id', '=', nordOffer).executeTakeFirstOrThrow()).toEqual({ number: 'A-2026-AAAAA-0001' })
    expect(await carla.ctx.db.selectFrom('companies').select('id').where('id', '=', nord.id).executeTakeFirst()).toBeUndefined()
  })

  it.skipIf(skip)('upgrades an older client\'s operation (a snapshot with the old logo path) and refuses a newer client\'s push as a whole', async () => {
    const anna = await client('anna')
    const nord = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Nord GmbH' })))
    await anna.sync()
    const offer = newRowId()
    await pushRaw(anna, [{ table: 'offers', rowId: offer, kind: 'insert', fields: offerFields(nord.id, 'A-2026-AAAAA-0001') }])
    const revision = newRowId()
    const snapshot = JSON.stringify({ offer: { number: 'A-2026-AAAAA-0001' }, letter: { seller: { name: 'Wir', logoPath: '/etc/passwd' } } })
    const [result] = await pushRaw(anna, [{ table: 'offer_revisions', rowId: revision, kind: 'insert', schemaVersion: 6, fields: { created_at: NOW, offer_id: offer, company_id: nord.id, revision: 1, sent_at: NOW, snapshot } }])
    expect(result!.status).toBe('applied')
    const stored = JSON.parse(JSON.parse((await storedRow('offer_revisions', revision))!.data).snapshot)
    expect(stored).toEqual({ offer: { number: 'A-2026-AAAAA-0001' }, letter: { seller: { name: 'Wir' } } })

    const before = await storedCount()
    const newer = await pushRaw(anna, [{ table: 'companies', rowId: newRowId(), kind: 'insert', schemaVersion: SCHEMA_VERSION + 1, fields: { created_at: NOW, name: 'Zukunft GmbH', status: 'prospect' } }])
      .catch((e: unknown) => e)
    expect(newer).toMatchObject({ code: 'server_outdated' })
    expect(await storedCount()).toBe(before)
  })
  it.skipIf(skip)('a deleted company takes what hangs off it along on the server; nothing new can be added under it', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    const nord = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Nord GmbH' })))
    await anna.sync()
    const offer = newRowId()
    await pushRaw(anna, [{ table: 'offers', rowId: offer, kind: 'insert', fields: offerFields(nord.id, 'A-2026-AAAAA-0001') }])
    await ben.sync()
    // Ben deletes the company (his laptop had not seen the offer's items Anna adds meanwhile).
    const { deleteCompany } = await import('../../electron/main/modules/customers')
    await deleteCompany(ben.ctx, nord.id)
    await ben.sync()
    expect(Number((await storedRow('offers', offer))!.deleted)).toBe(1)
    const [late] = await pushRaw(anna, [{ table: 'contacts', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, company_id: nord.id, last_name: 'Spät' } }])
    expect(late).toMatchObject({ status: 'rejected', reason: 'deleted_parent' })
    const [ref] = await pushRaw(anna, [{ table: 'offer_items', rowId: newRowId(), kind: 'insert', fields: { created_at: NOW, offer_id: offer, company_id: nord.id, position: 1, name: 'X', quantity: 1, unit_price_cents: 1 } }])
    expect(ref).toMatchObject({ status: 'rejected' })
    // A fresh laptop of the team converges without re-downloading anything.
    const fresh = await client('ben')
    expect((await fresh.sync()).redownloaded).toEqual([])
    expect((await fresh.sync()).redownloaded).toEqual([])
    expect(await anna.sync()).toMatchObject({ redownloaded: [] })
  })

  it.skipIf(skip)('an edit of a deleted row is still validated before it is kept as a conflict', async () => {
    const anna = await client('anna')
    const nord = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Nord GmbH' })))
    await anna.sync()
    const { deleteCompany } = await import('../../electron/main/modules/customers')
    await deleteCompany(anna.ctx, nord.id)
    await anna.sync()
    const before = await storedCount()
    const [bad] = await pushRaw(anna, [{ table: 'companies', rowId: nord.id, kind: 'update', fields: { zz_not_a_column: 'x'.repeat(1000) } }])
    expect(bad).toMatchObject({ status: 'rejected' })
    expect(bad!.reason).toMatch(/^invalid_row: zz_not_a_column/)
    const [long] = await pushRaw(anna, [{ table: 'companies', rowId: nord.id, kind: 'update', fields: { notes: 'ä"'.repeat(5000) } }])
    expect(long).toMatchObject({ status: 'conflict' })
    expect(await storedCount()).toBe(before + 1)
    const ben = await client('ben')
    expect(await ben.sync()).toMatchObject({ quarantined: 0 })
  })
})
