// The server writes a push's new rows together (server/sync/push.ts, PendingInserts): whatever later operations of the
// same push do with those rows — update, delete, children, a second insert of the same id — must see them.
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { newId } from '../../db/platform/ids'
import { deleteSynced, insertSynced, updateSynced } from '../../db/platform/synced-writes'
import type { PushOp, PushResult } from '../../shared/modules/sync'
import { harnessPerTest, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const NOW = '2026-11-20T09:00:00.000Z'
const touchpoint = (companyId: string, i: number) => ({
  id: newId(), company_id: companyId, contact_id: null, occurred_at: NOW, channel: 'phone' as const, direction: 'outbound' as const, mode: 'direct' as const, station: 'offer' as const, summary: `Nachgefasst ${i}`, created_by: '',
})

describe.each(STORE_KINDS)('a push of many new rows on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)
  const client = (login: string) => server.client(login)

  const serverRows = async (table: string) =>
    (await server.h.store.db.selectFrom('sync_rows').select(['id', 'deleted', 'data', 'version']).where('table_name', '=', table).execute())
      .map((r) => ({ id: r.id, deleted: Number(r.deleted), data: JSON.parse(r.data) as Record<string, unknown>, version: Number(r.version) }))

  it.skipIf(skip)('new rows, then edits and deletes of them in the same push, arrive as the laptop left them', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    await anna.sync()
    const companyId = newId()
    const contactIds = [newId(), newId(), newId()]
    await anna.ctx.db.transaction().execute(async (trx) => {
      await insertSynced(trx, 'companies', { id: companyId, name: 'Stapel GmbH', status: 'prospect' }, NOW)
      for (const [i, id] of contactIds.entries()) {
        await insertSynced(trx, 'contacts', { id, company_id: companyId, salutation: 'mr', first_name: 'Jörg', last_name: `Weiß ${i}`, language: 'de', buying_role: 'user' }, NOW)
      }
      // More than one statement's worth (100) before and after the edits.
      for (let i = 0; i < 150; i++) await insertSynced(trx, 'touchpoints', touchpoint(companyId, i), NOW)
      await updateSynced(trx, 'companies', companyId, { city: 'Wolfsburg' }, NOW)
      await deleteSynced(trx, 'contacts', contactIds[1]!, NOW)
      await updateSynced(trx, 'contacts', contactIds[2]!, { last_name: 'Müller' }, NOW)
      for (let i = 150; i < 260; i++) await insertSynced(trx, 'touchpoints', touchpoint(companyId, i), NOW)
    })
    const summary = await anna.sync()
    // 266 operations, and whatever the laptop derived from them (the company's journey change).
    expect(summary).toMatchObject({ rejected: 0, conflicts: 0 })
    expect(summary.pushed).toBeGreaterThanOrEqual(266)

    const [company] = await serverRows('companies').then((rows) => rows.filter((r) => r.id === companyId))
    expect(company).toMatchObject({ deleted: 0, data: { name: 'Stapel GmbH', city: 'Wolfsburg' } })
    const contacts = new Map((await serverRows('contacts')).map((r) => [r.id, r]))
    expect(contacts.get(contactIds[0]!)).toMatchObject({ deleted: 0 })
    expect(contacts.get(contactIds[1]!)).toMatchObject({ deleted: 1 })
    expect(contacts.get(contactIds[2]!)).toMatchObject({ deleted: 0, data: { last_name: 'Müller' } })
    const touchpoints = await serverRows('touchpoints')
    expect(touchpoints).toHaveLength(260)
    // Every change has its own version.
    const versions = [company!, ...contacts.values(), ...touchpoints].map((r) => r.version)
    expect(new Set(versions).size).toBe(versions.length)

    await ben.sync()
    expect(Number((await ben.ctx.db.selectFrom('touchpoints').select((eb) => eb.fn.countAll().as('n')).where('company_id', '=', companyId).executeTakeFirstOrThrow()).n)).toBe(260)
    expect(await ben.ctx.db.selectFrom('contacts').select('last_name').where('deleted_at', 'is', null).orderBy('last_name').execute())
      .toEqual([{ last_name: 'Müller' }, { last_name: 'Weiß 0' }])
    expect(await ben.ctx.db.selectFrom('companies').select('city').where('id', '=', companyId).executeTakeFirstOrThrow()).toEqual({ city: 'Wolfsburg' })
  })

  it.skipIf(skip)('a second insert of a row not yet written is refused, and a row added to it after that still finds it', async () => {
    const anna = await client('anna')
    await anna.sync()
    const companyId = newId()
    let seq = Number((await server.h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', anna.deps.clientId).executeTakeFirstOrThrow()).last_seq)
    const op = (table: string, rowId: string, values: Record<string, string | null>): PushOp => ({
      opId: crypto.randomUUID(), clientSeq: ++seq, table, rowId, kind: 'insert', baseVersion: null, schemaVersion: SCHEMA_VERSION, createdAt: NOW,
      fields: Object.fromEntries(Object.entries({ created_at: NOW, ...values }).map(([k, v]) => [k, { old: null, new: v }])),
    })
    const { id: tpId, ...tp } = touchpoint(companyId, 1)
    const ops = [
      op('companies', companyId, { name: 'Erst GmbH', status: 'prospect' }),
      op('companies', companyId, { name: 'Zweit GmbH', status: 'prospect' }),
      op('touchpoints', tpId, tp as Record<string, string | null>),
    ]
    const { results } = await server.h.transport.push(anna.deps.token, SCHEMA_VERSION, { clientId: anna.deps.clientId, schemaVersion: SCHEMA_VERSION, ops })
    expect(results.map((r: PushResult) => [r.status, r.reason ?? ''])).toEqual([['applied', ''], ['rejected', 'exists'], ['applied', '']])
    expect((await serverRows('companies')).filter((r) => r.id === companyId).map((r) => r.data.name)).toEqual(['Erst GmbH'])
    expect((await serverRows('touchpoints')).map((r) => r.id)).toEqual([tpId])
  })
})
