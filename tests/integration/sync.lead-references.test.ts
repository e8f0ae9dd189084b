// What a lead or a service request points to is checked by the server like any other reference (REFERENCES in
// shared/modules/sync/row-schemas.ts): both rows are organisation-wide, so the company they name is checked to
// exist and be visible, and the contact (the case) they name must hang off exactly that company. A decision
// pointing nowhere is set aside with a reason and does not hold up the rest of the push. On SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { updateSynced } from '../../db/platform/synced-writes'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { convertLead, leadInbox } from '../../electron/main/modules/leads'
import { assignServiceRequest, listServiceRequests } from '../../electron/main/modules/service'
import { readState } from '../../electron/main/modules/sync/state'
import { createIntegrationKey } from '../../server/integrations/keys'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import type { PushOp, PushResult, SyncValue } from '../../shared/modules/sync/protocol'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validLead } from '../helpers/leads'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const uuid = () => crypto.randomUUID()
const unknownId = () => `0190${uuid().slice(4, 8)}-0000-7000-8000-${uuid().slice(-12)}`
const NOW = '2026-11-20T09:00:00.000Z'
type Fields = Record<string, SyncValue>
type RawOp = Pick<PushOp, 'table' | 'rowId'> & { fields: Fields }

describe.each(STORE_KINDS)('references of leads and service requests on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  /** Pushes raw updates as this laptop in one push, continuing its outbox numbering on the server. */
  async function pushRaw(c: TestClient, ops: RawOp[]): Promise<PushResult[]> {
    const state = await server.h.store.db.selectFrom('sync_clients').select('last_seq').where('client_id', '=', c.deps.clientId).executeTakeFirst()
    let seq = Number(state?.last_seq ?? 0)
    const response = await server.h.transport.push(c.deps.token, SCHEMA_VERSION, {
      clientId: c.deps.clientId, schemaVersion: SCHEMA_VERSION,
      ops: ops.map((o) => ({
        opId: uuid(), clientSeq: ++seq, table: o.table, rowId: o.rowId, kind: 'update' as const, baseVersion: 1_000_000,
        fields: Object.fromEntries(Object.entries(o.fields).map(([k, v]) => [k, { old: null, new: v }])), schemaVersion: SCHEMA_VERSION, createdAt: NOW,
      })),
    })
    await c.ctx.db.insertInto('sync_outbox').values({ client_seq: seq, op_id: uuid(), table_name: 'x', row_id: 'x', kind: 'insert', base_version: null, fields: '{}', schema_version: 1, created_at: NOW }).execute()
    await c.ctx.db.deleteFrom('sync_outbox').where('client_seq', '=', seq).execute()
    return response.results
  }

  const stored = async (table: string, id: string) =>
    JSON.parse((await server.h.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', table).where('id', '=', id).executeTakeFirstOrThrow()).data) as Fields

  async function leadsPosted(): Promise<TestClient> {
    const { key } = await createIntegrationKey(server.h.store.db, 'Marketing', ['leads'])
    for (const [id, name] of [['a', 'Hansen Logistik GmbH'], ['b', 'Ott Spedition KG'], ['c', 'Carstens Bau GmbH']] as const) {
      const response = await server.h.fetch('http://sync.test/integrations/v1/leads', {
        method: 'POST', body: JSON.stringify(validLead({ id, company: { name } })), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      })
      expect(response.status).toBe(200)
    }
    const ben = await server.client('ben')
    await ben.sync()
    return ben
  }

  const userId = async (c: TestClient, name: string) => (await c.ctx.db.selectFrom('users').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()).id
  const leadId = async (c: TestClient, externalId: string) => (await c.ctx.db.selectFrom('leads').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow()).id

  it.skipIf(skip)('sets aside a lead decision that points to no company, a contact of another company or no user; the rest of the push applies', async () => {
    const ben = await leadsPosted()
    const carla = await server.client('carla')
    const sued = await createCompany(carla.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Süd GmbH' })))
    const nord = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Nord GmbH' })))
    const nordContact = await createContact(ben.ctx, contactFieldsSchema.parse({ companyId: nord.id, salutation: 'mr', firstName: 'Nils', lastName: 'Nord', language: 'de' }))
    expect((await carla.sync()).rejected).toBe(0)
    const anna = await userId(ben, 'Anna Becker')
    const [a, b, c] = [await leadId(ben, 'a'), await leadId(ben, 'b'), await leadId(ben, 'c')]
    const converted = await convertLead(ben.ctx, { id: a, anyway: true, repId: anna, language: 'de' })
    if (!converted.converted) throw new Error('not converted')
    // The valid conversion (company, contact, touchpoint, task, the lead's decision) syncs as it is.
    expect((await ben.sync()).rejected).toBe(0)
    expect(await stored('leads', a)).toMatchObject({ status: 'converted', converted_company_id: converted.companyId, contact_id: converted.contactId, assigned_to: anna })

    const before = await stored('leads', b)
    const results = await pushRaw(ben, [
      { table: 'leads', rowId: b, fields: { status: 'converted', converted_company_id: unknownId() } },
      { table: 'leads', rowId: b, fields: { status: 'converted', converted_company_id: sued.id } },
      { table: 'leads', rowId: b, fields: { status: 'converted', converted_company_id: converted.companyId, contact_id: nordContact.id } },
      { table: 'leads', rowId: b, fields: { status: 'converted', converted_company_id: nord.id, contact_id: unknownId() } },
      { table: 'leads', rowId: b, fields: { contact_id: nordContact.id } },
      { table: 'leads', rowId: b, fields: { assigned_to: unknownId() } },
      { table: 'leads', rowId: b, fields: { assigned_to: nordContact.id } },
      // Moving a converted lead to another company leaves its contact behind: checked again, refused.
      { table: 'leads', rowId: a, fields: { converted_company_id: nord.id } },
      // Valid decisions in the same push still apply.
      { table: 'leads', rowId: c, fields: { status: 'converted', converted_company_id: nord.id, contact_id: nordContact.id, assigned_to: anna } },
      { table: 'leads', rowId: b, fields: { assigned_to: anna } },
    ])
    expect(results.map((r) => [r.status, r.reason ?? ''])).toEqual([
      ['rejected', 'unknown_reference: converted_company_id'],
      ['rejected', 'unknown_reference: converted_company_id'],
      ['rejected', 'unknown_reference: contact_id'],
      ['rejected', 'unknown_reference: contact_id'],
      ['rejected', 'unknown_reference: contact_id'],
      ['rejected', 'unknown_reference: assigned_to'],
      ['rejected', 'unknown_reference: assigned_to'],
      ['rejected', 'unknown_reference: contact_id'],
      ['applied', ''],
      ['applied', ''],
    ])
    expect(await stored('leads', b)).toEqual({ ...before, assigned_to: anna })
    expect(await stored('leads', a)).toMatchObject({ converted_company_id: converted.companyId, contact_id: converted.contactId })
    expect(await stored('leads', c)).toMatchObject({ status: 'converted', converted_company_id: nord.id, contact_id: nordContact.id })
  })

  it.skipIf(skip)('a laptop whose lead decision points nowhere is told why, and its other changes of the same sync arrive', async () => {
    const ben = await leadsPosted()
    const [b, c] = [await leadId(ben, 'b'), await leadId(ben, 'c')]
    const ghost = unknownId()
    await ben.ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, 'leads', b, { status: 'converted', converted_company_id: ghost }, NOW)
      await updateSynced(trx, 'leads', c, { status: 'rejected', reject_reason: 'spam' }, NOW)
    })
    const summary = await ben.sync()
    expect(summary.rejected).toBe(1)
    expect(await readState(ben.ctx.db, 'rejected')).toEqual([expect.objectContaining({ table: 'leads', rowId: b, reason: 'unknown_reference: converted_company_id' })])
    const refused = await stored('leads', b)
    expect([refused.status, refused.converted_company_id ?? null]).toEqual(['new', null])
    expect(await stored('leads', c)).toMatchObject({ status: 'rejected', reject_reason: 'spam' })
    // The laptop gets the server's state of the refused lead back: open again in its inbox.
    await ben.sync()
    expect((await leadInbox(ben.ctx)).leads.map((l) => l.id)).toContain(b)
  })

  it.skipIf(skip)('sets aside a triage decision that points to no company or to a case of another company', async () => {
    const { key } = await createIntegrationKey(server.h.store.db, 'Website', ['service_requests'])
    for (const id of ['web-1', 'web-2']) {
      const response = await server.h.fetch('http://sync.test/integrations/v1/service-requests', {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ id, name: 'Petra Neu', email: 'petra.neu@unbekannt.example', customerNumber: 'K-9999', subject: `Wartung ${id}`, description: 'Bitte Termin.', consent: { given: true } }),
      })
      expect(await response.json()).toEqual({ outcome: 'triage', created: true })
    }
    const anna = await server.client('anna')
    const nord = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Nord GmbH' })))
    const other = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', name: 'Zweite Nord AG' })))
    const contact = await createContact(anna.ctx, contactFieldsSchema.parse({ companyId: nord.id, salutation: 'mr', firstName: 'Nils', lastName: 'Nord', language: 'de' }))
    await anna.sync()
    const [first, second] = (await listServiceRequests(anna.ctx)).sort((x, y) => x.subject.localeCompare(y.subject))
    // The valid triage: a case of Nord made from the first request; it syncs.
    const made = await assignServiceRequest(anna.ctx, { id: first!.id, companyId: nord.id, contactId: contact.id })
    expect((await anna.sync()).rejected).toBe(0)
    expect(await stored('service_requests', first!.id)).toMatchObject({ status: 'assigned', company_id: nord.id, case_id: made.id })

    const results = await pushRaw(anna, [
      { table: 'service_requests', rowId: second!.id, fields: { status: 'assigned', company_id: unknownId() } },
      { table: 'service_requests', rowId: second!.id, fields: { status: 'assigned', company_id: other.id, case_id: made.id } },
      { table: 'service_requests', rowId: second!.id, fields: { status: 'assigned', case_id: made.id } },
      { table: 'service_requests', rowId: second!.id, fields: { status: 'assigned', company_id: nord.id, case_id: unknownId() } },
      { table: 'service_requests', rowId: second!.id, fields: { status: 'discarded', discard_reason: 'spam' } },
    ])
    expect(results.map((r) => [r.status, r.reason ?? ''])).toEqual([
      ['rejected', 'unknown_reference: company_id'],
      ['rejected', 'unknown_reference: case_id'],
      ['rejected', 'unknown_reference: case_id'],
      ['rejected', 'unknown_reference: case_id'],
      ['applied', ''],
    ])
    const discarded = await stored('service_requests', second!.id)
    expect([discarded.status, discarded.company_id ?? null, discarded.case_id ?? null]).toEqual(['discarded', null, null])
  })
})
