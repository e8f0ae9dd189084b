// Customer numbers are the organisation's: one live company holds a number, server-wide and across
// teams (docs/sync.md, "Customer numbers"). A laptop checks only its own copy, so two reps offline can
// type the same number; the push then keeps the second company without the number and tells its team in
// the conflict inbox (`duplicate_number`). Who holds which number is the table `customer_numbers`, kept
// in the push's transaction: the check is one primary-key lookup on SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely'
import type { SyncValue } from '../../shared/modules/sync'
import type { ServerDatabase } from '../store/schema'
import { insertConflict, type ConflictSubject, type FieldVersion } from './conflicts'
import type { Sequencer } from './sequence'

type Db = Kysely<ServerDatabase>

/**
 * The number as the index compares it: trimmed and case-insensitive ("k-1001 " is "K-1001"), since
 * people type numbers by hand and read them aloud on the phone. '' means no number.
 */
export function customerNumberKey(value: SyncValue | undefined): string {
  return typeof value === 'string' ? value.normalize('NFC').trim().toUpperCase() : ''
}

/** The other company that holds the number, or null when it is free or `companyId`'s own. */
export async function numberHolder(db: Db, value: SyncValue | undefined, companyId: string): Promise<string | null> {
  const key = customerNumberKey(value)
  if (!key) return null
  const row = await db.selectFrom('customer_numbers').select('company_id').where('number', '=', key).executeTakeFirst()
  return row && row.company_id !== companyId ? row.company_id : null
}

/** The company now holds `value` ('' or null: no number); its previous number becomes free. */
export async function setCompanyNumber(db: Db, companyId: string, value: SyncValue | undefined): Promise<void> {
  await releaseCompanyNumber(db, companyId)
  await claimCompanyNumber(db, companyId, value)
}

/** A company that holds no number yet (a new one) takes `value` ('' or null: nothing to write). */
export async function claimCompanyNumber(db: Db, companyId: string, value: SyncValue | undefined): Promise<void> {
  const key = customerNumberKey(value)
  if (key) await db.insertInto('customer_numbers').values({ number: key, company_id: companyId }).execute()
}

/** A deleted company's number is free again. */
export async function releaseCompanyNumber(db: Db, companyId: string): Promise<void> {
  await db.deleteFrom('customer_numbers').where('company_id', '=', companyId).execute()
}

/**
 * The holder as the conflict names it: its name only when everyone who sees the conflict (the
 * company's scope) sees the holder too; a company of another team stays unnamed ("bereits vergeben").
 */
export async function holderName(db: Db, holderId: string, scope: string): Promise<string> {
  const holder = await db.selectFrom('sync_rows').select(['scope_id', 'data']).where('table_name', '=', 'companies').where('id', '=', holderId).executeTakeFirst()
  if (!holder || holder.scope_id !== scope) return ''
  const name: unknown = (JSON.parse(holder.data) as Record<string, unknown>).name
  return typeof name === 'string' ? name : ''
}

export interface DuplicateNumber {
  /** The number that was pushed (or stored) and is held by `holderId`. */
  typed: SyncValue
  /** What the company keeps: '' for a new company, its previous number for an edit. */
  kept: SyncValue
  holderId: string
  clientUser: string
  clientAt: string
}

/** The conflict record of a refused number, for the team of the company that did not get it. */
export async function recordDuplicateNumber(db: Db, seq: number, subject: ConflictSubject, duplicate: DuplicateNumber, writer: FieldVersion, now: string, updatedBy: string): Promise<void> {
  await insertConflict(db, seq, subject, {
    field: 'customer_number', kind: 'duplicate_number', serverValue: duplicate.kept, clientValue: duplicate.typed,
    serverUser: await holderName(db, duplicate.holderId, subject.scope_id), serverAt: '', clientUser: duplicate.clientUser, clientAt: duplicate.clientAt,
  }, writer, now, updatedBy)
}

/**
 * Fills `customer_numbers` from a store written before it existed. The first company by `created_seq`
 * keeps a number; every later live company with the same number loses it (a new version, so every
 * laptop pulls the change) and its team finds a `duplicate_number` conflict naming the number it had —
 * the same outcome as if it had been pushed today.
 */
export async function backfillCustomerNumbers(db: Db, seq: Sequencer, now: string): Promise<number> {
  const companies = await db.selectFrom('sync_rows').select(['id', 'scope_id', 'parent_id', 'data', 'field_versions'])
    .where('table_name', '=', 'companies').where('deleted', '=', 0).orderBy('created_seq').orderBy('id').execute()
  const holders = new Map<string, string>()
  let pending: Array<{ number: string; company_id: string }> = []
  let duplicates = 0
  for (const company of companies) {
    const data = JSON.parse(company.data) as Record<string, SyncValue>
    const key = customerNumberKey(data.customer_number)
    if (!key) continue
    const holderId = holders.get(key)
    if (holderId === undefined) {
      holders.set(key, company.id)
      pending.push({ number: key, company_id: company.id })
      if (pending.length >= 400) {
        await db.insertInto('customer_numbers').values(pending).execute()
        pending = []
      }
      continue
    }
    const versions = JSON.parse(company.field_versions) as Record<string, FieldVersion | undefined>
    const written = versions.customer_number
    const version = seq.next()
    const server: FieldVersion = [version, 'server', 'server', now, '']
    await db.updateTable('sync_rows').set({
      data: JSON.stringify({ ...data, customer_number: '' }), field_versions: JSON.stringify({ ...versions, customer_number: server }), version,
    }).where('table_name', '=', 'companies').where('id', '=', company.id).execute()
    const conflictSeq = seq.next()
    await recordDuplicateNumber(db, conflictSeq, { table_name: 'companies', ...company }, {
      typed: data.customer_number ?? '', kept: '', holderId, clientUser: written?.[4] ?? '', clientAt: written?.[3] ?? '',
    }, [conflictSeq, 'server', 'server', now, ''], now, 'server')
    duplicates++
  }
  if (pending.length > 0) await db.insertInto('customer_numbers').values(pending).execute()
  return duplicates
}
