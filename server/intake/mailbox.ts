// The service mailbox (issue 19, docs/service-intake.md "Mailbox"): read over IMAP by the sync server (imapflow,
// like the laptop's reader in electron/main/modules/mail, which serves a rep's own account and files mails to
// contacts — this one turns each new mail into a service request). INBOX is read from the UID after the last one
// taken; each mail is, in this order: set aside (no sender address, an automatic mail, larger than the limit),
// a reply to an acknowledgement (→ a note on its case), or a new request (→ a case or the triage list). The
// arrival key is the Message-ID's hash, so a mail read twice (the UID validity changed) writes nothing twice.
import { createHash } from 'node:crypto'
import { ImapFlow } from 'imapflow'
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import { caseNumberIn, customerNumberIn, SERVICE_REQUEST_LIMITS } from '../../shared/modules/service'
import type { Store } from '../store/open-store'
import type { MailAccount } from './config'
import { caseOfReply, setAside, takeReply, takeRequest, type IntakeOptions } from './requests'

/** The largest mail taken (bigger ones are set aside: attachments belong in the case, not the intake). */
export const MAX_MAIL_BYTES = 10 * 1024 * 1024
/** Mails taken per read (the rest in the next round). */
export const MAILS_PER_READ = 200

export interface MailboxReport { read: number; cases: number; triage: number; replies: number; setAside: number }

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
const firstAddress = (from: AddressObject | AddressObject[] | undefined) => (Array.isArray(from) ? from[0] : from)?.value[0]

/** Why a mail is not taken as a request, or null. */
export function setAsideReason(parsed: ParsedMail, ownAddress: string): string | null {
  const sender = firstAddress(parsed.from)
  const address = sender?.address?.trim() ?? ''
  if (!address) return 'no_sender'
  if (!EMAIL.test(address) || address.length > SERVICE_REQUEST_LIMITS.email) return 'invalid_sender'
  if (ownAddress && address.toLowerCase() === ownAddress.toLowerCase()) return 'own_mail'
  const auto = String(parsed.headers.get('auto-submitted') ?? 'no').toLowerCase()
  if (auto !== 'no') return 'automatic'
  if (/^(mailer-daemon|postmaster)@/i.test(address)) return 'automatic'
  return null
}

const clean = (text: string) => text.replaceAll('\u0000', '').replace(/\r\n/g, '\n').trim()

export async function readServiceMailbox(store: Store, account: MailAccount, options: IntakeOptions & { ownAddress: string }, now: () => Date): Promise<MailboxReport> {
  const report: MailboxReport = { read: 0, cases: 0, triage: 0, replies: 0, setAside: 0 }
  const client = new ImapFlow({
    host: account.host, port: account.port, secure: account.security === 'tls', doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password }, logger: false, disableAutoIdle: true,
  })
  await client.connect()
  try {
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true })
    const validity = String(mailbox.uidValidity)
    const state = await store.db.selectFrom('intake_mailbox').selectAll().where('mailbox', '=', 'INBOX').executeTakeFirst()
    let last = state && state.uid_validity === validity ? Number(state.last_uid) : 0
    const uids = ((await client.search({ uid: `${last + 1}:*` }, { uid: true })) || []).filter((u) => u > last).sort((a, b) => a - b).slice(0, MAILS_PER_READ)
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { uid: true, size: true, internalDate: true }, { uid: true })
      const receivedAt = (message && message.internalDate ? new Date(message.internalDate) : now()).toISOString()
      if (message && (message.size ?? 0) > MAX_MAIL_BYTES) {
        await setAside(store, `mail:uid:${validity}:${uid}`, 'email', 'too_large', now())
        report.setAside += 1
      } else {
        const download = await client.download(String(uid), undefined, { uid: true })
        const chunks: Buffer[] = []
        if (download.content) for await (const chunk of download.content) chunks.push(chunk as Buffer)
        await takeMail(store, Buffer.concat(chunks), { validity, uid, receivedAt }, options, now, report)
      }
      report.read += 1
      last = uid
      await store.db.insertInto('intake_mailbox').values({ mailbox: 'INBOX', uid_validity: validity, last_uid: last })
        .onConflict((oc) => oc.column('mailbox').doUpdateSet({ uid_validity: validity, last_uid: last })).execute()
    }
  } finally {
    await client.logout().catch(() => undefined)
  }
  return report
}

async function takeMail(store: Store, raw: Buffer, at: { validity: string; uid: number; receivedAt: string }, options: IntakeOptions & { ownAddress: string }, now: () => Date, report: MailboxReport): Promise<void> {
  let parsed: ParsedMail
  try {
    parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true })
  } catch {
    await setAside(store, `mail:uid:${at.validity}:${at.uid}`, 'email', 'unreadable', now())
    report.setAside += 1
    return
  }
  const messageId = (parsed.messageId ?? '').replace(/^<|>$/g, '').trim()
  const key = `mail:${createHash('sha256').update(messageId || `${at.validity}:${at.uid}`).digest('hex')}`
  const reason = setAsideReason(parsed, options.ownAddress)
  if (reason) {
    // Only the reason is kept (logged without any address): the mail itself stays in the mailbox for a person to look at.
    await setAside(store, key, 'email', reason, now())
    console.warn(`[intake] mail set aside: ${reason}`)
    report.setAside += 1
    return
  }
  const sender = firstAddress(parsed.from)!
  const subject = clean(parsed.subject ?? '').slice(0, SERVICE_REQUEST_LIMITS.subject)
  const text = clean(parsed.text ?? '').slice(0, SERVICE_REQUEST_LIMITS.description)
  const references = [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...(Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [])]
  const target = await caseOfReply(store, references, caseNumberIn(subject))
  if (target) {
    if (await takeReply(store, target, { key, subject, text, messageId, receivedAt: at.receivedAt }, now())) report.replies += 1
    return
  }
  const outcome = await takeRequest(store, {
    source: 'email', key, externalId: messageId || `${at.validity}:${at.uid}`, writer: 'mailbox',
    name: clean(sender.name ?? '').slice(0, SERVICE_REQUEST_LIMITS.name) || sender.address!.slice(0, SERVICE_REQUEST_LIMITS.name),
    email: sender.address!.trim(), customerNumber: (customerNumberIn(subject) ?? customerNumberIn(text) ?? '').slice(0, SERVICE_REQUEST_LIMITS.customerNumber),
    subject: subject || text.split('\n')[0]!.slice(0, 120) || '—', description: text, receivedAt: at.receivedAt, language: 'de',
    ...(messageId ? { mailMessageId: messageId } : {}),
  }, now(), options)
  if (outcome.created) report[outcome.outcome === 'case' ? 'cases' : 'triage'] += 1
}
