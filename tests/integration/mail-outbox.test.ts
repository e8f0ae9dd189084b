// The outbox sends through a real SMTP server (smtp-server on 127.0.0.1, tests/helpers/smtp-sink.ts): offline and
// back, a refused login, a refused recipient, a mail too large, a server that never answers, a crash left
// `sending`, and the caller's follow-up in the transaction that records the mail sent. Nothing is ever lost: every
// test ends with as many rows as it queued.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestDb, type TestDb } from '../helpers/temp-db'
import { silentServer, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { drainOutbox, outboxCounts, outboxRow, queueMails, sinkAccount } from '../helpers/outbox-fixture'
import { retryOutbox } from '../../electron/main/modules/mail/outbox.service'

let t: TestDb
let sink: SmtpSink
const NOW = '2026-11-20T09:00:00.000Z'
const later = (ms: number) => new Date(new Date(NOW).getTime() + ms).toISOString()

beforeEach(async () => {
  t = await openTestDb({ fresh: true })
  t.setNow(NOW)
  sink = await startSmtpSink()
})
afterEach(async () => {
  await sink.close()
  await t.cleanup()
})

describe('mail outbox: offline and back', () => {
  it('keeps mails queued with `connection` while the server is down, then delivers each once with its Message-ID', async () => {
    await sink.down()
    const mails = await queueMails(t.ctx.db, 3)
    const offline = await drainOutbox(t.ctx, sinkAccount(sink.port))
    expect(offline).toMatchObject({ sent: 0, deferred: 1, stoppedBy: 'connection', waiting: 3 })
    const first = await outboxRow(t.ctx.db, mails[0]!.id)
    expect(first).toMatchObject({ status: 'queued', attempts: 1, last_error: 'connection', next_attempt_at: later(60_000) })
    expect(first.last_error_detail).toMatch(/ECONNREFUSED|connect/i)
    // The others were not tried (they would fail the same way); they wait for the same moment.
    for (const m of mails.slice(1)) expect(await outboxRow(t.ctx.db, m.id)).toMatchObject({ status: 'queued', attempts: 0, last_error: 'connection', next_attempt_at: later(60_000) })

    // Still offline a minute later: the second attempt waits 2 minutes.
    t.setNow(later(60_000))
    await drainOutbox(t.ctx, sinkAccount(sink.port))
    expect(await outboxRow(t.ctx.db, mails[0]!.id)).toMatchObject({ attempts: 2, next_attempt_at: later(60_000 + 120_000) })

    // Back online, but nothing is due yet: nothing is sent before its time.
    await sink.up()
    expect(await drainOutbox(t.ctx, sinkAccount(sink.port))).toMatchObject({ sent: 0, waiting: 3 })
    t.setNow(later(180_000))
    const online = await drainOutbox(t.ctx, sinkAccount(sink.port))
    expect(online).toMatchObject({ sent: 3, failed: 0, waiting: 0, stoppedBy: null })
    expect(sink.received.map((m) => m.messageId)).toEqual(mails.map((m) => m.messageId))
    expect([...sink.counts().values()]).toEqual([1, 1, 1])
    const sent = await outboxRow(t.ctx.db, mails[0]!.id)
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, sent_at: later(180_000), last_error: '' })
    expect(sent.smtp_response).toMatch(/^250 .*queued as 1/)
    // The bytes that left are the bytes queued: headers as built, umlauts and € intact.
    expect(sink.received[0]!.subject).toBe('Ihr Angebot Nr. 1 – Größe 5 €')
    expect(sink.received[0]!.parsed.text).toContain('1.234,56 €')
    expect(await drainOutbox(t.ctx, sinkAccount(sink.port))).toMatchObject({ sent: 0 })
    expect(sink.received).toHaveLength(3)
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ sent: 3, total: 3 })
  })

  it('sends a mail left `sending` by a crash again, due or not, with the same Message-ID', async () => {
    const [mail] = await queueMails(t.ctx.db, 1)
    await t.ctx.db.updateTable('mail_outbox').set({ status: 'sending', attempts: 1, next_attempt_at: later(3_600_000) }).where('id', '=', mail!.id).execute()
    expect(await drainOutbox(t.ctx, sinkAccount(sink.port))).toMatchObject({ sent: 1 })
    expect(sink.received.map((m) => m.messageId)).toEqual([mail!.messageId])
    expect(await outboxRow(t.ctx.db, mail!.id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('answers `timeout` within the configured time when the server accepts and never speaks', async () => {
    const silent = await silentServer()
    try {
      const [mail] = await queueMails(t.ctx.db, 2)
      const started = Date.now()
      const result = await drainOutbox(t.ctx, sinkAccount(silent.port), { timeouts: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 1_000 } })
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(result).toMatchObject({ stoppedBy: 'timeout', deferred: 1, waiting: 2 })
      expect(await outboxRow(t.ctx.db, mail!.id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'timeout', next_attempt_at: later(60_000) })
      expect(await outboxCounts(t.ctx.db)).toMatchObject({ queued: 2, total: 2 })
    } finally {
      await silent.close()
    }
  })
})

describe('mail outbox: encryption', () => {
  it('answers `tls` when the encrypted connection fails (TLS to a plain server, STARTTLS it does not offer) and keeps the mail', async () => {
    const [mail] = await queueMails(t.ctx.db, 1)
    for (const security of ['tls', 'starttls'] as const) {
      t.setNow(later(security === 'tls' ? 0 : 3_600_000))
      const result = await drainOutbox(t.ctx, { ...sinkAccount(sink.port), security }, { timeouts: { connectionMs: 2_000, greetingMs: 2_000, socketMs: 2_000 } })
      expect(result, security).toMatchObject({ stoppedBy: 'tls', deferred: 1 })
      expect(await outboxRow(t.ctx.db, mail!.id)).toMatchObject({ status: 'queued', last_error: 'tls' })
    }
    expect(sink.received).toHaveLength(0)
  })
})

describe('mail outbox: refusals', () => {
  it('fails a refused login for the rep and tries nothing else; with the right password it goes', async () => {
    await sink.down()
    sink.options.auth = { user: 'vertrieb', pass: 'richtig' }
    await sink.up()
    const mails = await queueMails(t.ctx.db, 2)
    const refused = await drainOutbox(t.ctx, sinkAccount(sink.port, { user: 'vertrieb', password: 'falsch' }))
    expect(refused).toMatchObject({ sent: 0, failed: 1, stoppedBy: 'auth' })
    expect(await outboxRow(t.ctx.db, mails[0]!.id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'auth' })
    expect(await outboxRow(t.ctx.db, mails[1]!.id)).toMatchObject({ status: 'queued', attempts: 0, last_error: 'auth' })
    // A failed mail waits for the rep; the other one, tried at its time, fails the same way.
    t.setNow(later(3_600_000))
    const stillWrong = await drainOutbox(t.ctx, sinkAccount(sink.port, { user: 'vertrieb', password: 'falsch' }))
    expect(stillWrong).toMatchObject({ failed: 1, stoppedBy: 'auth' })
    expect(await outboxRow(t.ctx.db, mails[0]!.id)).toMatchObject({ status: 'failed', attempts: 1 })
    expect(await outboxRow(t.ctx.db, mails[1]!.id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'auth' })
    expect(sink.received).toHaveLength(0)
    // The rep fixes the password and tries again: both leave, each once.
    for (const m of mails) await retryOutbox(t.ctx, m.id)
    expect(await drainOutbox(t.ctx, sinkAccount(sink.port, { user: 'vertrieb', password: 'richtig' }))).toMatchObject({ sent: 2, failed: 0, waiting: 0 })
    expect(sink.received.map((m) => m.messageId)).toEqual(mails.map((m) => m.messageId))
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ sent: 2, total: 2 })
  })

  it('fails a refused recipient for that mail only, puts off a 4xx and sends the rest', async () => {
    sink.options.rejectRecipients = ['niemand@example.de']
    sink.options.deferRecipients = ['besetzt@example.de']
    const good = await queueMails(t.ctx.db, 1)
    const bad = await queueMails(t.ctx.db, 1, { to: [{ name: '', address: 'niemand@example.de' }] })
    const busy = await queueMails(t.ctx.db, 1, { to: [{ name: '', address: 'besetzt@example.de' }] })
    const partly = await queueMails(t.ctx.db, 1, { to: [{ name: 'Anna', address: 'anna@example.de' }, { name: '', address: 'niemand@example.de' }] })
    const result = await drainOutbox(t.ctx, sinkAccount(sink.port))
    expect(result).toMatchObject({ sent: 2, failed: 1, deferred: 1, stoppedBy: null, waiting: 1 })
    expect(await outboxRow(t.ctx.db, good[0]!.id)).toMatchObject({ status: 'sent' })
    const refused = await outboxRow(t.ctx.db, bad[0]!.id)
    expect(refused).toMatchObject({ status: 'failed', last_error: 'recipient_rejected' })
    expect(refused.last_error_detail).toContain('550')
    expect(await outboxRow(t.ctx.db, busy[0]!.id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'rejected', next_attempt_at: later(60_000) })
    // Sent to the one the server took; the refused address is noted on the sent mail.
    const half = await outboxRow(t.ctx.db, partly[0]!.id)
    expect(half).toMatchObject({ status: 'sent', last_error: 'recipient_rejected' })
    expect(half.last_error_detail).toContain('niemand@example.de')
    expect(sink.received.map((m) => m.to)).toEqual([['anna.berger+0@example.de'], ['anna@example.de']])
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ total: 4 })
  })

  it('fails a mail larger than the server takes as `too_large` and sends the others', async () => {
    await sink.down()
    sink.options.size = 20_000
    await sink.up()
    const big = await queueMails(t.ctx.db, 1, { attachmentBytes: 40_000 })
    const small = await queueMails(t.ctx.db, 1)
    expect(await drainOutbox(t.ctx, sinkAccount(sink.port))).toMatchObject({ sent: 1, failed: 1 })
    const refused = await outboxRow(t.ctx.db, big[0]!.id)
    expect(refused).toMatchObject({ status: 'failed', last_error: 'too_large' })
    expect(refused.last_error_detail).toContain('552')
    expect(await outboxRow(t.ctx.db, small[0]!.id)).toMatchObject({ status: 'sent' })
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ total: 2 })
  })
})

describe('mail outbox: the follow-up of a delivered mail', () => {
  it('runs in the transaction that records the mail sent', async () => {
    const [mail] = await queueMails(t.ctx.db, 1)
    const seen: string[] = []
    await drainOutbox(t.ctx, sinkAccount(sink.port), {
      onDelivered: async (trx, entry, sentAt) => {
        const row = await trx.selectFrom('mail_outbox').select(['status', 'sent_at']).where('id', '=', entry.id).executeTakeFirstOrThrow()
        seen.push(`${entry.message_id} ${row.status} ${row.sent_at === sentAt}`)
        await trx.insertInto('app_settings').values({ key: `delivered.${entry.id}`, value: sentAt }).execute()
      },
    })
    expect(seen).toEqual([`${mail!.messageId} sent true`])
    expect(await t.ctx.db.selectFrom('app_settings').select('value').where('key', '=', `delivered.${mail!.id}`).executeTakeFirst()).toEqual({ value: NOW })
  })

  it('a follow-up that throws rolls back its own writes, never the mail: recorded sent with the error, never sent twice', async () => {
    const [mail] = await queueMails(t.ctx.db, 1)
    const logged: string[] = []
    const result = await drainOutbox(t.ctx, sinkAccount(sink.port), {
      log: (message) => logged.push(message),
      onDelivered: async (trx, entry) => {
        await trx.insertInto('app_settings').values({ key: `delivered.${entry.id}`, value: 'x' }).execute()
        throw new Error('offer is gone')
      },
    })
    expect(result).toMatchObject({ sent: 1, afterDeliveryErrors: 1 })
    expect(logged).toHaveLength(1)
    expect(await outboxRow(t.ctx.db, mail!.id)).toMatchObject({ status: 'sent', last_error: 'unknown', last_error_detail: 'after delivery: offer is gone' })
    expect(await t.ctx.db.selectFrom('app_settings').select('value').where('key', '=', `delivered.${mail!.id}`).executeTakeFirst()).toBeUndefined()
    t.setNow(later(86_400_000))
    expect(await drainOutbox(t.ctx, sinkAccount(sink.port))).toMatchObject({ sent: 0, waiting: 0 })
    expect(sink.received).toHaveLength(1)
  })

  it('never deletes: cancelled, failed and sent rows all stay', async () => {
    const mails = await queueMails(t.ctx.db, 3)
    await t.ctx.db.updateTable('mail_outbox').set({ status: 'cancelled' }).where('id', '=', mails[1]!.id).execute()
    await drainOutbox(t.ctx, sinkAccount(sink.port))
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ sent: 2, cancelled: 1, total: 3 })
    const { rows } = await sql<{ n: number }>`select count(*) as n from mail_outbox where raw is not null and size = length(raw)`.execute(t.ctx.db)
    expect(Number(rows[0]!.n)).toBe(3)
  })
})
