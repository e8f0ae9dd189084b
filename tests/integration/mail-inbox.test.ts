// Mails in (issue 15): a real Dovecot with a test mailbox, messages appended over IMAP as a mail program files
// them, then read and filed by the app — to the contact and company, replies onto their offer, nothing twice
// (not even by two laptops), unknown senders left alone, a malformed message kept aside without blocking the rest.
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { readMailboxes } from '../../electron/main/modules/mail/imap-reader'
import { mailTouchpointId } from '../../electron/main/modules/mail/mail-ids'
import { parseMailMeta, type Touchpoint } from '../../shared/modules/customers'
import type { MailMessageDetail, MailMessageItem, MailboxReadReport } from '../../shared/modules/mail'
import type { Page } from '../../shared/platform/common.schema'
import type { ExportFile } from '../../shared/platform/export-file'
import { startDovecot, type Dovecot } from '../helpers/dovecot'
import { ANNA, REP, at, customerWithContacts, inboxOf as inbox, mailTestbed, malformedMail, rawMail, sentOf as sentBox } from '../helpers/mail-fixtures'
import { mustOf, type TestDb } from '../helpers/temp-db'

let t: TestDb
let imap: Dovecot
const must = mustOf(() => t.app)
mailTestbed((db, server) => {
  t = db
  imap = server
})

const read = () => readMailboxes(t.ctx, imap.account)
const touchpoints = () => t.ctx.db.selectFrom('touchpoints').selectAll().where('channel', '=', 'email').execute()
const stored = () => t.ctx.db.selectFrom('mail_messages').selectAll().orderBy('uid').execute()
const brunsviga = () => customerWithContacts(t.ctx, 'Brunsviga Maschinenbau GmbH', 'K-10001', [{ firstName: 'Anna', lastName: 'Berger', email: 'Anna.Berger@brunsviga.de' }])

describe('mails from and to contacts are filed to the customer', () => {
  it('files a contact’s mail to contact and company with subject, first lines and attachments; an unknown sender is left alone', async () => {
    const { company, contacts } = await brunsviga()
    await imap.append('INBOX', rawMail({
      from: 'Anna Berger <ANNA.BERGER@brunsviga.de>', to: [REP], subject: 'Rückfrage zum Prüfstand', messageId: 'rueckfrage-1@brunsviga.de',
      text: 'Guten Tag Herr Vogel,\n\nkönnen Sie uns die Lieferzeit für den Prüfstand PS-200 nennen?\n\n> Ihr Angebot vom 12.11.\n\nMit freundlichen Grüßen\nAnna Berger',
      attachments: [{ name: 'Zeichnung Prüfstand.pdf', content: '%PDF-1.4 Zeichnung', type: 'application/pdf' }, { name: '../../etc/passwd', content: 'root:x:0:0', type: 'text/plain' }],
    }), at('2026-11-19T10:00:00Z'))
    await imap.append('INBOX', rawMail({ from: 'angebote@werbung.example', to: [REP], subject: 'Sonderangebot', messageId: 'spam-1@werbung.example', text: 'Kaufen!' }), at('2026-11-19T11:00:00Z'))

    const report = await read()
    expect(report.error).toBe('')
    expect(inbox(report)).toMatchObject({ total: 2, read: 2, filed: 1, unknown: 1, malformed: 0, limited: false })

    const [touchpoint, ...others] = await touchpoints()
    expect(others).toHaveLength(0)
    expect(touchpoint).toMatchObject({
      id: mailTouchpointId('rueckfrage-1@brunsviga.de'), company_id: company.id, contact_id: contacts[0]!.id, direction: 'inbound', mode: 'direct',
      summary: 'Rückfrage zum Prüfstand', mail_message_id: 'rueckfrage-1@brunsviga.de', station: 'offer',
    })
    const meta = parseMailMeta(touchpoint!.mail_meta)
    expect(meta?.from).toEqual({ name: 'Anna Berger', address: ANNA })
    expect(meta?.snippet).toContain('können Sie uns die Lieferzeit für den Prüfstand PS-200 nennen?')
    expect(meta?.snippet).not.toContain('Ihr Angebot vom')
    expect(meta?.attachments).toEqual([{ name: 'Zeichnung Prüfstand.pdf', size: 18 }, { name: '../../etc/passwd', size: 10 }])
    // The unknown sender's mail is not stored at all.
    expect(await stored()).toHaveLength(1)

    const timeline = await must<Page<{ kind: string; touchpoint?: Touchpoint }>>('timeline.forCompany', { companyId: company.id, offset: 0, limit: 20 })
    expect(timeline.rows[0]?.touchpoint?.mail?.attachments).toHaveLength(2)

    const list = await must<Page<MailMessageItem>>('mailbox.list', { state: 'all' })
    expect(list.rows).toHaveLength(1)
    expect(list.rows[0]).toMatchObject({ companyName: 'Brunsviga Maschinenbau GmbH', contactName: 'Anna Berger', state: 'filed', subject: 'Rückfrage zum Prüfstand', direction: 'inbound' })
    const detail = await must<MailMessageDetail>('mailbox.get', { id: list.rows[0]!.id })
    expect(detail.bodyText).toContain('Mit freundlichen Grüßen')
    expect(detail.hasRaw).toBe(true)
    const file = await must<ExportFile>('mailbox.attachment', { id: detail.id, index: 1 })
    expect(file.fileName).not.toMatch(/[/\\]/)
    expect(file.fileName).toBe('etc-passwd')
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('root:x:0:0')
    expect(await dispatch(t.app, 'mailbox.attachment', { id: detail.id, index: 5 })).toMatchObject({ ok: false, error: { message: 'mailbox.error.noAttachment' } })
  })

  it('an HTML-only mail is kept as text, never as HTML', async () => {
    await brunsviga()
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Termin', messageId: 'html-1@brunsviga.de', html: '<p>Hallo <b>Herr Vogel</b>,</p><p>passt Dienstag?</p><script>alert(1)</script>' }), at('2026-11-19T10:00:00Z'))
    expect(inbox(await read()).filed).toBe(1)
    const [item] = (await must<Page<MailMessageItem>>('mailbox.list', {})).rows
    const detail = await must<MailMessageDetail>('mailbox.get', { id: item!.id })
    expect(detail.bodyText).toMatch(/Hallo HERR VOGEL|Hallo Herr Vogel/)
    expect(detail.bodyText).not.toContain('<')
    expect(item!.snippet).toContain('passt Dienstag?')
  })

  it('the Sent folder’s copy of the rep’s mail files as outbound to the contact; a mail the app sent itself is not filed again', async () => {
    const { contacts } = await brunsviga()
    await imap.append('Sent', rawMail({ from: `Jan Vogel <${REP}>`, to: ['Anna Berger <anna.berger@brunsviga.de>'], subject: 'Lieferzeit PS-200', messageId: 'antwort-1@kundenreise.test', text: 'Sechs Wochen.' }), at('2026-11-19T12:00:00Z'))
    await t.ctx.db.insertInto('mail_outbox').values({
      id: '019a0000-0000-7000-8000-000000000001', message_id: 'app-1@kundenreise.test', purpose: 'offer', sender: REP, recipients: '{}', subject: 'Ihr Angebot',
      raw: Buffer.from('x'), size: 1, status: 'sent', next_attempt_at: '2026-11-19T08:00:00.000Z', created_at: '2026-11-19T08:00:00.000Z',
    }).execute()
    await imap.append('Sent', rawMail({ from: REP, to: [ANNA], subject: 'Ihr Angebot', messageId: 'app-1@kundenreise.test', text: 'Anbei.' }), at('2026-11-19T08:00:00Z'))

    const report = await read()
    expect(sentBox(report)).toMatchObject({ name: 'Sent', total: 2, filed: 1, skipped: 1 })
    const [touchpoint, ...others] = await touchpoints()
    expect(others).toHaveLength(0)
    expect(touchpoint).toMatchObject({ direction: 'outbound', contact_id: contacts[0]!.id, summary: 'Lieferzeit PS-200' })
  })

  it('reads twice without filing twice, and the same mail in two folders once', async () => {
    await brunsviga()
    const mail = rawMail({ from: ANNA, to: [REP], cc: [REP], subject: 'Bestellung', messageId: 'bestellung-1@brunsviga.de', text: 'Wir bestellen.' })
    await imap.append('INBOX', mail, at('2026-11-19T10:00:00Z'))
    await imap.append('Sent', rawMail({ from: REP, to: [ANNA], subject: 'AW: Bestellung', messageId: 'bestellung-1@brunsviga.de', text: 'x' }), at('2026-11-19T10:00:00Z'))
    const first = await read()
    expect(inbox(first).filed + sentBox(first).filed).toBe(1)
    expect(sentBox(first).skipped).toBe(1)
    const outbox = await t.ctx.db.selectFrom('sync_outbox').select('op_id').execute()

    const second = await read()
    expect(inbox(second)).toMatchObject({ read: 0, filed: 0 })
    // A new read of everything (the state lost, or the server renumbered the folder): the Message-ID still holds.
    await t.ctx.db.deleteFrom('app_settings').where('key', '=', 'mail.imap.state').execute()
    const third = await read()
    expect(inbox(third)).toMatchObject({ read: 1, filed: 0, skipped: 1 })
    expect(await touchpoints()).toHaveLength(1)
    expect(await t.ctx.db.selectFrom('sync_outbox').select('op_id').execute()).toHaveLength(outbox.length)
  })

  it('a changed UIDVALIDITY restarts the folder without filing anything twice', async () => {
    await brunsviga()
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Frage', messageId: 'frage-1@brunsviga.de', text: 'Frage?' }), at('2026-11-19T10:00:00Z'))
    await read()
    const state = JSON.parse((await t.ctx.db.selectFrom('app_settings').select('value').where('key', '=', 'mail.imap.state').executeTakeFirstOrThrow()).value) as Record<string, { uidValidity: number; lastUid: number }>
    await t.ctx.db.updateTable('app_settings').set({ value: JSON.stringify({ ...state, INBOX: { uidValidity: state.INBOX!.uidValidity + 1, lastUid: 99 } }) }).where('key', '=', 'mail.imap.state').execute()
    const again = inbox(await read())
    expect(again).toMatchObject({ restarted: true, read: 1, filed: 0, skipped: 1 })
    expect(await touchpoints()).toHaveLength(1)
  })

  it('a malformed message is kept as malformed with its error, and the next good message is filed', async () => {
    await brunsviga()
    await imap.append('INBOX', malformedMail({ from: ANNA, to: [REP], subject: 'Kaputt', messageId: 'kaputt-1@brunsviga.de' }), at('2026-11-19T10:00:00Z'))
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Heil', messageId: 'heil-1@brunsviga.de', text: 'Alles gut.' }), at('2026-11-19T10:05:00Z'))
    const report = inbox(await read())
    expect(report).toMatchObject({ read: 2, filed: 1, malformed: 1 })
    const [broken, good] = await stored()
    expect(broken).toMatchObject({ state: 'malformed', subject: 'Kaputt', touchpoint_id: null })
    expect(broken!.error).toMatch(/child nodes/)
    expect(good).toMatchObject({ state: 'filed', subject: 'Heil' })
    const malformed = await must<Page<MailMessageItem>>('mailbox.list', { state: 'malformed' })
    expect(malformed.rows.map((r) => [r.subject, r.error])).toEqual([['Kaputt', 'mailbox.error.malformed']])
    expect(await dispatch(t.app, 'mailbox.setState', { id: broken!.id, state: 'filed' })).toMatchObject({ ok: false, error: { message: 'mailbox.error.malformedState' } })
    // Read again: the malformed one is not tried twice.
    await t.ctx.db.deleteFrom('app_settings').where('key', '=', 'mail.imap.state').execute()
    expect(inbox(await read())).toMatchObject({ malformed: 0, skipped: 2 })
  })

  it('a message over the size kept is filed with its envelope and a note, without the message', async () => {
    const { company } = await brunsviga()
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Große Zeichnung', messageId: 'gross-1@brunsviga.de', text: 'x'.repeat(5_000) }), at('2026-11-19T10:00:00Z'))
    const report = inbox(await readMailboxes(t.ctx, imap.account, { rawLimit: 1_000 }))
    expect(report).toMatchObject({ tooLarge: 1, filed: 0 })
    const [row] = await stored()
    expect(row).toMatchObject({ state: 'filed', raw: null, error: 'mailbox.note.tooLarge', company_id: company.id })
    expect(await touchpoints()).toHaveLength(1)
    expect(await dispatch(t.app, 'mailbox.attachment', { id: row!.id, index: 0 })).toMatchObject({ ok: false, error: { message: 'mailbox.error.noRaw' } })
  })

  it('says in a code what went wrong with the account: wrong password, no server, nothing set up', async () => {
    expect(await readMailboxes(t.ctx, { ...imap.account, password: 'falsch' })).toMatchObject({ error: 'auth', mailboxes: [] })
    const closed = await startDovecot()
    await closed.stop()
    expect(await readMailboxes(t.ctx, { ...imap.account, port: closed.port })).toMatchObject({ error: 'connection' })
    expect(await readMailboxes(t.ctx, { ...imap.account, host: '' })).toMatchObject({ error: 'not_configured' })
    expect(await must<MailboxReadReport>('mailbox.fetch', {})).toMatchObject({ error: 'not_configured' })
  })
})
