// The local purge of an erased person (DSGVO Art. 17), the same on the laptop that erases and on every
// laptop that pulls the erasure, inside the caller's transaction. It writes plain SQL and never the
// outbox: an update through the synced-write path would put the person's data into the outbox as the
// `old` value. The server applies the same rules to its copy (server/sync/erasure.ts).
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../database.types'
import {
  ANONYMISED_TABLE_NAMES, PERSON_ONLY_TABLES, anonymisedChanges, anonymisedColumns, conflictCarriesPerson, isAnonymisedTable, redactSnapshot, snapshotNames,
  type AnonymisedTable, type FieldChanges,
} from '../../../shared/modules/dsgvo'

type Trx = Transaction<Database>
type Row = Record<string, string | number | null>

export interface LocalErasure {
  /** The person was still on this laptop. */
  found: boolean
  /** Offers and contracts that were addressed to the person: their generated documents go too. */
  offers: string[]
  contracts: string[]
}

/** The rows of this laptop that hold or point at the person. */
export interface ErasureTargets {
  found: boolean
  /** Rows that exist only because of the person: conversation participants and consents. */
  participants: Set<string>
  anonymised: Map<string, AnonymisedTable>
}

const select = async (trx: Trx, query: ReturnType<typeof sql<Row>>) => (await query.execute(trx)).rows

/**
 * What points at the person now. A pull reads this before it applies its page: the server's anonymised
 * rows on the same page no longer name the person, but this laptop's unpushed values and letters do.
 */
export async function erasureTargets(trx: Trx, contactId: string): Promise<ErasureTargets> {
  const found = (await select(trx, sql<Row>`select id from contacts where id = ${contactId}`)).length > 0
  const participants = new Set<string>()
  for (const table of PERSON_ONLY_TABLES) {
    for (const row of await select(trx, sql<Row>`select id from ${sql.table(table)} where contact_id = ${contactId}`)) participants.add(String(row.id))
  }
  const anonymised = new Map<string, AnonymisedTable>()
  for (const table of ANONYMISED_TABLE_NAMES) {
    for (const row of await select(trx, sql<Row>`select id from ${sql.table(table)} where contact_id = ${contactId}`)) anonymised.set(String(row.id), table)
  }
  return { found, participants, anonymised }
}

/**
 * Purges the contact `contactId` and everything that exists only because of them, anonymises what stays
 * for the statistics, redacts sent offer revisions addressed to them, drops conflict records and set-aside
 * rows that may carry their data, and rewrites this laptop's unpushed operations about them in place
 * (their positions stay, so the server sees no gap in the outbox). Tombstoned rows are included. `earlier`:
 * targets read before a pulled page changed the rows (see `erasureTargets`).
 */
export async function eraseLocally(trx: Trx, contactId: string, now: string, earlier?: ErasureTargets): Promise<LocalErasure> {
  const current = await erasureTargets(trx, contactId)
  const found = current.found || Boolean(earlier?.found)
  const purged = new Set<string>([contactId, ...current.participants, ...(earlier?.participants ?? [])])
  const anonymised = new Map<string, AnonymisedTable>([...(earlier?.anonymised ?? []), ...current.anonymised])
  const revisions = new Map<string, string>()

  for (const [id, table] of anonymised) {
    const row = (await select(trx, sql<Row>`select * from ${sql.table(table)} where id = ${id}`))[0]
    if (!row) continue
    const patch = anonymisedColumns(table, row)
    const assignments = [...Object.entries(patch).map(([column, value]) => sql`${sql.ref(column)} = ${value}`), sql`updated_at = ${now}`]
    await sql`update ${sql.table(table)} set ${sql.join(assignments)} where id = ${id}`.execute(trx)
  }
  const offers = [...anonymised].filter(([, table]) => table === 'offers').map(([id]) => id)
  const contracts = [...anonymised].filter(([, table]) => table === 'contracts').map(([id]) => id)

  // Sent revisions of those offers, and any other whose snapshot names the person (an offer re-addressed later).
  const revisionRows = await select(trx, sql<Row>`select id, offer_id, snapshot from offer_revisions
    where offer_id in (select value from json_each(${JSON.stringify(offers)})) or instr(snapshot, ${contactId}) > 0`)
  for (const row of revisionRows) {
    const snapshot = String(row.snapshot)
    if (!offers.includes(String(row.offer_id)) && !snapshotNames(snapshot, contactId)) continue
    revisions.set(String(row.id), String(row.offer_id))
    if (!offers.includes(String(row.offer_id))) offers.push(String(row.offer_id))
    const redacted = redactSnapshot(snapshot)
    if (redacted !== snapshot) await sql`update offer_revisions set snapshot = ${redacted}, updated_at = ${now} where id = ${row.id}`.execute(trx)
  }

  await purgeMail(trx, contactId)
  for (const table of PERSON_ONLY_TABLES) {
    await sql`delete from ${sql.table(table)} where contact_id = ${contactId} or id in (select value from json_each(${JSON.stringify([...purged])}))`.execute(trx)
  }
  await sql`delete from contacts where id = ${contactId}`.execute(trx)

  const touched = new Set<string>([...anonymised.keys(), ...revisions.keys()])
  await dropConflicts(trx, purged, touched)
  await rewriteOutbox(trx, contactId, purged, anonymised, revisions)
  const ids = JSON.stringify([...purged, ...touched])
  await sql`delete from sync_quarantine where row_id in (select value from json_each(${ids})) or instr(coalesce(data, ''), ${contactId}) > 0`.execute(trx)
  return { found, offers, contracts }
}

/**
 * This device's mail about the person (local, never synced): the mails read from the rep's mailbox that were
 * filed to them or name their address are deleted, as are sent outbox mails to them. A waiting outbox mail that
 * names them (also only in Cc) is never sent after the erasure: it stays as discarded, without its bytes and
 * recipients, so the rep sees that it did not go (and can write it again without the person). A mail being handed
 * to the server right now is left to finish; its touchpoint is anonymised when the erasure's own rows arrive.
 */
async function purgeMail(trx: Trx, contactId: string): Promise<void> {
  const email = String((await select(trx, sql<Row>`select lower(email) as email from contacts where id = ${contactId}`))[0]?.email ?? '')
  const named = email ? sql`lower(from_address) = ${email} or instr(lower(recipients), ${`"${email}"`}) > 0` : sql`0`
  await sql`delete from mail_messages where contact_id = ${contactId} or ${named}`.execute(trx)
  const names = sql`(contact_id = ${contactId} or instr(lower(recipients), ${`"${email || contactId}"`}) > 0)`
  await sql`delete from mail_outbox where status in ('sent', 'cancelled') and ${names}`.execute(trx)
  await sql`update mail_outbox set status = 'cancelled', raw = x'', recipients = '{"to":[],"cc":[],"bcc":[]}', contact_id = null, snippet = '',
    last_error = 'recipient_rejected', last_error_detail = '' where status in ('queued', 'failed') and ${names}`.execute(trx)
}

/** Conflict records about the person's rows, or about the anonymised columns of rows that stay. */
async function dropConflicts(trx: Trx, purged: ReadonlySet<string>, touched: ReadonlySet<string>): Promise<void> {
  const ids = JSON.stringify([...purged, ...touched])
  const conflicts = await select(trx, sql<Row>`select id, table_name, row_id, field from sync_conflicts where row_id in (select value from json_each(${ids}))`)
  for (const conflict of conflicts) {
    if (conflictCarriesPerson(conflict, purged, touched)) await sql`delete from sync_conflicts where id = ${conflict.id}`.execute(trx)
  }
}

/**
 * Unpushed operations about the person. They cannot be deleted (the server refuses a gap in the
 * outbox's positions), so they are rewritten in place: operations on purged rows become empty
 * placeholders (an update without fields, which the server acknowledges and ignores), operations on rows
 * that stay carry the anonymised values, a revision's snapshot is redacted.
 */
async function rewriteOutbox(trx: Trx, contactId: string, purged: ReadonlySet<string>, anonymised: ReadonlyMap<string, AnonymisedTable>, revisions: ReadonlyMap<string, string>): Promise<void> {
  const ids = JSON.stringify([...purged, ...anonymised.keys(), ...revisions.keys()])
  const ops = await select(trx, sql<Row>`select client_seq, table_name, row_id, fields from sync_outbox where row_id in (select value from json_each(${ids}))`)
  for (const op of ops) {
    const rowId = String(op.row_id)
    const table = String(op.table_name)
    if (purged.has(rowId)) {
      await sql`update sync_outbox set kind = 'update', fields = '{}', base_version = null where client_seq = ${op.client_seq}`.execute(trx)
      continue
    }
    let fields = JSON.parse(String(op.fields)) as FieldChanges
    if (isAnonymisedTable(table) && anonymised.has(rowId)) fields = anonymisedChanges(table, contactId, fields)
    if (table === 'offer_revisions' && fields.snapshot) {
      const { old, new: next } = fields.snapshot
      fields.snapshot = { old: typeof old === 'string' ? redactSnapshot(old) : old, new: typeof next === 'string' ? redactSnapshot(next) : next }
    }
    await sql`update sync_outbox set fields = ${JSON.stringify(fields)} where client_seq = ${op.client_seq}`.execute(trx)
  }
}

/**
 * The local purge of a lead that was never converted (DSGVO Art. 17): the row goes (name, address, scoring history),
 * with the conflict records and set-aside rows about it, and this laptop's unpushed operations on it become empty
 * placeholders. Plain SQL, never the outbox. Returns whether the lead was still here.
 */
export async function eraseLeadLocally(trx: Trx, leadId: string): Promise<boolean> {
  const found = (await select(trx, sql<Row>`select id from leads where id = ${leadId}`)).length > 0
  const purged = new Set<string>([leadId])
  await sql`delete from leads where id = ${leadId}`.execute(trx)
  await dropConflicts(trx, purged, new Set())
  await rewriteOutbox(trx, '', purged, new Map(), new Map())
  await sql`delete from sync_quarantine where table_name = 'leads' and row_id = ${leadId}`.execute(trx)
  return found
}
