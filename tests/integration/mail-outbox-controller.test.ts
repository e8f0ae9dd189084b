// The MailController: drains when kicked and by a timer that wakes for the next due attempt (30 s … 5 min, never a
// busy loop), one drain at a time, waits for the rep after a refused login, and stop() waits for the mail on the wire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MailController, MAX_WAKE_MS, MIN_WAKE_MS } from '../../electron/main/modules/mail/mail-controller'
import { saveMailAccounts, plainMailSecrets } from '../../electron/main/modules/mail/mail-accounts.service'
import { mailAccountsSchema } from '../../shared/modules/mail'
import { outboxCounts, outboxRow, queueMails } from '../helpers/outbox-fixture'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
let sink: SmtpSink
let timers: Array<{ delay: number; run: () => void; cleared: boolean }>
const fakeTimers = {
  setTimeout: ((run: () => void, delay: number) => {
    const timer = { delay, run, cleared: false }
    timers.push(timer)
    return timer
  }) as unknown as typeof setTimeout,
  clearTimeout: ((timer: { cleared: boolean }) => {
    if (timer) timer.cleared = true
  }) as unknown as typeof clearTimeout,
}
const liveTimers = () => timers.filter((x) => !x.cleared)

async function setAccount(password = '') {
  await saveMailAccounts(t.ctx, plainMailSecrets, mailAccountsSchema.parse({
    smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: password ? 'vertrieb' : '', password, fromAddress: 'vertrieb@brunsviga.de', fromName: 'Vertrieb' },
    imap: { enabled: false, host: '', port: 993, security: 'tls', user: '' },
  }))
}

beforeEach(async () => {
  t = await openTestDb({ fresh: true })
  t.setNow('2026-11-20T09:00:00.000Z')
  sink = await startSmtpSink()
  timers = []
})
afterEach(async () => {
  await sink.close()
  await t.cleanup()
})

describe('MailController', () => {
  it('drains on kick with the follow-up, once per mail even when kicked twice at once', async () => {
    await setAccount()
    const delivered: string[] = []
    const mail = new MailController({ ctx: () => t.ctx, secrets: plainMailSecrets, timers: fakeTimers, onDelivered: async (_trx, entry) => void delivered.push(entry.message_id) })
    const mails = await queueMails(t.ctx.db, 5)
    expect(await mail.kick()).toBeNull() // not started yet
    mail.start()
    const [first, second] = await Promise.all([mail.kick(), mail.kick()])
    expect(first).toMatchObject({ sent: 5, waiting: 0 })
    expect(second).toMatchObject({ sent: 0, waiting: 0 })
    expect(delivered).toEqual(mails.map((m) => m.messageId))
    expect([...sink.counts().values()]).toEqual([1, 1, 1, 1, 1])
    // Nothing waits: no timer.
    expect(liveTimers()).toHaveLength(0)
    await mail.stop()
    expect(mail.status().state).toBe('stopped')
  })

  it('wakes for the next due attempt, not sooner than 30 s and not later than 5 min', async () => {
    await setAccount()
    await sink.down()
    const mail = new MailController({ ctx: () => t.ctx, secrets: plainMailSecrets, timers: fakeTimers, log: () => undefined })
    mail.start()
    await queueMails(t.ctx.db, 2)
    expect(await mail.kick()).toMatchObject({ stoppedBy: 'connection' })
    expect(mail.status()).toMatchObject({ lastError: 'connection', state: 'idle' })
    // Due in 60 s (the first backoff): the timer wakes then.
    expect(liveTimers().map((x) => x.delay)).toEqual([60_000])
    // A long backoff is checked every 5 minutes at the latest (a laptop that slept catches up).
    await t.ctx.db.updateTable('mail_outbox').set({ next_attempt_at: '2026-11-20T11:00:00.000Z' }).execute()
    expect(await mail.kick()).toMatchObject({ sent: 0 })
    expect(liveTimers().map((x) => x.delay)).toEqual([MAX_WAKE_MS])
    liveTimers()[0]!.run()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await mail.stop()
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ queued: 2, total: 2 })
  })

  it('a mail due again during a run (the rep retried it) goes with the next wake, 30 s later, not in a busy loop', async () => {
    await setAccount()
    sink.options.rejectRecipients = ['niemand@example.de']
    const [refused] = await queueMails(t.ctx.db, 1, { to: [{ name: '', address: 'niemand@example.de' }] })
    await queueMails(t.ctx.db, 1)
    const mail = new MailController({
      ctx: () => t.ctx, secrets: plainMailSecrets, timers: fakeTimers,
      onDelivered: async (trx) => void (await trx.updateTable('mail_outbox').set({ status: 'queued' }).where('id', '=', refused!.id).execute()),
    })
    mail.start()
    expect(await mail.kick()).toMatchObject({ sent: 1, failed: 1, waiting: 1 })
    expect(liveTimers().map((x) => x.delay)).toEqual([MIN_WAKE_MS])
    expect(MIN_WAKE_MS).toBe(30_000)
    await mail.stop()
  })

  it('after a refused login only the rep sends again; without an account nothing runs', async () => {
    const mail = new MailController({ ctx: () => t.ctx, secrets: plainMailSecrets, timers: fakeTimers })
    mail.start()
    const [queued] = await queueMails(t.ctx.db, 1)
    expect(await mail.kick()).toBeNull()
    expect(mail.status().configured).toBe(false)
    await sink.down()
    sink.options.auth = { user: 'vertrieb', pass: 'richtig' }
    await sink.up()
    await setAccount('falsch')
    expect(await mail.kick()).toMatchObject({ stoppedBy: 'auth', failed: 1 })
    expect(mail.status().waitsForRep).toBe(true)
    expect(liveTimers()).toHaveLength(0)
    await setAccount('richtig')
    await t.ctx.db.updateTable('mail_outbox').set({ status: 'queued' }).execute()
    expect(await mail.kick()).toBeNull() // automatic (timer, back online): waits for the rep
    expect(await mail.kick({ manual: true })).toMatchObject({ sent: 1 })
    expect((await outboxRow(t.ctx.db, queued!.id)).status).toBe('sent')
    await mail.stop()
  })

  it('stop() waits for the mail on the wire and sends no further one; fetchNow reads one at a time', async () => {
    await setAccount()
    sink.options.delayMs = 300
    let reads = 0
    const mail = new MailController({
      ctx: () => t.ctx, secrets: plainMailSecrets, timers: fakeTimers,
      readInbox: async () => {
        reads += 1
        await new Promise((resolve) => setTimeout(resolve, 50))
        return { read: reads }
      },
    })
    mail.start()
    await queueMails(t.ctx.db, 3)
    const running = mail.kick()
    await new Promise((resolve) => setTimeout(resolve, 100))
    await mail.stop()
    expect(sink.received).toHaveLength(1)
    expect(await running).toMatchObject({ sent: 1, waiting: 2 })
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ sent: 1, queued: 2, sending: 0, total: 3 })
    const [a, b] = await Promise.all([mail.fetchNow(), mail.fetchNow()])
    expect(a).toEqual({ read: 1 })
    expect(b).toBe(a)
    expect(reads).toBe(1)
  })
})
