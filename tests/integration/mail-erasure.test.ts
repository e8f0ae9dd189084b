// DSGVO Art. 17 and the mail (issue 15): erasing a person takes their mail along — the mails read from the rep's
// mailbox that were filed to them or name their address, the mails to them in the outbox — and the touchpoint of a
// mail to them keeps no envelope (address, name, first lines), only the fact that a mail went out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliveryHook } from '../../electron/main/modules/mail'
import { drainOutbox } from '../../electron/main/modules/mail/outbox-sender'
import { smtpAccount } from '../../electron/main/modules/mail/mail-accounts.service'
import { newId } from '../../db/platform/ids'
import type { MailDraft, OutboxEntry } from '../../shared/modules/mail'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
let sink: SmtpSink
const must = mustOf(() => t.app)
const plain = { encrypted: false, seal: (s: string) => s, open: (s: string) => s }

beforeAll(async () => {
  t = await openTestDb()
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
  await t.cleanup()
})

describe('erasing a person with mail', () => {
  it('removes their mails on this device and the envelope of the mail that went to them; the colleague stays', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Grüne Wiese AG', customerNumber: 'G-9', city: 'Kassel' }))
    const person = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Hannelore', lastName: 'Qxzyborski', language: 'de', email: 'h.q@gruene-wiese.example' })
    const colleague = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Anderer', language: 'de', email: 'j.anderer@gruene-wiese.example' })
    await must('mailAccounts.save', {
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '', fromAddress: 'vertrieb@nordlicht.example', fromName: 'Vertrieb' },
      imap: { enabled: false, host: '', port: 993, security: 'tls', user: '' },
    })
    const offer = await must<{ id: string }>('offers.create', {
      companyId: company.id, contactId: person.id, conversationId: '', offerDate: '2026-11-20', validUntil: '2026-12-18', offerDiscountPercent: 0, paymentNetDays: 30,
      skontoPercent: 0, skontoDays: 0, deliveryTerms: '', introduction: '', benefits: '',
      items: [{ productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }],
    })
    const draft = await must<MailDraft>('mail.compose', { purpose: 'offer', relatedId: offer.id })
    const send = { purpose: draft.purpose, relatedId: draft.relatedId, language: draft.language, to: draft.to, cc: [], bcc: [], subject: draft.subject, body: draft.body, attach: true }
    await must<OutboxEntry>('mail.queue', send)
    await drainOutbox(t.ctx, (await smtpAccount(t.ctx, plain))!, { onDelivered: deliveryHook(() => t.ctx) })
    // A second mail to her waits in the outbox (the server is down), one to the colleague too.
    await sink.down()
    const followUp = await must<MailDraft>('mail.compose', { purpose: 'follow_up', relatedId: offer.id })
    await must('mail.queue', { ...send, purpose: 'follow_up', subject: followUp.subject, body: followUp.body, attach: false })
    await must('mail.queue', { ...send, purpose: 'follow_up', to: [{ name: 'Jörg Anderer', address: 'j.anderer@gruene-wiese.example' }], subject: 'An Jörg', body: 'Sehr geehrter Herr Anderer,\n\nanbei.', attach: false })
    // Mails read from the rep's mailbox: one filed to her, one from her address to the colleague's thread.
    const stored = (contactId: string | null, from: string, uid: number) => t.ctx.db.insertInto('mail_messages').values({
      id: newId(), mailbox: 'INBOX', uid_validity: 1, uid, message_id: `m${uid}@x`, sent_at: '2026-11-20T10:00:00.000Z', direction: 'inbound', from_address: from,
      recipients: JSON.stringify({ to: [{ name: '', address: 'vertrieb@nordlicht.example' }], cc: [] }), subject: 'Re', body_text: 'Hallo', company_id: company.id,
      contact_id: contactId, state: 'filed', read_at: '2026-11-20T10:05:00.000Z',
    }).execute()
    await stored(person.id, 'h.q@gruene-wiese.example', 1)
    await stored(colleague.id, 'H.Q@gruene-wiese.example', 2)
    await stored(colleague.id, 'j.anderer@gruene-wiese.example', 3)

    await must('erasures.create', { id: person.id, offerDecision: 'keepWithoutContact' })

    // The sent mail to her is gone; the waiting one to her is discarded without its bytes; the one to Jörg waits on.
    const outbox = await t.ctx.db.selectFrom('mail_outbox').select(['subject', 'status', 'raw']).orderBy('created_at').execute()
    expect(outbox.map((r) => [r.subject.startsWith('An Jörg') ? 'An Jörg' : 'to her', r.status, r.raw.length > 0])).toEqual([['to her', 'cancelled', false], ['An Jörg', 'queued', true]])
    const messages = await t.ctx.db.selectFrom('mail_messages').select(['uid']).execute()
    expect(messages.map((r) => r.uid)).toEqual([3])
    const touchpoints = await t.ctx.db.selectFrom('touchpoints').select(['mail_meta', 'mail_message_id', 'contact_id']).where('mail_message_id', 'is not', null).execute()
    expect(touchpoints).toHaveLength(1)
    expect(touchpoints[0]).toMatchObject({ mail_meta: null, contact_id: null })
    // Nothing on this device names her any more, in the tables the mail module keeps.
    for (const table of ['mail_outbox', 'mail_messages', 'touchpoints'] as const) {
      const rows = await t.ctx.db.selectFrom(table).selectAll().execute()
      expect(JSON.stringify(rows).toLowerCase(), table).not.toContain('h.q@gruene-wiese')
      expect(JSON.stringify(rows), table).not.toContain('Qxzyborski')
    }
  })
})
