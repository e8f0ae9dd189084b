// Mails queued the way the app queues them (built once by buildMessage, enqueued in a transaction), the SMTP
// account of a test sink, and the outbox's rows counted by status — for the outbox tests, the crash helper and
// the mail bench.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.types'
import type { MailAddress } from '../../shared/modules/customers'
import type { OutboxStatus } from '../../shared/modules/mail'
import type { SmtpAccount } from '../../electron/main/modules/mail/mail-accounts.service'
import { buildMessage } from '../../electron/main/modules/mail/mime'
import { enqueueMail } from '../../electron/main/modules/mail/outbox.service'

export { drainOutbox, type DrainResult, type OnDelivered } from '../../electron/main/modules/mail/outbox-sender'

export const SENDER: MailAddress = { name: 'Jörg Müller – Vertrieb', address: 'vertrieb@brunsviga.de' }

/** The account of a sink on 127.0.0.1 (no TLS; a login only when given). */
export function sinkAccount(port: number, login?: { user: string; password: string }): SmtpAccount {
  return { host: '127.0.0.1', port, security: 'none', user: login?.user ?? '', password: login?.password ?? '', fromAddress: SENDER.address, fromName: SENDER.name }
}

/** A PDF-sized attachment: a PDF header and filler bytes. */
export function fakePdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n% Kundenreise Testangebot\n')
  const filler = Buffer.alloc(Math.max(0, bytes - head.length), 0x41)
  return Buffer.concat([head, filler])
}

export interface QueueOptions {
  to?: MailAddress[]
  cc?: MailAddress[]
  bcc?: MailAddress[]
  subject?: (i: number) => string
  text?: string
  attachmentBytes?: number
  now?: Date
}

/** Queues `count` mails, one transaction each (as `mail.queue` does); answers their ids and Message-IDs in order. */
export async function queueMails(db: Kysely<Database>, count: number, options: QueueOptions = {}): Promise<Array<{ id: string; messageId: string }>> {
  const queued: Array<{ id: string; messageId: string }> = []
  const base = options.now ?? new Date('2026-11-20T08:59:00.000Z')
  for (let i = 0; i < count; i++) {
    // A millisecond apart, so the created order is the queueing order.
    const now = new Date(base.getTime() + i)
    const to = options.to ?? [{ name: 'Anna Berger', address: `anna.berger+${i}@example.de` }]
    const attachments = options.attachmentBytes ? [{ filename: `Angebot A-2026-${String(i).padStart(4, '0')}.pdf`, content: fakePdf(options.attachmentBytes), contentType: 'application/pdf' }] : []
    const subject = options.subject?.(i) ?? `Ihr Angebot Nr. ${i + 1} – Größe 5 €`
    const { raw, messageId } = await buildMessage({
      from: SENDER, to, cc: options.cc ?? [], bcc: options.bcc ?? [], subject, date: now,
      text: options.text ?? 'Sehr geehrte Frau Berger,\n\nanbei unser Angebot über 1.234,56 €.\n\nMit freundlichen Grüßen\nJörg Müller',
      attachments,
    })
    const entry = await db.transaction().execute((trx) => enqueueMail(trx, {
      purpose: 'offer', relatedType: '', relatedId: '', from: SENDER, to, cc: options.cc ?? [], bcc: options.bcc ?? [], subject, raw, messageId,
      attachments: attachments.map((a) => ({ name: a.filename, size: a.content.length })), now: now.toISOString(),
    }))
    queued.push({ id: entry.id, messageId: entry.messageId })
  }
  return queued
}

/** Rows of the outbox by status, and all of them (nothing is ever deleted). */
export async function outboxCounts(db: Kysely<Database>): Promise<Record<OutboxStatus | 'total', number>> {
  const rows = await db.selectFrom('mail_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  const counts: Record<OutboxStatus | 'total', number> = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, total: 0 }
  for (const row of rows) {
    counts[row.status] = Number(row.n)
    counts.total += Number(row.n)
  }
  return counts
}

export const outboxRow = (db: Kysely<Database>, id: string) => db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
