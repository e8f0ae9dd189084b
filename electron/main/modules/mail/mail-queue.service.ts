// Queueing the mail the rep wrote, or handing it to their own mail program as an .eml draft; and what happens
// when a queued mail has left: the offer is marked sent (offers module), and every mail becomes a touchpoint on
// the customer's timeline, related to its record, with the same id the IMAP copy of it would get.
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { MAIL_PURPOSE_RECORD, type MailDraftFields, type OutboxEntry } from '../../../../shared/modules/mail'
import { mailAddressSchema, type MailAddress, type MailMeta } from '../../../../shared/modules/customers'
import { AppError } from '../../../../shared/platform/result'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { nowIso, type ServiceContext } from '../../platform/context'
import { deviceLetterhead } from '../../platform/device-profile'
import { confirmOfferSent, freezeOfferForMail } from '../offers'
import { insertMailTouchpoint } from './mail-filing'
import { recordFacts, SENDS_OFFER } from './compose-facts'
import { snippetOf } from './mailbox-parse'
import { mailTouchpointId } from './mail-ids'
import { buildMessage, emlFile, type MessageAttachment } from './mime'
import { enqueueMail, type OutboxRow } from './outbox.service'
import type { SmtpAccount } from './mail-accounts.service'

type Draft = MailDraftFields


async function attachmentsOf(ctx: ServiceContext, trx: Transaction<Database>, draft: Draft, revision: number | undefined): Promise<MessageAttachment[]> {
  if (!draft.attach) return []
  const facts = await recordFacts({ ...ctx, db: trx }, draft.purpose, draft.relatedId, revision)
  if (!facts.attachment) return []
  const file = await facts.attachment(trx)
  return [{ filename: file.fileName, content: file.buffer, contentType: file.contentType ?? 'application/pdf' }]
}

/**
 * Puts the mail in the outbox. For an offer, the revision it carries is frozen in the same transaction, so the PDF
 * in the message is that revision's document; the offer is marked sent when the mail has left.
 */
export async function queueMail(ctx: ServiceContext, draft: Draft, account: SmtpAccount | null): Promise<OutboxEntry> {
  if (!account || !account.fromAddress) throw new AppError('conflict', 'errors.mailNotConfigured')
  const from: MailAddress = { name: account.fromName, address: account.fromAddress }
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const facts = await recordFacts({ ...ctx, db: trx }, draft.purpose, draft.relatedId, draft.revision)
    const revision = MAIL_PURPOSE_RECORD[draft.purpose] === 'offer'
      ? (SENDS_OFFER.has(draft.purpose) ? await freezeOfferForMail(trx, ctx, draft.relatedId, draft.revision) : draft.revision)
      : undefined
    const attachments = await attachmentsOf(ctx, trx, draft, revision)
    // The mail's contact is its first addressee when they are a contact of the customer (the record's own otherwise).
    const addressee = await trx.selectFrom('contacts').select('id').where('company_id', '=', facts.companyId).where('deleted_at', 'is', null)
      .where(sql<string>`lower(email)`, '=', draft.to[0]!.address.toLowerCase()).where('email', '!=', '').executeTakeFirst()
    const message = await buildMessage({ from, to: draft.to, cc: draft.cc, bcc: draft.bcc, subject: draft.subject, text: draft.body, attachments, date: new Date(now) })
    return enqueueMail(trx, {
      purpose: draft.purpose, relatedType: facts.relatedType, relatedId: draft.relatedId, relatedRevision: revision ?? null,
      companyId: facts.companyId, contactId: addressee?.id ?? (facts.contactId || null), from, to: draft.to, cc: draft.cc, bcc: draft.bcc, subject: draft.subject,
      raw: message.raw, messageId: message.messageId, attachments: attachments.map((a) => ({ name: a.filename, size: a.content.length })),
      snippet: snippetOf(draft.body), createdBy: ctx.userId, now,
    })
  })
}

/**
 * The same mail as an unsent .eml (Outlook and Thunderbird open it ready to send). An offer's revision is frozen
 * first, as for the outbox, so the PDF the customer gets is the revision the app keeps; the rep marks it sent
 * ("Als versendet markieren") once the mail has gone from their own program.
 */
export async function emlMail(ctx: ServiceContext, draft: Draft, account: SmtpAccount | null): Promise<ExportFile> {
  const revision = SENDS_OFFER.has(draft.purpose)
    ? await ctx.db.transaction().execute((trx) => freezeOfferForMail(trx, ctx, draft.relatedId, draft.revision))
    : draft.revision
  const facts = await recordFacts(ctx, draft.purpose, draft.relatedId, revision)
  const file = draft.attach && facts.attachment ? await facts.attachment(ctx.db) : null
  // Without an account here, the draft is from the rep as the profile names them; their mail program may change it.
  const profile = await deviceLetterhead(ctx)
  const from: MailAddress = account?.fromAddress
    ? { name: account.fromName, address: account.fromAddress }
    : { name: profile.repName, address: profile.repEmail || profile.email || 'entwurf@kundenreise.invalid' }
  const eml = await emlFile({
    from, to: draft.to, cc: draft.cc, bcc: draft.bcc, subject: draft.subject, text: draft.body, date: new Date(nowIso(ctx)),
    attachments: file ? [{ filename: file.fileName, content: file.buffer, contentType: file.contentType ?? 'application/pdf' }] : [],
  }, draft.subject)
  const { messageId: _id, ...answer } = eml
  return answer
}

const addressesOf = (value: unknown): MailAddress[] =>
  Array.isArray(value) ? value.flatMap((a) => { const parsed = mailAddressSchema.safeParse(a); return parsed.success ? [parsed.data] : [] }) : []

/** The envelope a touchpoint keeps of an outbox mail. */
export function metaOf(row: OutboxRow): MailMeta {
  const recipients = JSON.parse(row.recipients) as { to?: unknown; cc?: unknown }
  const attachments = (JSON.parse(row.attachments) as Array<{ name: string; size: number }>).map((a) => ({ name: String(a.name).slice(0, 255), size: Number(a.size) || 0 }))
  return { from: { name: '', address: row.sender }, to: addressesOf(recipients.to), cc: addressesOf(recipients.cc), snippet: row.snippet, attachments }
}

/**
 * The delivery hook of the outbox (runs in the transaction that records the mail as sent): the offer is marked
 * sent; any other mail becomes a touchpoint on its record. A touchpoint that already exists (the IMAP copy was
 * filed first) is not written twice.
 */
export function deliveryHook(ctxOf: () => ServiceContext) {
  return async (trx: Transaction<Database>, row: OutboxRow, sentAt: string): Promise<void> => {
    const ctx = { ...ctxOf(), db: trx }
    const touchpointId = mailTouchpointId(row.message_id)
    const mail = { touchpointId, messageId: row.message_id, subject: row.subject, meta: metaOf(row) }
    // The offer is marked sent even when the mail's touchpoint exists already (its Sent-folder copy was filed first).
    if (row.related_type === 'offer' && SENDS_OFFER.has(row.purpose) && row.related_revision !== null) {
      await confirmOfferSent(trx, ctx, { id: row.related_id, revision: row.related_revision, at: sentAt, mail })
      return
    }
    if (await trx.selectFrom('touchpoints').select('id').where('id', '=', touchpointId).executeTakeFirst()) return
    if (!row.company_id) return
    const company = await trx.selectFrom('companies').select('id').where('id', '=', row.company_id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!company) return
    await insertMailTouchpoint(trx, { ...ctx, userId: row.created_by || ctx.userId }, {
      companyId: row.company_id, contactId: row.contact_id, direction: 'outbound', sentAt, subject: row.subject, messageId: row.message_id, meta: mail.meta,
      related: row.related_type ? { type: row.related_type, id: row.related_id } : null,
    }, touchpointId, sentAt)
  }
}
