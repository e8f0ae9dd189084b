// The outbox of this device (table mail_outbox, local, never synced): a mail is queued with its MIME bytes built
// once, listed, tried again or discarded by the rep. Sending is outbox-sender.ts. Nothing is ever deleted: a sent
// or discarded mail stays as the record of what left (or did not).
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { MailOutboxTable } from '../../../../db/modules/mail'
import { newId } from '../../../../db/platform/ids'
import { mailAddressSchema, type MailAddress, type TouchpointRelatedType } from '../../../../shared/modules/customers'
import { OUTBOX_ERRORS, type MailPurpose, type OutboxEntry, type OutboxError } from '../../../../shared/modules/mail'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'

export type OutboxRow = Selectable<MailOutboxTable>

/** Larger mails are refused when queued: the device's database is no file store, and no mail server takes them. */
export const MAX_OUTBOX_BYTES = 30 * 1024 * 1024

export interface EnqueueMailInput {
  purpose: MailPurpose
  relatedType: TouchpointRelatedType | ''
  relatedId: string
  relatedRevision?: number | null
  companyId?: string | null
  contactId?: string | null
  from: MailAddress
  to: MailAddress[]
  cc?: MailAddress[]
  bcc?: MailAddress[]
  subject: string
  /** The MIME bytes of `buildMessage`, sent as they are on every attempt. */
  raw: Buffer
  /** Without angle brackets, as `buildMessage` answers it. */
  messageId: string
  attachments?: Array<{ name: string; size: number }>
  /** The first lines of the text, for the touchpoint the delivery hook writes. */
  snippet?: string
  createdBy?: string
  /** ISO instant: created, and due at once. */
  now: string
}

interface Recipients {
  to: MailAddress[]
  cc: MailAddress[]
  bcc: MailAddress[]
}

/**
 * Queues a mail in the caller's transaction (the caller freezes the offer in the same one), due at once. The
 * caller then kicks the MailController; the mail leaves when the connection allows.
 */
export async function enqueueMail(db: Kysely<Database>, input: EnqueueMailInput): Promise<OutboxEntry> {
  const messageId = input.messageId.trim().replace(/^<|>$/g, '')
  const recipients: Recipients = { to: input.to, cc: input.cc ?? [], bcc: input.bcc ?? [] }
  const everyone = [input.from, ...recipients.to, ...recipients.cc, ...recipients.bcc]
  if (recipients.to.length === 0 || input.raw.length === 0 || messageId === '' || !everyone.every((a) => mailAddressSchema.safeParse(a).success)) {
    throw new AppError('validation', 'outbox.invalidMessage')
  }
  if (input.raw.length > MAX_OUTBOX_BYTES) throw new AppError('validation', 'outbox.tooLargeToQueue')
  if (await db.selectFrom('mail_outbox').select('id').where('message_id', '=', messageId).executeTakeFirst()) throw new AppError('conflict', 'outbox.duplicateMessage')
  const id = newId()
  await db.insertInto('mail_outbox').values({
    id, message_id: messageId, purpose: input.purpose, related_type: input.relatedType, related_id: input.relatedId, related_revision: input.relatedRevision ?? null,
    company_id: input.companyId ?? null, contact_id: input.contactId ?? null, sender: input.from.address, recipients: JSON.stringify(recipients),
    subject: input.subject, snippet: input.snippet ?? '', attachments: JSON.stringify(input.attachments ?? []), raw: input.raw, size: input.raw.length, status: 'queued', attempts: 0,
    next_attempt_at: input.now, created_at: input.now, created_by: input.createdBy ?? '',
  }).execute()
  return findEntry(db, id)
}

const withCompany = (db: Kysely<Database>) => db.selectFrom('mail_outbox as o')
  .select(['o.id', 'o.message_id', 'o.purpose', 'o.related_type', 'o.related_id', 'o.related_revision', 'o.company_id', 'o.contact_id', 'o.sender', 'o.recipients',
    'o.subject', 'o.attachments', 'o.size', 'o.status', 'o.attempts', 'o.next_attempt_at', 'o.last_error', 'o.last_error_detail', 'o.smtp_response', 'o.created_at',
    'o.created_by', 'o.sent_at'])
  .select((eb) => eb.selectFrom('companies as c').select('c.name').whereRef('c.id', '=', 'o.company_id').as('company_name'))

type ListedRow = Omit<OutboxRow, 'raw' | 'snippet'> & { company_name: string | null }

async function findEntry(db: Kysely<Database>, id: string): Promise<OutboxEntry> {
  const row = await withCompany(db).where('o.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toOutboxEntry(row)
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

const isOutboxError = (value: string): value is OutboxError => (OUTBOX_ERRORS as readonly string[]).includes(value)

/** A row as the outbox page shows it (the MIME bytes stay in the database). */
export function toOutboxEntry(row: ListedRow): OutboxEntry {
  // Written by enqueueMail from checked addresses; read back leniently so one damaged row never hides the list.
  const recipients = parseJson<Partial<Recipients>>(row.recipients, {})
  return {
    id: row.id, messageId: row.message_id, purpose: row.purpose, relatedType: row.related_type, relatedId: row.related_id, relatedRevision: row.related_revision,
    companyId: row.company_id, companyName: row.company_name ?? '', from: row.sender, subject: row.subject,
    to: recipients.to ?? [], cc: recipients.cc ?? [], bcc: recipients.bcc ?? [],
    attachments: parseJson<OutboxEntry['attachments']>(row.attachments, []), size: row.size, status: row.status, attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at, lastError: isOutboxError(row.last_error) ? row.last_error : row.last_error === '' ? '' : 'unknown',
    lastErrorDetail: row.last_error_detail, smtpResponse: row.smtp_response, createdAt: row.created_at, sentAt: row.sent_at,
  }
}

/** open: what still concerns the rep (oldest first, in sending order); sent: the last ones sent (newest first); all. */
export async function listOutbox(ctx: ServiceContext, query: { status: 'open' | 'sent' | 'all'; relatedId?: string | undefined; limit: number }): Promise<OutboxEntry[]> {
  let q = withCompany(ctx.db)
  if (query.relatedId) q = q.where('o.related_id', '=', query.relatedId)
  if (query.status === 'open') q = q.where('o.status', 'in', ['queued', 'sending', 'failed']).orderBy('o.created_at').orderBy('o.id')
  else if (query.status === 'sent') q = q.where('o.status', '=', 'sent').orderBy('o.sent_at', 'desc').orderBy('o.id', 'desc')
  else q = q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc')
  return (await q.limit(query.limit).execute()).map(toOutboxEntry)
}

/** Failed or waiting → waiting, due now (the caller kicks the sender). The last error stays shown until the next attempt. */
export async function retryOutbox(ctx: ServiceContext, id: string): Promise<OutboxEntry> {
  const result = await ctx.db.updateTable('mail_outbox').set({ status: 'queued', next_attempt_at: nowIso(ctx) })
    .where('id', '=', id).where('status', 'in', ['queued', 'failed']).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) {
    await findEntry(ctx.db, id) // not_found when there is no such mail
    throw new AppError('conflict', 'outbox.notRetryable')
  }
  return findEntry(ctx.db, id)
}

/** Waiting or failed → discarded; a mail being handed to the server cannot be taken back. */
export async function cancelOutbox(ctx: ServiceContext, id: string): Promise<OutboxEntry> {
  const result = await ctx.db.updateTable('mail_outbox').set({ status: 'cancelled' })
    .where('id', '=', id).where('status', 'in', ['queued', 'failed']).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) {
    const entry = await findEntry(ctx.db, id)
    throw new AppError('conflict', entry.status === 'sending' ? 'outbox.cannotCancelSending' : 'outbox.alreadyDone')
  }
  return findEntry(ctx.db, id)
}

/**
 * After the account was saved: what waited for the account (login refused, TLS) is due again, and every waiting
 * mail is due now instead of at its backoff. Answers how many mails are due.
 */
export async function requeueAfterAccountChange(ctx: ServiceContext): Promise<number> {
  const now = nowIso(ctx)
  await ctx.db.updateTable('mail_outbox').set({ status: 'queued', next_attempt_at: now })
    .where('status', '=', 'failed').where('last_error', 'in', ['auth', 'tls', 'not_configured']).execute()
  await dueNow(ctx)
  return waitingCount(ctx.db)
}

/** "Jetzt senden": the rep asks for every waiting mail now, whatever its backoff said. */
export async function dueNow(ctx: ServiceContext): Promise<void> {
  const now = nowIso(ctx)
  await ctx.db.updateTable('mail_outbox').set({ next_attempt_at: now }).where('status', '=', 'queued').where('next_attempt_at', '>', now).execute()
}

/** Mails still to be sent (waiting or being sent). */
export async function waitingCount(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['queued', 'sending']).executeTakeFirstOrThrow()
  return Number(row.n)
}
