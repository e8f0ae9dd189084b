// This device's mail tables (migration 014): the outbox of mails on their way out and the mails read from the
// rep's IMAP account that concern known contacts. Local, never synced: they are one person's mailbox. What the
// team sees of a mail is its touchpoint (touchpoints.mail_message_id, mail_meta).
import type { Default } from '../../platform/sync-columns'
import type { MailMessageState, MailPurpose, OutboxStatus } from '../../../shared/modules/mail'
import type { Direction, TouchpointRelatedType } from '../../../shared/modules/customers'

export interface MailOutboxTable {
  id: string
  /** Without angle brackets; the same for every attempt, so a resend after a crash shows once in mail programs. */
  message_id: string
  purpose: MailPurpose
  related_type: Default<TouchpointRelatedType | ''>
  related_id: Default<string>
  /** The offer revision whose PDF is attached. */
  related_revision: Default<number | null>
  company_id: Default<string | null>
  contact_id: Default<string | null>
  /** The envelope sender (the account's address). */
  sender: string
  /** JSON: { to, cc, bcc } of MailAddress. */
  recipients: string
  subject: string
  /** The first lines of the text, for the touchpoint written when the mail has left. */
  snippet: Default<string>
  /** JSON: [{ name, size }]. */
  attachments: Default<string>
  /** The whole MIME message as sent, built once when queued. */
  raw: Buffer
  size: number
  status: OutboxStatus
  attempts: Default<number>
  next_attempt_at: string
  /** An error code (`outbox.error.<code>`) and the server's own words. */
  last_error: Default<string>
  last_error_detail: Default<string>
  smtp_response: Default<string>
  created_at: string
  created_by: Default<string>
  sent_at: Default<string | null>
}

export interface MailMessageTable {
  id: string
  mailbox: string
  uid_validity: number
  uid: number
  message_id: string
  in_reply_to: Default<string>
  /** The References header's ids, space-separated. */
  refs: Default<string>
  sent_at: string
  direction: Direction
  from_address: Default<string>
  from_name: Default<string>
  /** JSON: { to, cc } of MailAddress. */
  recipients: Default<string>
  subject: Default<string>
  snippet: Default<string>
  body_text: Default<string>
  /** JSON: [{ name, size, contentType }]. */
  attachments: Default<string>
  /** The message as read (for attachments and "open the full message"); null when it was too large to keep. */
  raw: Default<Buffer | null>
  company_id: Default<string | null>
  contact_id: Default<string | null>
  related_type: Default<TouchpointRelatedType | ''>
  related_id: Default<string>
  touchpoint_id: Default<string | null>
  state: MailMessageState
  error: Default<string>
  read_at: string
}
