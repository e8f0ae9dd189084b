// What the reader learns of a message before it downloads it: the envelope (addresses, subject, date,
// Message-ID, In-Reply-To), the References header and the size. Addresses are matched against the live
// contacts' e-mail one query per batch; only a message from or to a known contact is downloaded.
import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { FetchMessageObject, MessageAddressObject } from 'imapflow'
import type { Database } from '../../../../db/database.types'
import { mailAddressSchema, type Direction, type MailAddress } from '../../../../shared/modules/customers'

export interface EnvelopeCandidate {
  uid: number
  size: number
  /** Without angle brackets; a message without one gets a stable stand-in built from its headers. */
  messageId: string
  inReplyTo: string
  /** The References header's ids, oldest first. */
  references: string[]
  /** ISO instant: the Date header, else the arrival time; never after now. */
  sentAt: string
  subject: string
  from: MailAddress | null
  to: MailAddress[]
  cc: MailAddress[]
}

export interface ContactMatch {
  contactId: string
  companyId: string
}

const MAX_ID = 998
const MAX_ADDRESSES = 100

/** Text without control characters (a header is never a way to smuggle a NUL or a line break into a row). */
export const withoutControls = (value: string, replacement = ''): string =>
  Array.from(value, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? replacement : c)).join('')

/** `<a@b>` → `a@b`; the first id of a header that holds several; '' when there is none. */
export function normaliseMessageId(value: string | undefined | null): string {
  if (!value) return ''
  const bracketed = /<([^<>\s]+)>/.exec(value)
  const id = withoutControls(bracketed ? bracketed[1]! : value.trim().split(/\s+/)[0] ?? '')
  return id.slice(0, MAX_ID)
}

/** Every id of a References (or In-Reply-To) header, in order. */
export function messageIdsOf(value: string | undefined | null): string[] {
  if (!value) return []
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!.slice(0, MAX_ID))
  return ids.length > 0 ? ids : value.trim().split(/\s+/).filter(Boolean).map((id) => id.slice(0, MAX_ID))
}

/** A header address as the touchpoint keeps it, or null when it is not a usable address (a group, garbage). */
export function mailAddressOf(value: { name?: string; address?: string } | undefined): MailAddress | null {
  if (!value?.address) return null
  const name = withoutControls(value.name ?? '', ' ').trim().slice(0, 200)
  const parsed = mailAddressSchema.safeParse({ name, address: value.address })
  return parsed.success ? parsed.data : null
}

export const mailAddressesOf = (values: Array<{ name?: string; address?: string }> | undefined): MailAddress[] =>
  (values ?? []).map(mailAddressOf).filter((a): a is MailAddress => a !== null).slice(0, MAX_ADDRESSES)

const dateOf = (value: Date | string | undefined): Date | null => {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** References and In-Reply-To from the header lines fetched with the envelope. */
function headerValue(headers: Buffer | undefined, name: string): string {
  if (!headers) return ''
  const unfolded = headers.toString('utf8').replace(/\r?\n[ \t]+/g, ' ')
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line ? line.slice(name.length + 1).trim() : ''
}

/** A stand-in Message-ID for a message without one: the same on every laptop that reads the same mail. */
function standInId(from: MailAddress | null, to: MailAddress[], date: string, subject: string): string {
  const basis = JSON.stringify([from?.address ?? '', to.map((a) => a.address), date, subject])
  return `${createHash('sha256').update(basis).digest('hex').slice(0, 32)}@no-message-id.invalid`
}

export function candidateOf(message: FetchMessageObject, now: Date): EnvelopeCandidate {
  const envelope = message.envelope ?? {}
  const from = mailAddressOf((envelope.from as MessageAddressObject[] | undefined)?.[0])
  const to = mailAddressesOf(envelope.to)
  const cc = mailAddressesOf(envelope.cc)
  const headerDate = dateOf(envelope.date)
  const date = headerDate ?? dateOf(message.internalDate) ?? now
  const sentAt = (date.getTime() > now.getTime() ? now : date).toISOString()
  const subject = (envelope.subject ?? '').replaceAll('\u0000', '').slice(0, MAX_ID)
  const messageId = normaliseMessageId(envelope.messageId) || standInId(from, to, headerDate?.toISOString() ?? '', subject)
  return {
    uid: message.uid,
    size: message.size ?? 0,
    messageId,
    inReplyTo: normaliseMessageId(envelope.inReplyTo ?? headerValue(message.headers, 'in-reply-to')),
    references: messageIdsOf(headerValue(message.headers, 'references')).slice(-50),
    sentAt,
    subject,
    from,
    to,
    cc,
  }
}

/** The addresses a batch of candidates names (lower-case, each once). */
export const addressesOf = (candidates: EnvelopeCandidate[]): string[] =>
  [...new Set(candidates.flatMap((c) => [c.from, ...c.to, ...c.cc]).filter((a): a is MailAddress => a !== null).map((a) => a.address))]

/**
 * The live contacts (of live companies) with these addresses, one query for the whole batch. An address two
 * contacts share goes to the one created first, the same on every laptop.
 */
export async function matchContacts(db: Kysely<Database>, addresses: string[]): Promise<Map<string, ContactMatch>> {
  const found = new Map<string, ContactMatch>()
  if (addresses.length === 0) return found
  const rows = await db
    .selectFrom('contacts as k')
    .innerJoin('companies as c', 'c.id', 'k.company_id')
    .select(['k.id', 'k.company_id', sql<string>`lower(k.email)`.as('address')])
    .where(sql<string>`lower(k.email)`, 'in', addresses)
    .where('k.deleted_at', 'is', null)
    .where('k.email', '!=', '')
    .where('c.deleted_at', 'is', null)
    .orderBy('k.created_at').orderBy('k.id')
    .execute()
  for (const row of rows) if (!found.has(row.address)) found.set(row.address, { contactId: row.id, companyId: row.company_id })
  return found
}

/**
 * Who a message concerns and which way it went: from a contact it came in; to a contact (To before Cc) it went
 * out. The Sent folder holds the rep's own mails, so there only the recipients count.
 */
export function matchOf(candidate: EnvelopeCandidate, role: 'inbox' | 'sent', contacts: Map<string, ContactMatch>): (ContactMatch & { direction: Direction }) | null {
  const sender = candidate.from ? contacts.get(candidate.from.address) : undefined
  if (sender && role === 'inbox') return { ...sender, direction: 'inbound' }
  for (const address of [...candidate.to, ...candidate.cc]) {
    const recipient = contacts.get(address.address)
    if (recipient) return { ...recipient, direction: 'outbound' }
  }
  return null
}
