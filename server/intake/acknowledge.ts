// Acknowledgements of service requests (issue 19, docs/service-intake.md "Acknowledgement"): sent by the sync
// server through its own SMTP account, not by a laptop — a laptop can be offline for a day, the server is not.
// Each case made from a request queues one (intake_acks, in the transaction that made the case); this sends the
// waiting ones, marks each sent, and leaves a failed one waiting for the next round (at most MAX_ATTEMPTS).
// The mail names the case number in its subject and carries a Message-ID of the server's, so a reply — by
// In-Reply-To/References, or by the number in its subject — goes to the case (server/intake/mailbox.ts).
import { sql } from 'kysely'
import nodemailer from 'nodemailer'
import { SERVICE_INTAKE_TEXTS } from '../../shared/modules/service'
import type { Store } from '../store/open-store'
import type { MailAccount } from './config'
import { ackMessageId } from './requests'

export const MAX_ATTEMPTS = 10
/**
 * The PostgreSQL advisory lock held while acknowledgements are sent: every server instance runs the intake round,
 * and two reading the same waiting acknowledgement at once would both send it (docs/sync.md, several instances).
 */
export const ACKS_LOCK_KEY = 4712
/** Triage requests looked at for a case made on a laptop: those that arrived within this many days. */
export const TRIAGE_ACK_DAYS = 30

/**
 * Requests from the triage list that a laptop has made a case of (pushed meanwhile): their acknowledgement is queued
 * now, with the laptop's case number, so every request's sender hears its number — and a reply naming it finds the case.
 */
export async function queueTriageAcknowledgements(store: Store, domain: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - TRIAGE_ACK_DAYS * 86_400_000).toISOString()
  const arrivals = await store.db.selectFrom('intake_arrivals as a').leftJoin('intake_acks as k', 'k.case_id', 'a.case_id')
    .select(['a.key', 'a.request_id']).where('a.outcome', '=', 'triage').where('a.created_at', '>=', since).where('a.request_id', 'is not', null).where('k.case_id', 'is', null).execute()
  let queued = 0
  for (const arrival of arrivals) {
    const request = await store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'service_requests').where('id', '=', arrival.request_id!).where('deleted', '=', 0).executeTakeFirst()
    const data = request ? JSON.parse(request.data) as Record<string, unknown> : null
    if (data?.status !== 'assigned' || typeof data.case_id !== 'string') continue
    const caseRow = await store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'cases').where('id', '=', data.case_id).where('deleted', '=', 0).executeTakeFirst()
    if (!caseRow) continue
    const number = String((JSON.parse(caseRow.data) as Record<string, unknown>).number ?? '')
    await store.db.insertInto('intake_acks').values({
      case_id: data.case_id, number, to_address: String(data.email), name: String(data.name ?? ''), subject: String(data.subject ?? '').slice(0, 200), language: 'de',
      message_id: ackMessageId(data.case_id, domain), status: 'pending', attempts: 0, last_error: '', created_at: now.toISOString(), sent_at: null,
    }).onConflict((oc) => oc.column('case_id').doNothing()).execute()
    // The arrival now points at its case: looked at once, not every round.
    await store.db.updateTable('intake_arrivals').set({ case_id: data.case_id }).where('key', '=', arrival.key).execute()
    queued += 1
  }
  return queued
}

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')

export function acknowledgementText(language: 'de' | 'en', p: { name: string; number: string; subject: string }): { subject: string; text: string } {
  return {
    subject: fill(SERVICE_INTAKE_TEXTS['intake.ack.subject'][language], p),
    text: fill(SERVICE_INTAKE_TEXTS['intake.ack.body'][language], p),
  }
}

export function smtpTransportOf(account: MailAccount) {
  return nodemailer.createTransport({
    host: account.host, port: account.port, secure: account.security === 'tls', requireTLS: account.security === 'starttls', ignoreTLS: account.security === 'none',
    ...(account.user ? { auth: { user: account.user, pass: account.password } } : {}),
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, disableFileAccess: true, disableUrlAccess: true,
  })
}

/**
 * Sends the waiting acknowledgements (oldest first, at most `limit`); answers how many were sent and how many failed.
 * On PostgreSQL one instance sends at a time: the others wait for it (holding the lock in a transaction of its own,
 * while the sends and their marks commit one by one), then find what it sent marked and send only what is left.
 */
export async function sendAcknowledgements(store: Store, account: MailAccount, from: string, now: () => Date, limit = 50): Promise<{ sent: number; failed: number }> {
  if (store.kind !== 'postgres') return sendWaiting(store, account, from, now, limit)
  return store.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(ACKS_LOCK_KEY)})`.execute(trx)
    return sendWaiting(store, account, from, now, limit)
  })
}

async function sendWaiting(store: Store, account: MailAccount, from: string, now: () => Date, limit: number): Promise<{ sent: number; failed: number }> {
  const waiting = await store.db.selectFrom('intake_acks').selectAll().where('status', '=', 'pending').where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('created_at').limit(limit).execute()
  if (waiting.length === 0) return { sent: 0, failed: 0 }
  const transport = smtpTransportOf(account)
  let sent = 0
  let failed = 0
  try {
    for (const ack of waiting) {
      const language = ack.language === 'en' ? 'en' : 'de'
      const { subject, text } = acknowledgementText(language, { name: ack.name, number: ack.number, subject: ack.subject })
      try {
        await transport.sendMail({
          from, to: ack.to_address, subject, text, messageId: `<${ack.message_id}>`,
          // An automatic answer: mail programs and our own mailbox reader do not answer it again (RFC 3834).
          headers: { 'Auto-Submitted': 'auto-replied', 'X-Kundenreise-Case': ack.number },
        })
        await store.db.updateTable('intake_acks').set({ status: 'sent', sent_at: now().toISOString(), attempts: ack.attempts + 1, last_error: '' }).where('case_id', '=', ack.case_id).execute()
        sent += 1
      } catch (err) {
        // The server's answer only (a code and its words), never the address: the log holds nothing personal.
        const code = (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code ?? 'error'
        await store.db.updateTable('intake_acks').set({ attempts: ack.attempts + 1, last_error: String(code).slice(0, 100) }).where('case_id', '=', ack.case_id).execute()
        console.warn(`[intake] acknowledgement of case ${ack.number} not sent: ${String(code)}`)
        failed += 1
      }
    }
  } finally {
    transport.close()
  }
  return { sent, failed }
}
