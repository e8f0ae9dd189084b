// Contact (Ansprechpartner) use cases.
import type { Kysely, Transaction } from 'kysely'
import { findCompany } from '../../../../db/modules/customers/company.repository'
import { findContact, listContacts as queryContacts } from '../../../../db/modules/customers/contact.repository'
import { findPersona } from '../../../../db/modules/customers/persona.repository'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { Page } from '../../../../shared/platform/common.schema'
import type { ContactFields, ContactListQuery } from '../../../../shared/modules/customers/contact.schema'
import type { Contact, ContactListItem } from '../../../../shared/modules/customers/customer.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { contactColumns, toContact } from './customers.mappers'

export async function getContact(ctx: ServiceContext, id: string, db: Kysely<Database> = ctx.db): Promise<Contact> {
  const row = await findContact(db, id)
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toContact(row)
}

async function checkReferences(db: Kysely<Database>, fields: ContactFields) {
  if (!(await findCompany(db, fields.companyId))) throw fieldError('companyId', 'errors.companyNotFound')
  if (fields.personaId && !(await findPersona(db, fields.personaId))) throw fieldError('personaId', 'errors.personaNotFound')
}

/** Inserts a contact within the caller's transaction (the vCard import writes many in one); its new id. */
export async function insertContact(trx: Transaction<Database>, fields: ContactFields, now: string): Promise<string> {
  await checkReferences(trx, fields)
  const id = newId()
  await insertSynced(trx, 'contacts', { id, ...contactColumns(fields) }, now)
  return id
}

/** Updates a contact within the caller's transaction. */
export async function writeContact(trx: Transaction<Database>, id: string, fields: ContactFields, now: string): Promise<void> {
  await checkReferences(trx, fields)
  await updateSynced(trx, 'contacts', id, contactColumns(fields), now)
}

export async function createContact(ctx: ServiceContext, fields: ContactFields): Promise<Contact> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => getContact(ctx, await insertContact(trx, fields, now), trx))
}

export async function updateContact(ctx: ServiceContext, id: string, fields: ContactFields): Promise<Contact> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    await writeContact(trx, id, fields, now)
    return getContact(ctx, id, trx)
  })
}

export async function deleteContact(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction().execute((trx) => deleteSynced(trx, 'contacts', id, nowIso(ctx)))
  return { id }
}

export async function listContacts(ctx: ServiceContext, query: Required<ContactListQuery>, countAhead?: number): Promise<Page<ContactListItem>> {
  const { rows, total, totalIsLowerBound } = await queryContacts(ctx.db, query, countAhead)
  return {
    total,
    totalIsLowerBound,
    offset: query.offset,
    rows: rows.map((r) => ({
      id: r.id,
      companyId: r.company_id,
      companyName: r.company_name,
      salutation: r.salutation,
      title: r.title,
      firstName: r.first_name,
      lastName: r.last_name,
      jobFunction: r.job_function,
      email: r.email,
      phone: r.phone,
      mobile: r.mobile,
      language: r.language,
      buyingRole: r.buying_role,
      attitude: r.attitude,
      influence: r.influence,
      emailConsent: r.email_consent,
      updatedAt: r.updated_at,
    })),
  }
}
