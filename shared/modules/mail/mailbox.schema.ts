// Mails read from the rep's IMAP account and filed to customers (issue 15): the list and detail the mailbox page
// shows, the rep's choices (file, private, not filed) and the report of a read.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import type { Direction, MailAddress, TouchpointRelatedType } from '../customers'
import type { MailMessageState } from './mail.enums'

export const mailboxListSchema = z.object({
  state: z.enum(['filed', 'private', 'unfiled', 'malformed', 'all']).default('all'),
  companyId: idSchema.optional(),
  /** The mail behind a touchpoint ("Nachricht öffnen" on the timeline). Its id may be derived from a Message-ID, not a v7 id. */
  touchpointId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'errors.invalid').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
}).strict()

export const mailboxIdSchema = z.object({ id: idSchema }).strict()
export const mailboxStateSchema = z.object({ id: idSchema, state: z.enum(['filed', 'unfiled', 'private']) }).strict()
export const mailboxAttachmentSchema = z.object({ id: idSchema, index: z.number().int().min(0).max(99) }).strict()

/** A mail's attachment as listed (the name as the sender gave it: shown, never used as a path). */
export interface MailAttachmentInfo {
  name: string
  size: number
  contentType: string
}

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
  /** A message key: why it could not be read (malformed), or a note (too large to keep); '' otherwise. */
  error: string
  /** The touchpoint on the customer's timeline while filed. */
  touchpointId: string | null
  /** The folder it was read from (INBOX, the Sent folder). */
  mailbox: string
}

export interface MailMessageDetail extends MailMessageItem {
  cc: MailAddress[]
  /** The text as the mail program would show it: the text part, or the HTML turned into text (HTML is never rendered). */
  bodyText: string
  /** The whole message is kept on this device (attachments can be opened). */
  hasRaw: boolean
  messageId: string
  /** The technical detail of a malformed mail (the parser's words), for support. */
  errorDetail: string
}

/** Why a read could not start or stopped; each has its text `mailbox.readError.<code>`. */
export const MAILBOX_READ_ERRORS = ['not_configured', 'connection', 'timeout', 'tls', 'auth', 'mailbox', 'cancelled', 'unknown'] as const
export type MailboxReadError = (typeof MAILBOX_READ_ERRORS)[number]

/** What one read of one folder did (the page says it in words: `mailbox.report.*`). */
export interface MailboxReadSummary {
  /** The folder's path on the server. */
  name: string
  role: 'inbox' | 'sent'
  /** Messages in the folder. */
  total: number
  /** Messages of the read window (the last `sinceDays` days) not read before this run. */
  candidates: number
  /** Messages looked at in this run (at most MAILBOX_READ_LIMIT). */
  read: number
  /** New on a customer's timeline. */
  filed: number
  /** Concerning a contact and already on the timeline (another laptop of the team filed it, or the app sent it): kept here, not filed twice. */
  linked: number
  /** Read before (the same folder or the same Message-ID in another folder). */
  skipped: number
  /** Neither from nor to a known contact: left alone, nothing stored. */
  unknown: number
  malformed: number
  /** Over the size kept on the device: filed with its envelope and a note, without the message itself. */
  tooLarge: number
  /** More messages wait than one run reads: the rest follows with the next read. */
  limited: boolean
  remaining: number
  /** The server renumbered the folder (UIDVALIDITY changed): it was read again from the window's start. */
  restarted: boolean
  /** A message key when this folder could not be read; '' otherwise. */
  error: MailboxReadError | ''
}

export interface MailboxReadReport {
  mailboxes: MailboxReadSummary[]
  sinceDays: number
  /** An error code (`mailbox.readError.<code>`) when the account could not be read; '' otherwise. */
  error: MailboxReadError | ''
  /** The server's own words for the error (shown small, for support). */
  detail: string
}

/** Messages looked at per folder and run; a mailbox of 50,000 is read over several runs. */
export const MAILBOX_READ_LIMIT = 2_000
/** Messages up to this size are kept whole on the device; larger ones are filed with their envelope only. */
export const MAILBOX_RAW_LIMIT = 25 * 1024 * 1024

export type MailboxListQuery = z.output<typeof mailboxListSchema>
