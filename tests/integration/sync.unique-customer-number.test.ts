// Customer numbers are unique across the organisation: two laptops that type the same number offline
// both keep their company, the second one without the number and with a conflict its team resolves; the
// holder of another team is never named; a store written before the rule is repaired by its migration.
// Laptops and the sync server in-process, on SQLite and on PostgreSQL.
import { Migrator, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { createCompany, deleteCompany, updateCompany } from '../../electron/main/modules/customers/company.service'
import { listConflicts, resolveConflict } from '../../electron/main/modules/sync/conflict.service'
import { SERVER_MIGRATIONS } from '../../server/store/migrations'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { teamScope } from '../../shared/modules/sync'
import type { PushResult } from '../../shared/modules/sync/protocol'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const fields = (name: string, customerNumber: string) => companyFieldsSchema.parse(validCompany({ name, customerNumber }))
const company = (c: TestClient, name: string, customerNumber: string) => createCompany(c.ctx, fields(name, customerNumber))
const renumber = (c: TestClient, id: string, name: string, customerNumber: string) => updateCompany(c.ctx, id, fields(name, customerNumber))

/** Live companies on a laptop as [name, customer number], by name. */
const numbers = async (c: TestClient) =>
  (await c.ctx.db.selectFrom('companies').select(['name', 'customer_number']).where('deleted_at', 'is', null).orderBy('name').execute())
    .map((r) => [r.name, r.customer_number])

describe.each(STORE_KINDS)('unique customer numbers on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)
  const client = server.client

  const held = async () => (await server.h.store.db.selectFrom('customer_numbers').selectAll().orderBy('number').execute()).map((r) => [r.number, r.company_id])

  it.skipIf(skip)('two laptops type K-1001 offline: the second keeps its company without the number, resolves the conflict, and both converge', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    const first = await company(anna, 'Brunsviga GmbH', 'K-1001')
    const second = await company(ben, 'Salzgitter Stahl AG', 'K-1001')
    expect((await anna.sync()).conflicts).toBe(0)
    expect((await ben.sync()).conflicts).toBe(1)

    expect(await numbers(ben)).toEqual([['Brunsviga GmbH', 'K-1001'], ['Salzgitter Stahl AG', '']])
    const [conflict, ...more] = await listConflicts(ben.ctx)
    expect(more).toEqual([])
    expect(conflict).toMatchObject({
      table: 'companies', rowId: second.id, record: 'Salzgitter Stahl AG', field: 'customer_number', kind: 'duplicate_number',
      clientValue: 'K-1001', serverValue: '', serverUser: 'Brunsviga GmbH', clientUser: 'Ben Schulz',
    })
    expect(await held()).toEqual([['K-1001', first.id]])

    // Ben picks another number in the company's form and closes the entry.
    await renumber(ben, second.id, 'Salzgitter Stahl AG', 'K-1002')
    await resolveConflict(ben.ctx, { id: conflict!.id, choice: 'acknowledged' })
    await ben.sync()
    await anna.sync()
    await ben.sync()
    for (const laptop of [anna, ben]) {
      expect(await numbers(laptop)).toEqual([['Brunsviga GmbH', 'K-1001'], ['Salzgitter Stahl AG', 'K-1002']])
      expect(await listConflicts(laptop.ctx)).toEqual([])
      const settled = await laptop.ctx.db.selectFrom('sync_conflicts').select(['resolution', 'resolved_by']).execute()
      expect(settled).toEqual([{ resolution: 'acknowledged', resolved_by: 'Ben Schulz' }])
    }
    expect(await held()).toEqual([['K-1001', first.id], ['K-1002', second.id]])
  })

  it.skipIf(skip)('compares numbers case-insensitively, and an edit to a taken number keeps the previous one', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    await company(anna, 'Brunsviga GmbH', 'K-1001')
    await anna.sync()
    const own = await company(ben, 'Salzgitter Stahl AG', 'K-2002')
    await ben.sync()
    // The laptop compares numbers exactly; the server folds case (and spaces, below with a raw push).
    await renumber(ben, own.id, 'Salzgitter Stahl AG', 'k-1001')
    expect((await ben.sync()).conflicts).toBe(1)
    expect(await numbers(ben)).toEqual([['Brunsviga GmbH', 'K-1001'], ['Salzgitter Stahl AG', 'K-2002']])
    expect((await listConflicts(ben.ctx))[0]).toMatchObject({ kind: 'duplicate_number', clientValue: 'k-1001', serverValue: 'K-2002' })
    // The same number in another spelling is the company's own: taken as typed.
    await renumber(ben, own.id, 'Salzgitter Stahl AG', 'k-2002')
    expect((await ben.sync()).conflicts).toBe(0)
    expect(await numbers(ben)).toEqual([['Brunsviga GmbH', 'K-1001'], ['Salzgitter Stahl AG', 'k-2002']])
  })

  it.skipIf(skip)('a number held in another team is refused without naming its company, and a deleted company frees its number', async () => {
    const anna = await client('anna')
    const carla = await client('carla')
    const nord = await company(anna, 'Geheim Nord GmbH', 'K-1001')
    await anna.sync()
    const sued = await company(carla, 'Süd AG', 'K-1001')
    await carla.sync()
    const [conflict] = await listConflicts(carla.ctx)
    expect(conflict).toMatchObject({ kind: 'duplicate_number', clientValue: 'K-1001', serverValue: '', serverUser: '' })
    const stored = await server.h.store.db.selectFrom('sync_rows').select(['scope_id', 'data']).where('table_name', '=', 'sync_conflicts').execute()
    expect(stored.map((r) => r.scope_id)).toEqual([teamScope(server.h.teams.sued)])
    expect(stored.map((r) => r.data).join()).not.toContain('Geheim')
    await anna.sync()
    expect(await listConflicts(anna.ctx)).toEqual([])

    await deleteCompany(anna.ctx, nord.id)
    await anna.sync()
    expect(await held()).toEqual([])
    await renumber(carla, sued.id, 'Süd AG', 'K-1001')
    expect((await carla.sync()).conflicts).toBe(0)
    expect(await numbers(carla)).toEqual([['Süd AG', 'K-1001']])
    expect(await held()).toEqual([['K-1001', sued.id]])
  })

  it.skipIf(skip)('a pushed number that breaks the row schema is still refused as before; trimmed and case-folded numbers collide', async () => {
    const anna = await client('anna')
    await anna.sync()
    const push = async (customerNumber: string): Promise<PushResult> => {
      const seq = Number((await server.h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', anna.deps.clientId).executeTakeFirstOrThrow()).last_seq) + 1
      const values = { created_at: '2026-11-20T09:00:00.000Z', name: 'Kaputt GmbH', status: 'prospect', customer_number: customerNumber }
      const response = await server.h.transport.push(anna.deps.token, SCHEMA_VERSION, {
        clientId: anna.deps.clientId, schemaVersion: SCHEMA_VERSION,
        ops: [{
          opId: crypto.randomUUID(), clientSeq: seq, table: 'companies', rowId: crypto.randomUUID(), kind: 'insert', baseVersion: null,
          fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { old: null, new: v }])), schemaVersion: SCHEMA_VERSION, createdAt: values.created_at,
        }],
      })
      return response.results[0]!
    }
    expect(await push('K-'.padEnd(41, '1'))).toMatchObject({ status: 'rejected', reason: 'invalid_row: customer_number: invalid' })
    expect(await push('K-1\u0000')).toMatchObject({ status: 'rejected' })
    expect(await held()).toEqual([])
    expect(await push('K-7')).toMatchObject({ status: 'applied' })
    expect(await push('k-7')).toMatchObject({ status: 'conflict', reason: 'duplicate_number' })
    expect(await push(' K-7 ')).toMatchObject({ status: 'conflict', reason: 'duplicate_number' })
  })

  it.skipIf(skip)('the migration fills the index of an existing store: the first company keeps a number, later ones lose it with a conflict', async () => {
    const anna = await client('anna')
    const carla = await client('carla')
    const first = await company(anna, 'Erste GmbH', 'K-1001')
    await anna.sync()
    const second = await company(anna, 'Zweite GmbH', 'K-1002')
    const third = await company(carla, 'Dritte AG', 'K-1003')
    await anna.sync()
    await carla.sync()
    // A store from before the rule: the numbers were typed twice and nothing held them.
    for (const [id, number] of [[second.id, 'k-1001'], [third.id, 'K-1001 ']] as const) {
      const row = await server.h.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'companies').where('id', '=', id).executeTakeFirstOrThrow()
      await server.h.store.db.updateTable('sync_rows').set({ data: JSON.stringify({ ...JSON.parse(row.data), customer_number: number }) }).where('table_name', '=', 'companies').where('id', '=', id).execute()
    }
    await server.h.store.db.schema.dropTable('customer_numbers').execute()
    await sql`delete from kysely_migration where name = '2026-11-29-006-customer-numbers'`.execute(server.h.store.db)
    // Later migrations (the calendar feed's) stay applied: the one taken back runs again on its own.
    const { error } = await new Migrator({ db: server.h.store.db, provider: { getMigrations: async () => SERVER_MIGRATIONS }, allowUnorderedMigrations: true }).migrateToLatest()
    expect(error).toBeUndefined()

    expect(await held()).toEqual([['K-1001', first.id]])
    await anna.sync()
    await carla.sync()
    expect(await numbers(anna)).toEqual([['Erste GmbH', 'K-1001'], ['Zweite GmbH', '']])
    expect(await numbers(carla)).toEqual([['Dritte AG', '']])
    expect(await listConflicts(anna.ctx)).toMatchObject([{ rowId: second.id, kind: 'duplicate_number', clientValue: 'k-1001', serverValue: '', serverUser: 'Erste GmbH' }])
    // Carla's team does not see the holder: only "taken".
    expect(await listConflicts(carla.ctx)).toMatchObject([{ rowId: third.id, kind: 'duplicate_number', clientValue: 'K-1001 ', serverValue: '', serverUser: '' }])
  })
})
