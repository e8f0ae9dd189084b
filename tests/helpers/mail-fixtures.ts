// Mails as a customer's or the rep's mail program writes them (RFC 5322 / MIME, CRLF), for the mail-filing
// tests: plain text, HTML only, with attachments, replies with In-Reply-To and References, and a malformed one.
import { afterEach, beforeEach } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import type { ServiceContext } from '../../electron/main/platform/context'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import type { MailboxReadReport } from '../../shared/modules/mail'
import { startDovecot, type Dovecot } from './dovecot'
import { openTestDb, validCompany, type TestDb } from './temp-db'

/** The rep's own address and a contact's. */
export const REP = 'vertrieb@kundenreise.test'
export const ANNA = 'anna.berger@brunsviga.de'
export const at = (iso: string) => new Date(iso)
export const inboxOf = (report: MailboxReadReport) => report.mailboxes.find((m) => m.role === 'inbox')!
export const sentOf = (report: MailboxReadReport) => report.mailboxes.find((m) => m.role === 'sent')!

/** A fresh database and a fresh Dovecot for each test, the app's clock on 20 November 2026; `use` gets both. */
export function mailTestbed(use: (t: TestDb, imap: Dovecot) => void): void {
  let bed: [TestDb, Dovecot] | null = null
  beforeEach(async () => {
    bed = await Promise.all([openTestDb(), startDovecot()])
    bed[0].setNow('2026-11-20T09:00:00.000Z')
    use(...bed)
  })
  afterEach(async () => {
    await bed?.[1].stop()
    await bed?.[0].cleanup()
  })
}

export interface FixtureMail {
  from: string
  to: string[]
  cc?: string[]
  subject: string
  messageId: string
  inReplyTo?: string
  references?: string[]
  date?: Date
  text?: string
  html?: string
  attachments?: Array<{ name: string; content: Buffer | string; type?: string }>
}

const CRLF = '\r\n'
const encodedWord = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`)
const base64Lines = (data: Buffer | string) => (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('base64').replace(/(.{76})/g, `$1${CRLF}`)

function bodyPart(type: string, content: string): string {
  return [`Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(content)].join(CRLF)
}

/** One message as its bytes. */
export function rawMail(m: FixtureMail): string {
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to.join(', ')}`,
    ...(m.cc?.length ? [`Cc: ${m.cc.join(', ')}`] : []),
    `Subject: ${encodedWord(m.subject)}`,
    `Date: ${(m.date ?? new Date('2026-11-19T10:00:00Z')).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references?.length ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
  ]
  const main = m.html !== undefined && m.text === undefined ? bodyPart('text/html', m.html) : bodyPart('text/plain', m.text ?? '')
  if (!m.attachments?.length) return [...headers, main, ''].join(CRLF)
  const boundary = `----=_Teil_${m.messageId.replace(/[^A-Za-z0-9]/g, '')}`
  const parts = [main, ...m.attachments.map((a) => [
    `Content-Type: ${a.type ?? 'application/octet-stream'}; name="${a.name}"`,
    `Content-Disposition: attachment; filename="${a.name}"`,
    'Content-Transfer-Encoding: base64', '', base64Lines(a.content),
  ].join(CRLF))]
  return [...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ''].join(CRLF)
}

/** A message mailparser refuses (more MIME parts than it reads), with sound headers from a contact. */
export function malformedMail(m: Pick<FixtureMail, 'from' | 'to' | 'subject' | 'messageId'>): string {
  const parts = Array.from({ length: 1_100 }, (_, i) => `--x${CRLF}Content-Type: text/plain${CRLF}${CRLF}Teil ${i}${CRLF}`).join('')
  return [
    `From: ${m.from}`, `To: ${m.to.join(', ')}`, `Subject: ${m.subject}`, 'Date: Thu, 19 Nov 2026 11:00:00 +0000', `Message-ID: <${m.messageId}>`,
    'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="x"', '', `${parts}--x--`, '',
  ].join(CRLF)
}

/** A company with one contact per e-mail address given (created through the services, as the forms do). */
export async function customerWithContacts(ctx: ServiceContext, name: string, customerNumber: string, people: Array<{ firstName: string; lastName: string; email: string }>) {
  const company = await createCompany(ctx, companyFieldsSchema.parse(validCompany({ name, customerNumber })))
  const contacts = []
  for (const p of people) {
    contacts.push(await createContact(ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', ...p, language: 'de' })))
  }
  return { company, contacts }
}
