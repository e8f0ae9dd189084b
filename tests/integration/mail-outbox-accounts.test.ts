// The mail accounts (write-only passwords, sealed by the box, checked input, "Verbindung testen"), the outbox's
// channels through the dispatcher, and the MIME a mail is built with (sent vs. draft .eml).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { AppContext } from '../../electron/main/ipc/handler-types'
import { imapAccount, smtpAccount, type MailSecrets } from '../../electron/main/modules/mail/mail-accounts.service'
import { testMailAccount } from '../../electron/main/modules/mail/mail-accounts-test'
import { buildMessage, emlFile } from '../../electron/main/modules/mail/mime'
import type { MailAccounts, OutboxEntry } from '../../shared/modules/mail'
import { drainOutbox, outboxCounts, outboxRow, queueMails, SENDER, sinkAccount } from '../helpers/outbox-fixture'
import { silentServer, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { mustOf, openTestDb, type TestDb } from '../helpers/temp-db'

const box: MailSecrets = {
  encrypted: true,
  seal: (s) => `sealed:${Buffer.from(s).toString('base64')}`,
  open: (s) => Buffer.from(s.slice('sealed:'.length), 'base64').toString(),
}

let t: TestDb
let sink: SmtpSink
let app: AppContext
const must = mustOf(() => app)

const accounts = (smtp: Record<string, unknown> = {}, imap: Record<string, unknown> = {}) => ({
  smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: 'vertrieb', fromAddress: 'Vertrieb@Brunsviga.de', fromName: 'Jörg Müller', ...smtp },
  imap: { enabled: false, host: '', port: 993, security: 'tls', user: '', ...imap },
})

beforeEach(async () => {
  t = await openTestDb({ fresh: true })
  t.setNow('2026-11-20T09:00:00.000Z')
  sink = await startSmtpSink({ auth: { user: 'vertrieb', pass: 'geheim' } })
  app = { ...t.app, mailSecrets: box }
})
afterEach(async () => {
  await sink.close()
  await t.cleanup()
})

describe('mail accounts', () => {
  it('keeps passwords write-only and sealed; a save without one keeps it; no login, no password', async () => {
    const saved = await must<MailAccounts>('mailAccounts.save', accounts({ password: 'geheim' }, { enabled: true, host: 'imap.brunsviga.de', user: 'vertrieb', password: 'imap-pw' }))
    expect(saved).toMatchObject({ secretsEncrypted: true, smtp: { fromAddress: 'vertrieb@brunsviga.de', passwordStored: true }, imap: { passwordStored: true, sinceDays: 90 } })
    expect(JSON.stringify(saved)).not.toMatch(/geheim|imap-pw/)
    const stored = await t.ctx.db.selectFrom('app_settings').select(['key', 'value']).where('key', 'like', 'mail.%').orderBy('key').execute()
    expect(stored.map((r) => r.key)).toEqual(['mail.imap', 'mail.smtp'])
    expect(stored.map((r) => r.value).join()).not.toMatch(/geheim|imap-pw/)
    await must('mailAccounts.save', accounts({ host: '127.0.0.1' }, { enabled: true, host: 'imap.brunsviga.de', user: 'vertrieb', password: '' }))
    expect(await smtpAccount(t.ctx, box)).toMatchObject({ password: 'geheim', fromName: 'Jörg Müller' })
    expect(await imapAccount(t.ctx, box)).toMatchObject({ host: 'imap.brunsviga.de', password: 'imap-pw' })
    expect(JSON.stringify(await must('mailAccounts.get'))).not.toMatch(/geheim|imap-pw/)
    await must('mailAccounts.save', accounts({ user: '' }))
    expect(await must<MailAccounts>('mailAccounts.get')).toMatchObject({ smtp: { passwordStored: false }, imap: { enabled: false } })
    expect(await imapAccount(t.ctx, box)).toBeNull()
  })

  it('answers bad input at its field with a message key', async () => {
    const fields = async (input: unknown) => {
      const answer = await dispatch(app, 'mailAccounts.save', input)
      return answer.ok ? {} : answer.error.fields
    }
    expect(await fields(accounts({ host: 'mail server.de' }))).toEqual({ 'smtp.host': 'errors.invalidFormat' })
    expect(await fields(accounts({ port: 70_000 }))).toEqual({ 'smtp.port': 'errors.tooLarge' })
    expect(await fields(accounts({ fromAddress: '' }))).toEqual({ 'smtp.fromAddress': 'errors.required' })
    expect(await fields(accounts({ fromName: 'Vertrieb\r\nBcc: alle@example.de' }))).toEqual({ 'smtp.fromName': 'errors.invalid' })
    expect(await fields(accounts({}, { enabled: true }))).toEqual({ 'imap.host': 'errors.required', 'imap.user': 'errors.required' })
    expect(await t.ctx.db.selectFrom('app_settings').select('key').where('key', 'like', 'mail.%').execute()).toEqual([])
    // An empty host is "not set up": allowed, and nothing is sent.
    await must('mailAccounts.save', accounts({ host: '', fromAddress: '' }))
    expect(await smtpAccount(t.ctx, box)).toBeNull()
  })

  it('tests the login with short timeouts and says what failed', async () => {
    expect(await must('mailAccounts.test', { account: 'smtp' })).toEqual({ ok: false, error: 'not_configured', detail: '' })
    await must('mailAccounts.save', accounts({ password: 'geheim' }))
    expect(await must('mailAccounts.test', { account: 'smtp' })).toEqual({ ok: true, error: '', detail: '' })
    await must('mailAccounts.save', accounts({ password: 'falsch' }))
    expect(await must('mailAccounts.test', { account: 'smtp' })).toMatchObject({ ok: false, error: 'auth', detail: expect.stringContaining('535') })
    const started = Date.now()
    await must('mailAccounts.save', accounts({ host: 'mail.example.de', port: 587, security: 'starttls' }))
    expect(await must('mailAccounts.test', { account: 'smtp' })).toMatchObject({ ok: false, error: expect.stringMatching(/^(connection|timeout)$/) })
    expect(Date.now() - started).toBeLessThan(10_000)
    await sink.down()
    await must('mailAccounts.save', accounts({ host: '127.0.0.1' }, { host: '127.0.0.1', port: sink.port, security: 'none', user: 'vertrieb', password: 'x' }))
    expect(await must('mailAccounts.test', { account: 'imap' })).toMatchObject({ ok: false, error: 'connection' })
    const silent = await silentServer()
    try {
      await must('mailAccounts.save', accounts({}, { host: '127.0.0.1', port: silent.port, security: 'none', user: 'vertrieb' }))
      const quick = { connectionMs: 800, greetingMs: 800, socketMs: 800 }
      expect(await testMailAccount(t.ctx, box, 'imap', quick)).toMatchObject({ ok: false, error: 'timeout' })
      await must('mailAccounts.save', accounts({ port: silent.port }))
      expect(await testMailAccount(t.ctx, box, 'smtp', quick)).toMatchObject({ ok: false, error: 'timeout' })
    } finally {
      await silent.close()
    }
  })
})

describe('outbox channels', () => {
  it('lists, sends now, retries after the password was fixed, discards, and refuses what cannot be done', async () => {
    expect((await dispatch(app, 'outbox.send', {})).ok).toBe(false)
    await must('mailAccounts.save', accounts({ password: 'falsch' }))
    const mails = await queueMails(t.ctx.db, 3)
    expect(await must('outbox.send')).toEqual({ sent: 0, failed: 1, waiting: 2 })
    const open = await must<OutboxEntry[]>('outbox.list', { status: 'open' })
    expect(open.map((e) => [e.status, e.lastError, e.attempts])).toEqual([['failed', 'auth', 1], ['queued', 'auth', 0], ['queued', 'auth', 0]])
    expect(open[0]).toMatchObject({ messageId: mails[0]!.messageId, from: SENDER.address, to: [{ address: 'anna.berger+0@example.de' }], attachments: [] })
    expect(open[0]).not.toHaveProperty('raw')
    expect(await must<OutboxEntry>('outbox.cancel', { id: mails[2]!.id })).toMatchObject({ status: 'cancelled' })
    // Saving the fixed password puts back what waited for the account; "Jetzt senden" sends it.
    await must('mailAccounts.save', accounts({ password: 'geheim' }))
    expect((await outboxRow(t.ctx.db, mails[0]!.id)).status).toBe('queued')
    expect(await must('outbox.send')).toEqual({ sent: 2, failed: 0, waiting: 0 })
    expect((await must<OutboxEntry[]>('outbox.list', { status: 'sent' })).map((e) => e.id).sort()).toEqual([mails[0]!.id, mails[1]!.id].sort())
    const refused = async (channel: 'outbox.retry' | 'outbox.cancel', id: string) => {
      const answer = await dispatch(app, channel, { id })
      return answer.ok ? null : answer.error.message
    }
    expect(await refused('outbox.retry', mails[0]!.id)).toBe('outbox.notRetryable')
    expect(await refused('outbox.cancel', mails[0]!.id)).toBe('outbox.alreadyDone')
    expect(await refused('outbox.retry', mails[2]!.id)).toBe('outbox.notRetryable')
    await t.ctx.db.updateTable('mail_outbox').set({ status: 'sending' }).where('id', '=', mails[2]!.id).execute()
    expect(await refused('outbox.cancel', mails[2]!.id)).toBe('outbox.cannotCancelSending')
    expect(await refused('outbox.retry', '01890000-0000-7000-8000-000000000000')).toBe('errors.notFound')
    expect(await outboxCounts(t.ctx.db)).toMatchObject({ sent: 2, total: 3 })
    expect(sink.received.map((m) => m.messageId)).toEqual([mails[0]!.messageId, mails[1]!.messageId])
  })
})

describe('mime', () => {
  const input = {
    from: SENDER, to: [{ name: 'Anna Berger', address: 'anna@example.de' }], bcc: [{ name: '', address: 'archiv@brunsviga.de' }],
    subject: 'Angebot für Köln – 1.234,56 €', text: 'Grüße aus Köln: 1.234,56 €\n', date: new Date('2026-11-20T09:00:00Z'),
    attachments: [{ filename: 'Angebot Müller.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' }],
  }

  it('a sent mail: <uuid@sender-domain>, quoted-printable UTF-8, no Bcc header (the envelope carries it)', async () => {
    const { raw, messageId } = await buildMessage(input)
    expect(messageId).toMatch(/^[0-9a-f-]{36}@brunsviga\.de$/)
    const text = raw.toString()
    expect(text).toContain(`Message-ID: <${messageId}>\r\n`)
    expect(text).toContain('Content-Transfer-Encoding: quoted-printable')
    expect(text).toContain('K=C3=B6ln: 1.234,56 =E2=82=AC')
    expect(text).not.toMatch(/^Bcc:/m)
    expect(text).not.toContain('X-Unsent')
    await must('mailAccounts.save', accounts({ password: 'geheim' }))
    const [mail] = await queueMails(t.ctx.db, 1, { bcc: [{ name: '', address: 'archiv@brunsviga.de' }] })
    await drainOutbox(t.ctx, sinkAccount(sink.port, { user: 'vertrieb', password: 'geheim' }))
    expect(sink.received[0]).toMatchObject({ messageId: mail!.messageId, to: ['anna.berger+0@example.de', 'archiv@brunsviga.de'] })
    expect(sink.received[0]!.raw.toString()).not.toMatch(/^Bcc:/m)
  })

  it('a draft .eml: X-Unsent: 1 and its Bcc kept, a safe file name', async () => {
    const file = await emlFile(input, 'Angebot A-2026/0001 Müller')
    const text = Buffer.from(file.base64, 'base64').toString()
    expect(file).toMatchObject({ fileName: 'Angebot-A-2026-0001-Mueller.eml', mimeType: 'message/rfc822', rows: 1 })
    expect(text).toMatch(/^X-Unsent: 1\r\n/m)
    expect(text).toMatch(/^Bcc: archiv@brunsviga\.de\r\n/m)
    expect(text).toContain(`Message-ID: <${file.messageId}>`)
  })
})
