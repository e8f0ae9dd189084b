// The outbox and the mail accounts (SMTP out, IMAP in) of this device (issue 15). A password is write-only: the
// answer says whether one is stored, never the password itself; a save without one keeps the stored one.
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
  from: string
  subject: string
  to: MailAddress[]
  cc: MailAddress[]
  bcc: MailAddress[]
  attachments: Array<{ name: string; size: number }>
  size: number
  status: OutboxStatus
  /** How often it was handed to the SMTP server. */
  attempts: number
  nextAttemptAt: string
  /** The last failure (`outbox.error.<code>`); on a sent mail: what went wrong after it left (a recipient refused, the follow-up). */
  lastError: OutboxError | ''
  lastErrorDetail: string
  /** The server's answer when it accepted the mail. */
  smtpResponse: string
  createdAt: string
  sentAt: string | null
}

/** What "Jetzt senden" answers: mails sent and failed in this run, and those still waiting. */
export interface OutboxSendResult {
  sent: number
  failed: number
  waiting: number
}

/** A header or login value: one line, no NUL. */
const oneLine = (v: string) => !v.includes('\u0000') && !/[\r\n]/.test(v)
const host = z.string('errors.invalid').trim().max(255, 'errors.tooLong').regex(/^[A-Za-z0-9.-]*$/, 'errors.invalidFormat')
const port = z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(65_535, 'errors.tooLarge')
const login = z.string('errors.invalid').trim().max(255, 'errors.tooLong').refine(oneLine, 'errors.invalid')
/** A new password; left out or empty, the stored one stays. */
const password = z.string('errors.invalid').max(1_000, 'errors.tooLong').refine(oneLine, 'errors.invalid').optional()
const security = z.enum(MAIL_SECURITY, 'errors.invalidChoice')

/** An empty host means "not set up". A set-up account needs its sender address. */
export const smtpAccountSchema = z.object({
  host, port, security, user: login, password,
  fromAddress: z.union([z.literal(''), z.string().trim().toLowerCase().max(254, 'errors.tooLong').pipe(z.email('errors.email'))], 'errors.email'),
  fromName: z.string('errors.invalid').trim().max(200, 'errors.tooLong').refine(oneLine, 'errors.invalid'),
}).strict().superRefine((v, ctx) => {
  if (v.host !== '' && v.fromAddress === '') ctx.addIssue({ code: 'custom', path: ['fromAddress'], message: 'errors.required' })
})

/** Reading the inbox is off until enabled; an enabled account needs its server and login. */
export const imapAccountSchema = z.object({
  enabled: z.boolean('errors.invalid'),
  host, port, security, user: login, password,
  /** Read mails from this many days back on the first read of a mailbox (a mailbox of 50,000 is not read whole). */
  sinceDays: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(3_650, 'errors.tooLarge').default(90),
}).strict().superRefine((v, ctx) => {
  if (!v.enabled) return
  if (v.host === '') ctx.addIssue({ code: 'custom', path: ['host'], message: 'errors.required' })
  if (v.user === '') ctx.addIssue({ code: 'custom', path: ['user'], message: 'errors.required' })
})

export const mailAccountsSchema = z.object({ smtp: smtpAccountSchema, imap: imapAccountSchema }).strict()
export type SmtpAccountInput = z.input<typeof smtpAccountSchema>
export type ImapAccountInput = z.input<typeof imapAccountSchema>
export type MailAccountsInput = z.input<typeof mailAccountsSchema>
export type MailAccountsFields = z.output<typeof mailAccountsSchema>

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
