// Which rows hold a person's data and what an erasure (DSGVO Art. 17) does with each: one table of rules,
// applied alike by the laptop that erases, by the sync server, by every laptop that pulls the erasure, to
// unpushed outbox operations and to records that arrive late. Pure: values in, values out.

/** The person's own record and the rows that only exist because of them: purged, not tombstoned. */
export const PURGED_TABLES = ['contacts', 'conversation_participants', 'consents', 'appointment_participants', 'attachments', 'leads'] as const
/**
 * Rows of other tables that exist only because of the person (the row's contact_id is them): purged with them.
 * An appointment's participant row names a contact or a colleague; the colleague's rows never match. A file
 * attached to the person (their business card, a photo, a mail from them) goes with them, and its bytes too
 * once no other record names them (the files module's sweep on the laptop, the blob sweep on the server). The lead
 * the person was converted from holds their name, address and scoring history: it goes too (organisation-wide,
 * so the server finds it by its `contact_id`, not under the company).
 */
export const PERSON_ONLY_TABLES = ['conversation_participants', 'consents', 'appointment_participants', 'attachments', 'leads'] as const
export const isPersonOnlyTable = (table: string): boolean => (PERSON_ONLY_TABLES as readonly string[]).includes(table)

/**
 * Rows that point at the person and stay for the statistics: `contact_id` is cleared, and the free text
 * written about the person is replaced (kept empty when it was empty, so app events stay as they are).
 */
export const ANONYMISED_TABLES = {
  // A filed or sent mail's envelope names the person (address, name, first lines): it goes as a whole.
  touchpoints: ['summary', 'mail_meta', 'message_params'],
  offers: [],
  contracts: [],
  cases: ['description'],
  referrals: ['note'],
  feedback: ['comment'],
  // A promise made to the person stays with the customer (it was made to the company too); its title is the
  // step promised, not something about the person.
  promises: [],
  // A task about the person ("Frau Berger zurückrufen") stays on the work list history without their name.
  tasks: ['title', 'notes', 'outcome'],
} as const satisfies Record<string, readonly string[]>
export type AnonymisedTable = keyof typeof ANONYMISED_TABLES
export const ANONYMISED_TABLE_NAMES = Object.keys(ANONYMISED_TABLES) as AnonymisedTable[]
export const isAnonymisedTable = (table: string): table is AnonymisedTable => Object.hasOwn(ANONYMISED_TABLES, table)

/** What replaces free text about an erased person. */
export const ERASED_TEXT = '—'

/** The server's stored state of a purged row: nothing but the mark (pull sends only its tombstone). */
export const ERASED_MARK = { erased: 1 } as const
export const isErasedData = (data: Record<string, unknown> | null | undefined): boolean => data?.erased === 1

/** The writer a field version names when the erasure wrote the column (server/sync/erasure.ts). */
export const ERASURE_WRITER = 'erasure'

type Value = string | number | null

const clearedText = (value: Value): Value => (typeof value === 'string' && value !== '' ? ERASED_TEXT : value)
/** Columns that are structured data, not text: cleared to null (a mail's envelope), never to the erased mark. */
const STRUCTURED: ReadonlySet<string> = new Set(['mail_meta'])

/**
 * App events whose parameters carry what a user typed ("Aufgabe erledigt: Herrn Quirinsky zurückrufen"): on a
 * touchpoint about the erased person their text parameters become the erased mark. Other events' parameters are
 * numbers and dates of records (an offer's number) and stay.
 */
export const FREE_TEXT_EVENTS: ReadonlySet<string> = new Set(['task.done', 'appointment.reported', 'promise.kept'])

function clearedParams(value: Value, messageKey: unknown): Value {
  if (typeof value !== 'string' || typeof messageKey !== 'string' || !FREE_TEXT_EVENTS.has(messageKey)) return value
  try {
    const params = JSON.parse(value) as Record<string, unknown>
    return JSON.stringify(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v !== '' ? ERASED_TEXT : v])))
  } catch {
    return '{}'
  }
}

/** A column's value about the erased person, cleared; `messageKey` is the row's event, for its parameters. */
const cleared = (column: string, value: Value, messageKey?: unknown): Value =>
  column === 'message_params' ? clearedParams(value, messageKey) : STRUCTURED.has(column) ? null : clearedText(value)

/** The columns to write on a stored row that points at the person. */
export function anonymisedColumns(table: AnonymisedTable, row: Record<string, unknown>): Record<string, Value> {
  const patch: Record<string, Value> = { contact_id: null }
  for (const column of ANONYMISED_TABLES[table]) {
    const value = row[column]
    if (typeof value === 'string' || typeof value === 'number' || value === null) patch[column] = cleared(column, value, row.message_key)
  }
  return patch
}

export type FieldChanges = Record<string, { old: Value; new: Value }>

/**
 * An operation's `{column: {old, new}}` about a row that points at the person, rewritten so it carries
 * none of their data: the person's id becomes null on both sides, free text is replaced on both sides.
 */
export function anonymisedChanges(table: AnonymisedTable, contactId: string, fields: FieldChanges): FieldChanges {
  const out: FieldChanges = { ...fields }
  const contact = out.contact_id
  if (contact) out.contact_id = { old: contact.old === contactId ? null : contact.old, new: contact.new === contactId ? null : contact.new }
  const messageKey = fields.message_key?.new ?? fields.message_key?.old
  for (const column of ANONYMISED_TABLES[table]) {
    const change = out[column]
    if (change) out[column] = { old: cleared(column, change.old, messageKey), new: cleared(column, change.new, messageKey) }
  }
  return out
}

interface SnapshotShape {
  offer?: Record<string, unknown>
  letter?: { recipient?: Record<string, unknown> }
}

/** Whether a sent revision's snapshot (JSON) is addressed to the person. */
export function snapshotNames(snapshot: string, contactId: string): boolean {
  try {
    const parsed = JSON.parse(snapshot) as SnapshotShape
    return parsed.offer?.contactId === contactId
  } catch {
    return false
  }
}

/**
 * A sent revision's snapshot without its addressee: the offer's contact and the letter's recipient
 * person are emptied (the company stays), so the letter made from it greets "Sehr geehrte Damen und
 * Herren". Still a JSON object without path keys, as the row schema requires.
 */
export function redactSnapshot(snapshot: string): string {
  let parsed: SnapshotShape
  try {
    parsed = JSON.parse(snapshot) as SnapshotShape
  } catch {
    return snapshot
  }
  if (typeof parsed !== 'object' || parsed === null) return snapshot
  if (parsed.offer && typeof parsed.offer === 'object') parsed.offer = { ...parsed.offer, contactId: '', contactName: '' }
  const recipient = parsed.letter?.recipient
  if (parsed.letter && recipient && typeof recipient === 'object') {
    parsed.letter.recipient = { ...recipient, salutation: 'none', title: '', firstName: '', lastName: '', jobFunction: '' }
  }
  return JSON.stringify(parsed)
}

/** Conflict records about a row the erasure touched are dropped when they may carry the person's data. */
export function conflictCarriesPerson(conflict: Record<string, unknown>, purged: ReadonlySet<string>, anonymised: ReadonlySet<string>): boolean {
  const rowId = String(conflict.row_id)
  if (purged.has(rowId)) return true
  if (!anonymised.has(rowId)) return false
  const table = String(conflict.table_name)
  if (table === 'offer_revisions') return true
  return conflict.field === 'contact_id' || (isAnonymisedTable(table) && (ANONYMISED_TABLES[table] as readonly string[]).includes(String(conflict.field)))
}
