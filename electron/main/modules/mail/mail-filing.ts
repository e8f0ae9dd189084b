// Files a mail read from the rep's mailbox: the message is kept on this device (mail_messages) and, when it
// concerns a known contact, recorded on the customer's timeline as an e-mail touchpoint — its envelope and first
// lines, never the body or the attachments themselves. Nothing is filed twice, not even by two laptops: the
// touchpoint's id is derived from the Message-ID (mailTouchpointId in mail-ids.ts), and a Message-ID already on a touchpoint
// (live or deleted), in the outbox (the app sent it) or among the stored mails is not filed again.
// A reply whose In-Reply-To or References names a mail that belongs to a record (an offer) belongs to it too.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { findCompany } from '../../../../db/modules/customers'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import { mailMetaSchema, type Direction, type MailAddress, type MailMeta, type TouchpointRelatedType } from '../../../../shared/modules/customers'
import type { MailAttachmentInfo } from '../../../../shared/modules/mail'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import type { ContactMatch, EnvelopeCandidate } from './imap-envelope'
import { mailTouchpointId } from './mail-ids'
import type { MailContent } from './mailbox-parse'

export interface MailToFile {
  mailbox: string
  uidValidity: number
  envelope: EnvelopeCandidate
  match: ContactMatch & { direction: Direction }
  /** The message as read; null when it was larger than what is kept. */
  raw: Buffer | null
  /** Its content; null when it could not be read or was not downloaded. */
  content: MailContent | null
  /** The parser's words when the message could not be read. */
  malformed: string | null
}

export type FilingOutcome = 'filed' | 'linked' | 'skipped' | 'malformed' | 'tooLarge'

/** What a touchpoint of a mail is made of (from a mail just read, or from a stored one filed again). */
export interface MailFacts {
  companyId: string
  contactId: string | null
  direction: Direction
  sentAt: string
  subject: string
  messageId: string
  meta: MailMeta
  related: { type: TouchpointRelatedType; id: string } | null
}

/** An envelope that fits the synced column (mail_meta is at most 60,000 characters): long Cc lists are cut first. */
export function boundedMeta(meta: MailMeta): MailMeta {
  const bounded = mailMetaSchema.parse(meta)
  while (JSON.stringify(bounded).length > 58_000 && (bounded.cc.length > 0 || bounded.to.length > 1)) {
    if (bounded.cc.length > 0) bounded.cc.pop()
    else bounded.to.pop()
  }
  return bounded
}

/** The record the thread belongs to: the nearest mail it answers that belongs to one (In-Reply-To, then References from the newest). */
export async function threadRecord(trx: Transaction<Database>, inReplyTo: string, references: string[]): Promise<MailFacts['related']> {
  const ids = [...new Set([inReplyTo, ...[...references].reverse()].filter(Boolean))]
  if (ids.length === 0) return null
  const [touchpoints, outbox, stored] = await Promise.all([
    trx.selectFrom('touchpoints').select(['mail_message_id as messageId', 'related_type as type', 'related_id as id'])
      .where('mail_message_id', 'in', ids).where('related_id', 'is not', null).where('deleted_at', 'is', null).execute(),
    trx.selectFrom('mail_outbox').select(['message_id as messageId', 'related_type as type', 'related_id as id']).where('message_id', 'in', ids).where('related_id', '!=', '').execute(),
    trx.selectFrom('mail_messages').select(['message_id as messageId', 'related_type as type', 'related_id as id']).where('message_id', 'in', ids).where('related_id', '!=', '').execute(),
  ])
  const byId = new Map<string, { type: TouchpointRelatedType; id: string }>()
  for (const row of [...touchpoints, ...outbox, ...stored]) {
    if (row.messageId && row.type && row.id && !byId.has(row.messageId)) byId.set(row.messageId, { type: row.type, id: row.id })
  }
  for (const id of ids) if (byId.has(id)) return byId.get(id)!
  return null
}

/** Writes the touchpoint of a mail with `id` and keeps the company's journey position current. */
export async function insertMailTouchpoint(trx: Transaction<Database>, ctx: ServiceContext, facts: MailFacts, id: string, now: string): Promise<void> {
  const company = await findCompany(trx, facts.companyId)
  if (!company) throw new Error('mail filing: the company is gone')
  const station = company.station ?? 'offer'
  await insertSynced(trx, 'touchpoints', {
    id, company_id: facts.companyId, contact_id: facts.contactId, occurred_at: facts.sentAt, channel: 'email', direction: facts.direction, mode: 'direct',
    station, summary: facts.subject, created_by: ctx.userId, related_type: facts.related?.type ?? null, related_id: facts.related?.id ?? null,
    mail_message_id: facts.messageId, mail_meta: JSON.stringify(boundedMeta(facts.meta)),
  }, now)
  const newest = company.latest_touchpoint_at === null || facts.sentAt >= company.latest_touchpoint_at
  await refreshJourney(trx, facts.companyId, now, { ...company, latestTouchpointStation: newest ? station : company.latest_touchpoint_station })
}

const outcomeOf = (mail: MailToFile): FilingOutcome => (mail.malformed !== null ? 'malformed' : mail.raw === null ? 'tooLarge' : 'filed')

/** Keeps one mail and files it; one transaction, so a mail is stored and filed whole or not at all. */
export async function fileMail(ctx: ServiceContext, mail: MailToFile): Promise<FilingOutcome> {
  const now = nowIso(ctx)
  const e = mail.envelope
  return ctx.db.transaction().execute(async (trx) => {
    const seen = await trx.selectFrom('mail_messages').select('id')
      .where((eb) => eb.or([eb.and([eb('mailbox', '=', mail.mailbox), eb('uid_validity', '=', mail.uidValidity), eb('uid', '=', e.uid)]), eb('message_id', '=', e.messageId)]))
      .executeTakeFirst()
    const sentByApp = seen ? undefined : await trx.selectFrom('mail_outbox').select('id').where('message_id', '=', e.messageId).executeTakeFirst()
    if (seen || sentByApp) return 'skipped'
    const related = await threadRecord(trx, e.inReplyTo, e.references)
    const attachments: MailAttachmentInfo[] = mail.content?.attachments ?? []
    const row = {
      id: newId(), mailbox: mail.mailbox, uid_validity: mail.uidValidity, uid: e.uid, message_id: e.messageId, in_reply_to: e.inReplyTo, refs: e.references.join(' '),
      sent_at: e.sentAt, direction: mail.match.direction, from_address: e.from?.address ?? '', from_name: e.from?.name ?? '',
      recipients: JSON.stringify({ to: e.to, cc: e.cc }), subject: e.subject, snippet: mail.content?.snippet ?? '', body_text: mail.content?.bodyText ?? '',
      attachments: JSON.stringify(attachments), raw: mail.raw, company_id: mail.match.companyId, contact_id: mail.match.contactId,
      related_type: related?.type ?? ('' as const), related_id: related?.id ?? '', read_at: now,
    }
    if (mail.malformed !== null || !e.from) {
      await trx.insertInto('mail_messages').values({ ...row, state: 'malformed', error: (mail.malformed ?? 'no sender').slice(0, 2_000), touchpoint_id: null }).execute()
      return 'malformed'
    }
    const id = mailTouchpointId(e.messageId)
    const existing = await trx.selectFrom('touchpoints').select(['id', 'deleted_at'])
      .where((eb) => eb.or([eb('mail_message_id', '=', e.messageId), eb('id', '=', id)])).execute()
    const note = mail.raw === null ? 'mailbox.note.tooLarge' : ''
    if (existing.length > 0) {
      // Filed already by another laptop of the team (or taken off the timeline there): kept here, not filed again.
      const live = existing.find((t) => t.deleted_at === null)
      await trx.insertInto('mail_messages').values({ ...row, state: live ? 'filed' : 'unfiled', error: note, touchpoint_id: live?.id ?? null }).execute()
      return 'linked'
    }
    const meta: MailMeta = { from: e.from, to: e.to, cc: e.cc, snippet: row.snippet, attachments: attachments.map((a) => ({ name: a.name, size: a.size })) }
    const facts: MailFacts = { companyId: mail.match.companyId, contactId: mail.match.contactId, direction: mail.match.direction, sentAt: e.sentAt, subject: e.subject, messageId: e.messageId, meta, related }
    await insertMailTouchpoint(trx, ctx, facts, id, now)
    await trx.insertInto('mail_messages').values({ ...row, state: 'filed', error: note, touchpoint_id: id }).execute()
    return outcomeOf(mail)
  })
}

/** The facts of a stored mail, to file it again ("Wieder ablegen"). */
export function factsOfStored(row: {
  company_id: string | null; contact_id: string | null; direction: Direction; sent_at: string; subject: string; message_id: string; from_address: string; from_name: string
  recipients: string; snippet: string; attachments: string; related_type: TouchpointRelatedType | ''; related_id: string
}): MailFacts | null {
  if (!row.company_id || !row.from_address) return null
  const recipients = JSON.parse(row.recipients) as { to?: MailAddress[]; cc?: MailAddress[] }
  const attachments = JSON.parse(row.attachments) as MailAttachmentInfo[]
  const meta = mailMetaSchema.safeParse({
    from: { name: row.from_name, address: row.from_address }, to: recipients.to ?? [], cc: recipients.cc ?? [], snippet: row.snippet,
    attachments: attachments.map((a) => ({ name: a.name, size: a.size })),
  })
  if (!meta.success) return null
  return {
    companyId: row.company_id, contactId: row.contact_id, direction: row.direction, sentAt: row.sent_at, subject: row.subject, messageId: row.message_id, meta: meta.data,
    related: row.related_type && row.related_id ? { type: row.related_type, id: row.related_id } : null,
  }
}
