// Every write of a synced row adds exactly one outbox entry, in the same transaction; failures add neither.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../db/platform/ids'
import { SCHEMA_VERSION } from '../../db/migrations'
import { insertSynced, insertSyncedMany } from '../../db/platform/synced-writes'
import { createCompany, deleteCompany, updateCompany } from '../../electron/main/modules/customers/company.service'
import { createContact, updateContact } from '../../electron/main/modules/customers/contact.service'
import { createTouchpoint } from '../../electron/main/modules/customers/touchpoint.service'
import type { CompanyFields } from '../../shared/modules/customers/company.schema'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { counts, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

// The company as the form sends it: owned by the current user (a new company without an owner is theirs).
const company = (o: Record<string, unknown> = {}): CompanyFields => companyFieldsSchema.parse(validCompany({ ownerId: t.ctx.userId, ...o }))
const outbox = () => t.ctx.db.selectFrom('sync_outbox').selectAll().orderBy('client_seq').execute()

describe('synced writes', () => {
  it('adds one insert operation with every domain column and no local bookkeeping', async () => {
    const created = await createCompany(t.ctx, company())
    const ops = await outbox()
    expect(ops).toHaveLength(1)
    const op = ops[0]!
    expect(op).toMatchObject({ table_name: 'companies', row_id: created.id, kind: 'insert', base_version: null, schema_version: SCHEMA_VERSION })
    const fields = JSON.parse(op.fields) as Record<string, { old: unknown; new: unknown }>
    expect(fields.name).toEqual({ old: null, new: 'Brunsviga Maschinenbau GmbH' })
    expect(fields.created_at?.new).toBe('2026-11-20T09:00:00.000Z')
    for (const local of ['id', 'local_seq', 'updated_at', 'server_version', 'deleted_at']) expect(fields).not.toHaveProperty(local)
  })

  it('records only the changed fields of an update, with old and new values and the base version', async () => {
    const created = await createCompany(t.ctx, company())
    await t.ctx.db.updateTable('companies').set({ server_version: 17 }).where('id', '=', created.id).execute()
    await updateCompany(t.ctx, created.id, company({ city: 'Wolfsburg', postalCode: '38440' }))
    const ops = await outbox()
    expect(ops).toHaveLength(2)
    expect(ops[1]).toMatchObject({ kind: 'update', base_version: 17 })
    expect(JSON.parse(ops[1]!.fields)).toEqual({ city: { old: 'Braunschweig', new: 'Wolfsburg' }, postal_code: { old: '38100', new: '38440' } })
  })

  it('writes nothing for an update that changes nothing', async () => {
    const created = await createCompany(t.ctx, company())
    await updateCompany(t.ctx, created.id, company())
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 1, outbox: 1 })
  })

  it('deletes as a tombstone with one delete operation per row, children included', async () => {
    const created = await createCompany(t.ctx, company())
    const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: created.id, salutation: 'ms', lastName: 'Berger', language: 'de' }))
    await createTouchpoint(t.ctx, { companyId: created.id, contactId: contact.id, occurredAt: '2026-11-19T10:00:00.000Z', channel: 'visit', direction: 'outbound', mode: 'direct', station: 'offer', summary: 'Vorangebotsgespräch' })
    await deleteCompany(t.ctx, created.id)
    const ops = await outbox()
    // The touchpoint moved the customer (its first position, then the touchpoint's): two journey changes (issue 17).
    expect(ops.map((o) => `${o.kind}:${o.table_name}`)).toEqual([
      'insert:companies', 'insert:contacts', 'insert:touchpoints', 'insert:journey_changes', 'insert:journey_changes',
      'delete:touchpoints', 'delete:contacts', 'delete:journey_changes', 'delete:journey_changes', 'delete:companies',
    ])
    const row = await t.ctx.db.selectFrom('companies').select('deleted_at').where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row.deleted_at).toBe('2026-11-20T09:00:00.000Z')
  })

  it('leaves neither row nor outbox entry when a write fails halfway', async () => {
    await createCompany(t.ctx, company())
    const before = await counts(t.ctx.db, 'contacts')
    // The row insert succeeds, then the transaction fails: both must roll back together.
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await insertSynced(trx, 'contacts', { id: newId(), company_id: newId(), last_name: 'Ohne Firma' }, '2026-11-20T09:00:00.000Z')
      }),
    ).rejects.toThrow(/FOREIGN KEY/)
    expect(await counts(t.ctx.db, 'contacts')).toEqual(before)
  })

  it('leaves nothing behind when a service refuses the write', async () => {
    await createCompany(t.ctx, company())
    const before = await counts(t.ctx.db, 'companies')
    await expect(createCompany(t.ctx, company({ name: 'Andere Firma' }))).rejects.toMatchObject({ fields: { customerNumber: 'errors.customerNumberTaken' } })
    expect(await counts(t.ctx.db, 'companies')).toEqual(before)
  })

  it('keeps an update atomic: a contact moved to a missing company changes nothing', async () => {
    const created = await createCompany(t.ctx, company())
    const fields = contactFieldsSchema.parse({ companyId: created.id, salutation: 'mr', lastName: 'Krüger', language: 'de' })
    const contact = await createContact(t.ctx, fields)
    const before = await counts(t.ctx.db, 'contacts')
    await expect(updateContact(t.ctx, contact.id, { ...fields, companyId: newId(), lastName: 'Neu' })).rejects.toMatchObject({ fields: { companyId: 'errors.companyNotFound' } })
    expect(await counts(t.ctx.db, 'contacts')).toEqual(before)
    const row = await t.ctx.db.selectFrom('contacts').select('last_name').where('id', '=', contact.id).executeTakeFirstOrThrow()
    expect(row.last_name).toBe('Krüger')
  })
})

describe('many new rows at once (imports)', () => {
  it('writes the same rows and outbox operations, in the same order, as one insert each', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ id: newId(), name: `Firma ${i}`, status: 'prospect' as const, city: i % 2 ? 'Köln' : '' }))
    await t.ctx.db.transaction().execute((trx) => insertSyncedMany(trx, 'companies', rows, '2026-11-20T09:00:00.000Z'))
    const stored = await t.ctx.db.selectFrom('companies').select(['id', 'name', 'city', 'created_at']).orderBy('local_seq').execute()
    expect(stored.map((r) => r.id)).toEqual(rows.map((r) => r.id))
    expect(stored[1]).toMatchObject({ name: 'Firma 1', city: 'Köln', created_at: '2026-11-20T09:00:00.000Z' })
    const ops = await outbox()
    expect(ops.map((o) => o.row_id)).toEqual(rows.map((r) => r.id))
    expect(ops.every((o) => o.kind === 'insert' && o.base_version === null && o.schema_version === SCHEMA_VERSION)).toBe(true)
    expect(JSON.parse(ops[1]!.fields)).toMatchObject({ name: { old: null, new: 'Firma 1' }, city: { old: null, new: 'Köln' } })
  })

  it('checks every row first: one invalid row writes nothing at all', async () => {
    const rows = [{ id: newId(), name: 'Gut GmbH', status: 'prospect' as const }, { id: newId(), name: 'Schlecht GmbH', status: 'unknown' as never }]
    await expect(t.ctx.db.transaction().execute((trx) => insertSyncedMany(trx, 'companies', rows, '2026-11-20T09:00:00.000Z'))).rejects.toThrow(/invalid companies row/)
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 0, outbox: 0 })
  })
})
