// The outbox and the mail accounts (SMTP out, IMAP in) of this device (issue 15).
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import type { MailAddress, TouchpointRelatedType } from '../customers'
import { MAIL_SECURITY, type MailPurpose, type OutboxError, type OutboxStatus } from './mail.enums'

export const outboxListSchema = z.object({
  /** open: queued, sending and failed; sent: the last ones sent; all. */
  status: z.enum(['open', 'sent', 'all']).default('open'),
  relatedId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
}).strict()

export const outboxIdSchema = z.object({ id: idSchema }).strict()

export interface OutboxEntry {
  id: string
  messageId: string
  purpose: MailPurpose
  relatedType: TouchpointRelatedType | ''
  relatedId: string
  relatedRevision: number | null
  companyId: string | null
  companyName: string
  subject: string
  to: MailAddress[]
  cc: MailAddress[]
  attachments: Array<{ name: string; size: number }>
  size: number
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string
  lastError: OutboxError | ''
  lastErrorDetail: string
  createdAt: string
  sentAt: string | null
}

const host = z.string().trim().max(255).regex(/^[A-Za-z0-9.-]*$/, 'errors.invalid')
const port = z.number('errors.invalid').int('errors.invalid').min(1, 'errors.invalid').max(65_535, 'errors.invalid')
const login = z.string().trim().max(255)
/** A new password; left out, the stored one stays. */
const password = z.string().max(1_000).optional()

export const smtpAccountSchema = z.object({
  host, port, security: z.enum(MAIL_SECURITY), user: login, password,
  fromAddress: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email('errors.email'))]),
  fromName: z.string().trim().max(200).refine((v) => !/[\r\n]/.test(v), 'errors.invalid'),
}).strict()

export const imapAccountSchema = z.object({
  enabled: z.boolean(),
  host, port, security: z.enum(MAIL_SECURITY), user: login, password,
  /** Read mails from this many days back on the first read of a mailbox (a mailbox of 50,000 is not read whole). */
  sinceDays: z.number().int().min(1).max(3_650).default(90),
}).strict()

export const mailAccountsSchema = z.object({ smtp: smtpAccountSchema, imap: imapAccountSchema }).strict()

type Stored<T> = Omit<T, 'password'> & { passwordStored: boolean }
export interface MailAccounts {
  smtp: Stored<z.infer<typeof smtpAccountSchema>>
  imap: Stored<z.infer<typeof imapAccountSchema>>
  /** Whether passwords are sealed by the operating system's keychain (desktop) or stored in plain form (web mode). */
  secretsEncrypted: boolean
}

export const mailAccountTestSchema = z.object({ account: z.enum(['smtp', 'imap']) }).strict()
export interface MailAccountTest {
  ok: boolean
  error: OutboxError | ''
  detail: string
}
