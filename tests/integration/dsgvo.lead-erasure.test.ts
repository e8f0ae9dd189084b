// DSGVO Art. 17 for leads that were never converted (docs/leads.md "DSGVO erasure"): inside sales erase a new lead, a
// Marketing-Lead and a rejected one on their laptop; the server and a colleague's laptop then hold no name, e-mail,
// phone or scoring history of them (tables and file bytes), only id-only tombstones and an erasure log entry naming
// no person; the sender's repost of the same lead creates nothing. A converted lead, an unknown id, a user without
// lead work and hand-made pushes are refused with nothing written. On SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { eraseContact, eraseLead, leadsToErase, listErasures } from '../../electron/main/modules/dsgvo'
import { convertLead, leadInbox, qualifyLead, rejectLead } from '../../electron/main/modules/leads'
import { writeState } from '../../electron/main/modules/sync/state'
import { createIntegrationKey } from '../../server/integrations/keys'
import type { PushResult, SyncValue } from '../../shared/modules/sync/protocol'
import { scanFileBytes, scanLaptopTables, scanServerTables } from '../helpers/erasure-scan'
import { validLead } from '../helpers/leads'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

/** Made-up people whose names occur nowhere else; the history's activity is theirs alone too. */
const PEOPLE = {
  a: { firstName: 'Wendelgard', lastName: 'Qxzyborski', email: 'w.qxzyborski@lead.example', phone: '+49 511 9876543' },
  b: { firstName: 'Hildebrand', lastName: 'Vqpmalski', email: 'h.vqpmalski@lead.example', phone: '+49 40 5551234' },
  c: { firstName: 'Ortwinja', lastName: 'Jykrowetz', email: 'o.jykrowetz@lead.example', phone: '+49 89 7771234' },
}
const NEEDLES = Object.values(PEOPLE).flatMap((p) => [p.lastName, p.firstName, p.email, p.phone, p.lastName.slice(0, 6)]).concat(['Zwobelkurs besucht'])
const uuid = () => crypto.randomUUID()

describe.each(STORE_KINDS)('erasing leads never converted on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  async function poster() {
    const { key } = await createIntegrationKey(server.h.store.db, 'Marketing', ['leads'])
    return (id: keyof typeof PEOPLE | 'x', score: number, person: object = id === 'x' ? {} : PEOPLE[id]) => server.h.fetch('http://sync.test/integrations/v1/leads', {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(validLead({ id, score, person: { ...PEOPLE.a, ...person }, company: { name: `Firma ${id.toUpperCase()} GmbH` },
        events: [{ at: '2026-11-20T09:00:00Z', activity: 'Zwobelkurs besucht', points: score }] })),
    })
  }
  const leadOf = async (c: TestClient, externalId: string) => (await c.ctx.db.selectFrom('leads').selectAll().where('external_id', '=', externalId).executeTakeFirstOrThrow())
  const stored = (table: string, id: string) => server.h.store.db.selectFrom('sync_rows').selectAll().where('table_name', '=', table).where('id', '=', id).executeTakeFirst()

  async function pushRaw(c: TestClient, fields: Record<string, SyncValue>): Promise<PushResult> {
    const state = await server.h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', c.deps.clientId).executeTakeFirst()
    const seq = Number(state?.last_seq ?? 0) + 1
    const response = await server.h.transport.push(c.deps.token, SCHEMA_VERSION, {
      clientId: c.deps.clientId, schemaVersion: SCHEMA_VERSION,
      ops: [{ opId: uuid(), clientSeq: seq, table: 'erasures', rowId: uuid(), kind: 'insert', baseVersion: null, schemaVersion: SCHEMA_VERSION, createdAt: '2026-11-20T09:00:00.000Z',
        fields: Object.fromEntries(Object.entries({ company_id: '', table_name: 'leads', erased_by: 'x', erased_at: '2026-11-20T09:00:00.000Z', offer_decision: '', ...fields }).map(([k, v]) => [k, { old: null, new: v }])) }],
    })
    await c.ctx.db.insertInto('sync_outbox').values({ client_seq: seq, op_id: uuid(), table_name: 'x', row_id: 'x', kind: 'insert', base_version: null, fields: '{}', schema_version: 1, created_at: '2026-11-20T09:00:00.000Z' }).execute()
    await c.ctx.db.deleteFrom('sync_outbox').where('client_seq', '=', seq).execute()
    return response.results[0]!
  }

  it.skipIf(skip)('forgets the person on this laptop, on the server and on a colleague’s laptop; a repost does not bring them back', async () => {
    const post = await poster()
    expect((await post('a', 72)).status).toBe(200)
    expect((await post('b', 20)).status).toBe(200) // a Marketing-Lead, below the threshold
    expect((await post('c', 60)).status).toBe(200)
    const ben = await server.client('ben')
    const max = await server.client('max')
    await ben.sync()
    await max.sync()
    const [a, b, c] = [await leadOf(ben, 'a'), await leadOf(ben, 'b'), await leadOf(ben, 'c')]
    await rejectLead(ben.ctx, { id: c.id, reason: 'no_need' })
    expect((await ben.sync()).rejected).toBe(0)
    // The person is there first (the scans can see them), on both laptops and on the server.
    expect(await scanLaptopTables(max.ctx.db, NEEDLES)).not.toEqual([])
    expect(await scanServerTables(server.h.store, NEEDLES)).not.toEqual([])

    // The leads the inbox does not list are found by name, e-mail or company (wildcards are plain text).
    const found = async (search: string) => (await leadsToErase(ben.ctx, { search })).map((l) => [l.name, l.status])
    expect(await found('vqpm')).toEqual([['Hildebrand Vqpmalski', 'new']])
    expect(await found('O.JYKROWETZ@')).toEqual([['Ortwinja Jykrowetz', 'rejected']])
    expect(await found('Firma B')).toEqual([['Hildebrand Vqpmalski', 'new']])
    expect((await found('lead.example')).sort()).toEqual([['Hildebrand Vqpmalski', 'new'], ['Ortwinja Jykrowetz', 'rejected'], ['Wendelgard Qxzyborski', 'new']])
    expect(await found('%')).toEqual([])
    expect(await found('_')).toEqual([])
    expect(await found('q')).toEqual([]) // too short: nothing listed
    // A qualification not pushed yet carries the address: its operation must not reach the server.
    await qualifyLead(ben.ctx, { id: a.id, qualification: { budget: 'Qxzyborski-Budget', need: '', timing: '', decisionMaker: '', postalCode: '30159', city: 'Hannover', federalState: 'NI' } })
    for (const lead of [a, b, c]) await eraseLead(ben.ctx, { id: lead.id })
    expect(await ben.ctx.db.selectFrom('leads').select('id').where('id', 'in', [a.id, b.id, c.id]).execute()).toEqual([])
    expect((await leadInbox(ben.ctx)).leads).toEqual([])
    expect(await scanLaptopTables(ben.ctx.db, NEEDLES)).toEqual([])
    expect((await ben.sync()).rejected).toBe(0)

    for (const lead of [a, b, c]) expect(await stored('leads', lead.id)).toMatchObject({ deleted: 1, data: '{"erased":1}', field_versions: '{}' })
    expect(await scanServerTables(server.h.store, NEEDLES)).toEqual([])
    if (kind === 'sqlite') expect(scanFileBytes(server.h.url, NEEDLES)).toEqual([])

    const maxSync = await max.sync()
    expect(maxSync.rejected).toBe(0)
    expect(await max.ctx.db.selectFrom('leads').select('id').execute()).toEqual([])
    expect(await scanLaptopTables(max.ctx.db, NEEDLES)).toEqual([])
    expect(scanFileBytes(max.file, NEEDLES)).toEqual([])
    expect(scanFileBytes(ben.file, NEEDLES)).toEqual([])
    // The erasure log names the leads by id, who erased them and when — no person, no company.
    const log = await listErasures(max.ctx)
    expect(log.entries.map((e) => [e.tableName, e.rowId, e.companyId, e.erasedByName, e.pending]).sort()).toEqual(
      [a.id, b.id, c.id].map((id) => ['leads', id, '', 'Ben Schulz', false]).sort())
    // The scopes' checksums agree: the organisation-wide erasure rows count where the server keeps them.
    for (const c of [max, ben, max, ben]) expect(await c.sync()).toMatchObject({ redownloaded: [], quarantined: 0 })

    // The sender posts the same leads again (a retry, new points): the tombstone answers, nobody is recreated.
    for (const id of ['a', 'b', 'c'] as const) {
      const repost = await post(id, 95)
      expect(repost.status).toBe(200)
      expect(await repost.json()).toMatchObject({ created: false, updated: false })
    }
    expect(await scanServerTables(server.h.store, NEEDLES)).toEqual([])
    await max.sync()
    expect(await max.ctx.db.selectFrom('leads').select('id').execute()).toEqual([])
  })

  it.skipIf(skip)('a lead converted and its contact erased before the push: the server erases the lead too, not keeping it as posted', async () => {
    const post = await poster()
    expect((await post('a', 72)).status).toBe(200)
    const ben = await server.client('ben')
    const max = await server.client('max')
    await ben.sync()
    await max.sync()
    const a = await leadOf(ben, 'a')
    const annaId = (await ben.ctx.db.selectFrom('users').select('id').where('display_name', '=', 'Anna Becker').executeTakeFirstOrThrow()).id
    const converted = await convertLead(ben.ctx, { id: a.id, anyway: true, repId: annaId, language: 'de' })
    if (!converted.converted) throw new Error('not converted')
    await eraseContact(ben.ctx, { id: converted.contactId })
    expect((await ben.sync()).rejected).toBe(0)
    expect(await stored('leads', a.id)).toMatchObject({ deleted: 1, data: '{"erased":1}' })
    expect(await scanServerTables(server.h.store, NEEDLES)).toEqual([])
    await max.sync()
    expect(await max.ctx.db.selectFrom('leads').select('id').execute()).toEqual([])
    // The laptop that erased does not get the lead back by a checksum's re-download either.
    for (let i = 0; i < 2; i++) expect(await ben.sync()).toMatchObject({ redownloaded: [], rejected: 0 })
    expect(await ben.ctx.db.selectFrom('leads').select('id').execute()).toEqual([])
  })

  it.skipIf(skip)('refuses a converted lead, an unknown id and a user without lead work, with nothing written', async () => {
    const post = await poster()
    expect((await post('a', 72)).status).toBe(200)
    expect((await post('b', 72)).status).toBe(200)
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    await ben.sync()
    await anna.sync()
    const [a, b] = [await leadOf(ben, 'a'), await leadOf(ben, 'b')]
    const annaId = (await ben.ctx.db.selectFrom('users').select('id').where('display_name', '=', 'Anna Becker').executeTakeFirstOrThrow()).id
    const converted = await convertLead(ben.ctx, { id: a.id, anyway: true, repId: annaId, language: 'de' })
    expect(converted.converted).toBe(true)
    const outbox = async (c: TestClient) => Number((await c.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await outbox(ben)

    await expect(eraseLead(ben.ctx, { id: a.id })).rejects.toMatchObject({ code: 'conflict', message: 'dsgvo.errors.leadConverted' })
    await expect(eraseLead(ben.ctx, { id: '01900000-0000-7000-8000-000000000001' })).rejects.toMatchObject({ code: 'not_found' })
    // The device knows its user's role from the connection (as the app writes it at sign-in).
    await writeState(anna.ctx.db, 'user', { id: anna.ctx.userId, login: 'anna', displayName: 'Anna Becker', email: '', role: 'field_sales', teamId: server.h.teams.nord })
    await expect(eraseLead(anna.ctx, { id: b.id })).rejects.toMatchObject({ code: 'forbidden', message: 'rights.denied.leads.work' })
    await expect(leadsToErase(anna.ctx, { search: 'lead.example' })).rejects.toMatchObject({ code: 'forbidden' })
    // A converted lead is not offered for this erasure.
    expect((await leadsToErase(ben.ctx, { search: 'lead.example' })).map((l) => l.id)).toEqual([b.id])
    expect(await outbox(ben)).toBe(before)
    expect(await outbox(anna)).toBe(0)
    expect((await leadOf(ben, 'a')).status).toBe('converted')
    expect(await ben.ctx.db.selectFrom('erasures').selectAll().execute()).toEqual([])
    expect((await ben.sync()).rejected).toBe(0)

    // Hand-made pushes: the server refuses them the same way and stores nothing.
    expect(await pushRaw(ben, { row_id: a.id })).toMatchObject({ status: 'rejected', reason: 'lead_converted' })
    expect(await pushRaw(ben, { row_id: '01900000-0000-7000-8000-000000000002' })).toMatchObject({ status: 'rejected', reason: 'not_found' })
    expect(await pushRaw(anna, { row_id: b.id })).toMatchObject({ status: 'rejected', reason: 'forbidden' })
    expect(await pushRaw(ben, { row_id: b.id, company_id: converted.converted ? converted.companyId : '' })).toMatchObject({ status: 'rejected', reason: 'invalid_row: company_id' })
    expect(await pushRaw(ben, { row_id: b.id, table_name: 'contacts' })).toMatchObject({ status: 'rejected', reason: 'unknown_parent' })
    expect(await server.h.store.db.selectFrom('sync_rows').select('id').where('table_name', '=', 'erasures').execute()).toEqual([])
    expect(JSON.parse((await stored('leads', b.id))!.data)).toMatchObject({ last_name: PEOPLE.b.lastName })
    expect(JSON.parse((await stored('leads', a.id))!.data)).toMatchObject({ status: 'converted' })
  })
})
