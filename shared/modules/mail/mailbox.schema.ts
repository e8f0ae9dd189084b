// Mails read from the rep's IMAP account and filed to customers (issue 15).
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import type { Direction, MailAddress, TouchpointRelatedType } from '../customers'
import type { MailMessageState } from './mail.enums'

export const mailboxListSchema = z.object({
  state: z.enum(['filed', 'private', 'unfiled', 'malformed', 'all']).default('all'),
  companyId: idSchema.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
}).strict()

export const mailboxIdSchema = z.object({ id: idSchema }).strict()
export const mailboxStateSchema = z.object({ id: idSchema, state: z.enum(['filed', 'unfiled', 'private']) }).strict()
export const mailboxAttachmentSchema = z.object({ id: idSchema, index: z.number().int().min(0).max(99) }).strict()

export interface MailMessageItem {
  id: string
  sentAt: string
  direction: Direction
  from: MailAddress
  to: MailAddress[]
  subject: string
  snippet: string
  attachments: Array<{ name: string; size: number }>
  companyId: string | null
  companyName: string
  contactId: string | null
  contactName: string
  relatedType: TouchpointRelatedType | ''
  relatedId: string
  state: MailMessageState
  error: string
}

export interface MailMessageDetail extends MailMessageItem {
  cc: MailAddress[]
  bodyText: string
  /** The whole message is kept on this device (attachments can be opened). */
  hasRaw: boolean
}

export interface MailboxReadReport {
  mailboxes: Array<{ name: string; total: number; read: number; filed: number; skipped: number; malformed: number; limited: boolean }>
  /** An error code (`outbox.error.<code>`) when the account could not be read; '' otherwise. */
  error: string
  detail: string
}
