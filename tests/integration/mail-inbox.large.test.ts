// A mailbox of 50,000 messages (issue 15, bad input): written straight into Dovecot's maildir, then read by the
// app bounded — only the last 90 days, at most 2,000 per run, the report says how many wait — and the next runs
// read the rest without filing anything twice. Prints its timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMailboxes } from '../../electron/main/modules/mail/imap-reader'
import { translate } from '../../shared/i18n'
import { MAILBOX_READ_LIMIT, type MailboxReadReport } from '../../shared/modules/mail'
import { startDovecot, type Dovecot } from '../helpers/dovecot'
import { customerWithContacts, rawMail } from '../helpers/mail-fixtures'
import { openTestDb, type TestDb } from '../helpers/temp-db'

const TOTAL = 50_000
/** Messages of the last 90 days; all others are older. */
const RECENT = 3_000
const NOW = new Date('2026-11-20T09:00:00.000Z')
const DAY = 86_400_000
const PEOPLE = ['anna.berger@brunsviga.de', 'jonas.kraemer@brunsviga.de', 'lea.wolf@brunsviga.de']

let t: TestDb
let imap: Dovecot
const timings: Record<string, number> = {}
const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
  const start = performance.now()
  try {
    return await work()
  } finally {
    timings[name] = Math.round(performance.now() - start)
  }
}

/** Message i: every 100th recent one is from a contact (30 in all), a few old ones too (outside the window: never read). */
function* mailbox() {
  for (let i = 0; i < TOTAL; i++) {
    const recent = i >= TOTAL - RECENT
    const date = recent
      ? new Date(NOW.getTime() - 88 * DAY + (i - (TOTAL - RECENT)) * ((87 * DAY) / RECENT))
      : new Date(NOW.getTime() - 800 * DAY + i * ((700 * DAY) / (TOTAL - RECENT)))
    const fromContact = recent ? (i - (TOTAL - RECENT)) % 100 === 0 : i % 5_000 === 0
    yield {
      date,
      raw: rawMail({
        from: fromContact ? PEOPLE[i % PEOPLE.length]! : `newsletter${i % 50}@verteiler.example`, to: ['vertrieb@kundenreise.test'],
        subject: fromContact ? `Anfrage ${i}` : `Rundschreiben ${i}`, messageId: `m${i}@postfach.test`, date, text: `Nachricht ${i}\n\nMit freundlichen Grüßen`,
      }),
    }
  }
}

beforeAll(async () => {
  ;[t, imap] = await Promise.all([openTestDb(), startDovecot()])
  t.setNow(NOW.toISOString())
  await customerWithContacts(t.ctx, 'Brunsviga Maschinenbau GmbH', 'K-10001', PEOPLE.map((email, i) => ({ firstName: ['Anna', 'Jonas', 'Lea'][i]!, lastName: 'Brunsviga', email })))
  expect(await timed('write 50,000 maildir files', () => imap.writeMaildir('INBOX', mailbox()))).toBe(TOTAL)
}, 300_000)
afterAll(async () => {
  await imap?.stop()
  await t?.cleanup()
  console.log(`mail-inbox.large timings (ms): ${JSON.stringify(timings)}`)
}, 120_000)

const inboxOf = (report: MailboxReadReport) => report.mailboxes.find((m) => m.role === 'inbox')!
const filedCount = async () => (await t.ctx.db.selectFrom('touchpoints').select('id').where('channel', '=', 'email').execute()).length

describe('a mailbox of 50,000 messages', () => {
  it('is read bounded: the last 90 days, 2,000 per run, the rest next time, nothing twice', async () => {
    const first = await timed('first read (Dovecot indexes 50,000, 2,000 envelopes)', () => readMailboxes(t.ctx, imap.account))
    expect(first.error).toBe('')
    expect(inboxOf(first)).toMatchObject({ total: TOTAL, candidates: RECENT, read: MAILBOX_READ_LIMIT, limited: true, remaining: RECENT - MAILBOX_READ_LIMIT, filed: 20, unknown: 1_980 })
    const summary = inboxOf(first)
    const words = translate('de', 'mailbox.report.limited', { total: summary.total, days: first.sinceDays, limit: MAILBOX_READ_LIMIT, remaining: summary.remaining })
    expect(words).toBe('50.000 Nachrichten im Postfach – gelesen werden die der letzten 90 Tage, höchstens 2.000 je Abruf; 1.000 folgen beim nächsten Abruf.')

    const second = await timed('second read (the remaining 1,000)', () => readMailboxes(t.ctx, imap.account))
    expect(inboxOf(second)).toMatchObject({ candidates: 1_000, read: 1_000, limited: false, remaining: 0, filed: 10, skipped: 0 })
    const third = await timed('third read (nothing new)', () => readMailboxes(t.ctx, imap.account))
    expect(inboxOf(third)).toMatchObject({ read: 0, filed: 0, limited: false })
    expect(await filedCount()).toBe(30)
    // The stored mails are the contacts' only: the 2,970 others left no trace.
    expect((await t.ctx.db.selectFrom('mail_messages').select('id').execute()).length).toBe(30)

    // Progress lost (a new install of the app): read again from the window's start, still nothing twice.
    await t.ctx.db.deleteFrom('app_settings').where('key', '=', 'mail.imap.state').execute()
    const again = await timed('read again after the state was lost', () => readMailboxes(t.ctx, imap.account))
    expect(inboxOf(again)).toMatchObject({ read: MAILBOX_READ_LIMIT, filed: 0, skipped: 20 })
    expect(await filedCount()).toBe(30)
  }, 300_000)
})
