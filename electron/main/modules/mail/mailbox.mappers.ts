// Stored mails (mail_messages) as the mailbox page shows them: the list item and the detail. The JSON columns
// were written by this device (mail-filing.ts) and are read through their schemas anyway: a damaged value shows
// as empty, never as a crash of the list.
import { z } from 'zod'
import type { Selectable } from 'kysely'
import type { MailMessageTable } from '../../../../db/modules/mail'
import { mailAddressSchema, type MailAddress } from '../../../../shared/modules/customers'
import type { MailAttachmentInfo, MailMessageDetail, MailMessageItem } from '../../../../shared/modules/mail'

/** The columns of a list row: everything but the raw message and the body. */
export const ITEM_COLUMNS = [
  'm.id', 'm.mailbox', 'm.sent_at', 'm.direction', 'm.from_address', 'm.from_name', 'm.recipients', 'm.subject', 'm.snippet', 'm.attachments',
  'm.company_id', 'm.contact_id', 'm.related_type', 'm.related_id', 'm.state', 'm.error', 'm.touchpoint_id', 'm.message_id',
] as const

export type ItemRow = Omit<Selectable<MailMessageTable>, 'raw' | 'body_text' | 'uid' | 'uid_validity' | 'in_reply_to' | 'refs' | 'read_at'> & {
  company_name: string | null
  first_name: string | null
  last_name: string | null
}

const recipientsSchema = z.object({ to: z.array(mailAddressSchema).catch([]), cc: z.array(mailAddressSchema).catch([]) }).partial()
const attachmentsSchema = z.array(z.object({ name: z.string(), size: z.number(), contentType: z.string().catch('') }))

function json<T>(schema: z.ZodType<T>, value: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export const recipientsOf = (value: string): { to: MailAddress[]; cc: MailAddress[] } => {
  const r = json(recipientsSchema, value, {})
  return { to: r.to ?? [], cc: r.cc ?? [] }
}
export const attachmentInfosOf = (value: string): MailAttachmentInfo[] => json(attachmentsSchema, value, [])

export function toMailItem(row: ItemRow): MailMessageItem {
  return {
    id: row.id,
    mailbox: row.mailbox,
    sentAt: row.sent_at,
    direction: row.direction,
    from: { name: row.from_name, address: row.from_address },
    to: recipientsOf(row.recipients).to,
    subject: row.subject,
    snippet: row.snippet,
    attachments: attachmentInfosOf(row.attachments).map((a) => ({ name: a.name, size: a.size })),
    companyId: row.company_id,
    companyName: row.company_name ?? '',
    contactId: row.contact_id,
    contactName: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim(),
    relatedType: row.related_type,
    relatedId: row.related_id,
    state: row.state,
    // A malformed mail says so in words; a filed one may carry a note (too large to keep).
    error: row.state === 'malformed' ? 'mailbox.error.malformed' : row.error,
    touchpointId: row.touchpoint_id,
  }
}

export function toMailDetail(row: ItemRow & { body_text: string; has_raw: number }): MailMessageDetail {
  return {
    ...toMailItem(row),
    cc: recipientsOf(row.recipients).cc,
    bodyText: row.body_text,
    hasRaw: Boolean(row.has_raw),
    messageId: row.message_id,
    errorDetail: row.state === 'malformed' ? row.error : '',
  }
}
