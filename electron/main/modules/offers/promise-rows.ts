// Reading promises to a customer: one query with the names a list shows (company, contact, owner), the row
// mapped to the domain object, and the checks every write makes — the references of a new or changed
// promise (like an offer's: the company live, the contact, conversation and offer of that company) and the
// promise itself (live, of a live company; open before it may change).
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { CustomerPromise, PromiseFields } from '../../../../shared/modules/offers/promise.schema'
import { AppError, fieldError } from '../../../../shared/platform/result'

type Db = Kysely<Database>

/** Promises with their names; only those of live companies (a deleted or merged-away company's are gone with it). */
export const promiseQuery = (db: Db) => db.selectFrom('promises as p')
  .innerJoin('companies as c', 'c.id', 'p.company_id')
  .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 'p.contact_id').on('k.deleted_at', 'is', null))
  .leftJoin('users as u', 'u.id', 'p.owner_id')
  .selectAll('p')
  .select(['c.name as company_name', 'k.id as live_contact_id', 'k.first_name', 'k.last_name', 'k.phone', 'k.mobile', 'u.display_name as owner_name'])
  .where('p.deleted_at', 'is', null).where('c.deleted_at', 'is', null)

export type PromiseRow = Awaited<ReturnType<ReturnType<typeof promiseQuery>['executeTakeFirstOrThrow']>>

export const contactNameOf = (r: { first_name: string | null; last_name: string | null }): string => `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim()

export const toPromise = (r: PromiseRow): CustomerPromise => ({
  id: r.id, companyId: r.company_id, companyName: r.company_name, contactId: r.live_contact_id ?? '', contactName: contactNameOf(r),
  conversationId: r.conversation_id ?? '', offerId: r.offer_id ?? '', title: r.title, dueDate: r.due_date, ownerId: r.owner_id, ownerName: r.owner_name ?? '',
  status: r.status, doneAt: r.done_at, changedAt: r.changed_at, createdAt: r.created_at,
})

/** A promise that exists, of a company that exists; anything else is not found. */
export async function loadPromise(db: Db, id: string): Promise<PromiseRow> {
  const row = await promiseQuery(db).where('p.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** A promise that may still change: open (kept and withdrawn ones are history). */
export async function loadOpenPromise(db: Db, id: string): Promise<PromiseRow> {
  const row = await loadPromise(db, id)
  if (row.status !== 'open') throw new AppError('conflict', 'errors.promiseNotOpen')
  return row
}

/** Each reference of a promise, at its field: the company live, the contact, conversation and offer live and of that company, the owner a known user. */
export async function checkPromiseReferences(db: Db, f: Pick<PromiseFields, 'companyId' | 'contactId' | 'conversationId' | 'offerId' | 'ownerId'>): Promise<void> {
  const company = await db.selectFrom('companies').select('id').where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  if (f.contactId) {
    const contact = await db.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
    if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
  }
  if (f.conversationId) {
    const conversation = await db.selectFrom('conversations').select('company_id').where('id', '=', f.conversationId).where('deleted_at', 'is', null).executeTakeFirst()
    if (conversation?.company_id !== f.companyId) throw fieldError('conversationId', 'errors.conversationNotOfCompany')
  }
  if (f.offerId) {
    const offer = await db.selectFrom('offers').select('company_id').where('id', '=', f.offerId).where('deleted_at', 'is', null).executeTakeFirst()
    if (offer?.company_id !== f.companyId) throw fieldError('offerId', 'errors.offerNotOfCompany')
  }
  if (f.ownerId) {
    const owner = await db.selectFrom('users').select('id').where('id', '=', f.ownerId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!owner) throw fieldError('ownerId', 'errors.promiseOwnerUnknown')
  }
}
