// Composing and sending an offer by mail (issue 15): the template with the letter's salutation and the rep's
// signature, German or English by the contact; templates with unknown placeholders refused; queueing freezes the
// revision but the offer is "sent" only when the mail has left; the mail a real SMTP server receives carries the
// PDF of exactly that revision; the touchpoint keeps its envelope; the .eml is a draft that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { deliveryHook, mailTouchpointId } from '../../electron/main/modules/mail'
import { smtpAccount } from '../../electron/main/modules/mail/mail-accounts.service'
import { drainOutbox } from '../../electron/main/modules/mail/outbox-sender'
import { offerPdf } from '../../electron/main/modules/offers'
import type { MailDraft, OutboxEntry } from '../../shared/modules/mail'
import type { Offer } from '../../shared/modules/offers'
import type { Touchpoint } from '../../shared/modules/customers'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
let sink: SmtpSink
let companyId = ''
let contactId = ''
let englishId = ''
const must = mustOf(() => t.app)
const item = { productId: '', name: 'Prüfstand PS-200', description: '', unit: 'Stück', quantity: 2, unitPriceCents: 1250_50, vatRate: 7, discountPercent: 0, optional: false }

async function newOffer(contact = contactId): Promise<Offer> {
  return must<Offer>('offers.create', {
    companyId, contactId: contact, conversationId: '', offerDate: '2026-11-20', validUntil: '2026-12-18', offerDiscountPercent: 0,
    paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: '', introduction: '', benefits: '', items: [item],
  })
}

/** What the compose screen sends: the draft as the rep left it. */
const toSend = (d: MailDraft, attach = true) => ({ purpose: d.purpose, relatedId: d.relatedId, language: d.language, to: d.to, cc: d.cc, bcc: d.bcc, subject: d.subject, body: d.body, attach })

const count = async (table: 'mail_outbox' | 'offer_revisions' | 'touchpoints') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

beforeAll(async () => {
  t = await openTestDb()
  sink = await startSmtpSink()
  const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Brunsviga Präzisionstechnik GmbH', customerNumber: 'B-1', city: 'Braunschweig' }))
  companyId = company.id
  contactId = (await must<{ id: string }>('contacts.create', {
    companyId, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', email: 'Anna.Berger@brunsviga.example', jobFunction: 'Einkauf',
  })).id
  englishId = (await must<{ id: string }>('contacts.create', { companyId, salutation: 'mr', firstName: 'James', lastName: 'Miller', language: 'en', email: 'j.miller@brunsviga.example' })).id
})
afterAll(async () => {
  await sink.close()
  await t.cleanup()
})

describe('templates', () => {
  it('lists every purpose in German and English and refuses an unknown placeholder when saved', async () => {
    const list = await must<Array<{ purpose: string; language: string; custom: boolean }>>('mailTemplates.list')
    expect(list).toHaveLength(22)
    const bad = await dispatch(t.app, 'mailTemplates.save', { purpose: 'offer', language: 'de', subject: 'Angebot {offerNumbr}', body: '{salutation}\n\n{signature}' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.fields).toEqual({ subject: 'errors.mailPlaceholderUnknown' })
    // A placeholder of another purpose is unknown here too.
    const other = await dispatch(t.app, 'mailTemplates.save', { purpose: 'offer', language: 'de', subject: 'Angebot', body: 'Reklamation {caseNumber}' })
    expect(other.ok).toBe(false)
    expect((await must<Array<{ custom: boolean }>>('mailTemplates.list')).some((x) => x.custom)).toBe(false)
    const saved = await must<{ custom: boolean; subject: string }>('mailTemplates.save', { purpose: 'follow_up', language: 'de', subject: 'Nachfrage zu {offerNumber}', body: '{salutation}\n\nkurze Nachfrage.\n\n{signature}' })
    expect(saved).toMatchObject({ custom: true, subject: 'Nachfrage zu {offerNumber}' })
    const reset = await must<{ custom: boolean }>('mailTemplates.reset', { purpose: 'follow_up', language: 'de' })
    expect(reset.custom).toBe(false)
  })
})

describe('an offer by mail', () => {
  it('composes the mail as the letter speaks: salutation, Sie-form text, signature with the legal details, the PDF named', async () => {
    const offer = await newOffer()
    const draft = await must<MailDraft>('mail.compose', { purpose: 'offer', relatedId: offer.id })
    expect(draft.language).toBe('de')
    expect(draft.to).toEqual([{ name: 'Anna Berger', address: 'anna.berger@brunsviga.example' }])
    expect(draft.subject).toBe(`Ihr Angebot ${offer.number}`)
    expect(draft.body).toMatch(/^Sehr geehrte Frau Dr\. Berger,\n\nvielen Dank/)
    expect(draft.body.replace(/\u00a0/g, ' ')).toContain('2.676,07 €')
    expect(draft.body).toContain('gültig bis zum 18.12.2026')
    expect(draft.body).toContain('Mit freundlichen Grüßen nach Braunschweig')
    expect(draft.body).not.toMatch(/\{\w+\}/)
    expect(draft.attachments).toHaveLength(1)
    expect(draft.attachments[0]!.name).toMatch(/^Angebot-.*\.pdf$/)
    expect(draft.warnings).toContain('mail.warning.noSmtp')
    expect(draft.candidates.map((c) => c.address)).toEqual(['anna.berger@brunsviga.example', 'j.miller@brunsviga.example'])
    const english = await must<MailDraft>('mail.compose', { purpose: 'offer', relatedId: offer.id, contactId: englishId })
    expect(english.language).toBe('en')
    expect(english.body).toMatch(/^Dear Mr Miller,\n\nThank you/)
    expect(english.subject).toBe(`Your offer ${offer.number}`)
  })

  it('without a mail server the mail is refused with a clear message, nothing frozen or queued; the .eml is a draft of the frozen revision, marked sent by hand', async () => {
    const offer = await newOffer()
    const draft = await must<MailDraft>('mail.compose', { purpose: 'offer', relatedId: offer.id })
    const before = { outbox: await count('mail_outbox'), revisions: await count('offer_revisions') }
    const refused = await dispatch(t.app, 'mail.queue', toSend(draft))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toBe('errors.mailNotConfigured')
    expect({ outbox: await count('mail_outbox'), revisions: await count('offer_revisions') }).toEqual(before)
    const eml = await must<{ fileName: string; base64: string; mimeType: string }>('mail.eml', toSend(draft))
    expect(eml.mimeType).toBe('message/rfc822')
    const text = Buffer.from(eml.base64, 'base64').toString('latin1')
    expect(text).toContain('X-Unsent: 1')
    expect(text).toMatch(/Content-Type: application\/pdf;\s+name="?Angebot-/)
    expect(text).toContain('From: Jan Petersen <j.petersen@nordlicht.example>')
    expect(text).not.toContain('Entwurf-')
    // The .eml froze the revision the customer gets; nothing was queued; the rep marks it sent once it has gone.
    expect({ outbox: await count('mail_outbox'), revisions: await count('offer_revisions') }).toEqual({ ...before, revisions: before.revisions + 1 })
    expect((await must<Offer>('offers.get', { id: offer.id })).status).toBe('draft')
    expect((await must<Offer>('offers.send', { id: offer.id })).status).toBe('sent')
  })

  it('queued: the revision is frozen, the offer still a draft; delivered: sent with follow-ups, the PDF of that revision attached, one touchpoint with the envelope', async () => {
    await must('mailAccounts.save', {
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '', fromAddress: 'j.petersen@nordlicht.example', fromName: 'Jan Petersen' },
      imap: { enabled: false, host: '', port: 993, security: 'tls', user: '' },
    })
    await sink.down()
    const offer = await newOffer()
    const draft = await must<MailDraft>('mail.compose', { purpose: 'offer', relatedId: offer.id })
    const entry = await must<OutboxEntry>('mail.queue', { ...toSend(draft), cc: [{ name: 'James Miller', address: 'j.miller@brunsviga.example' }] })
    expect(entry).toMatchObject({ status: 'queued', relatedType: 'offer', relatedId: offer.id, relatedRevision: 1 })
    const queued = await must<Offer>('offers.get', { id: offer.id })
    expect(queued.status).toBe('draft')
    expect(queued.followUps).toEqual([])
    // The frozen revision cannot change under the mail.
    const edit = await dispatch(t.app, 'offers.update', { ...item, id: offer.id, companyId, contactId, conversationId: '', offerDate: '2026-11-20', validUntil: '2026-12-18', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: '', introduction: 'geändert', benefits: '', items: [item] })
    expect(edit.ok).toBe(false)

    const account = (await smtpAccount(t.ctx, { encrypted: false, seal: (s) => s, open: (s) => s }))!
    const offline = await drainOutbox(t.ctx, account, { onDelivered: deliveryHook(() => t.ctx) })
    expect(offline.sent).toBe(0)
    expect((await must<Offer>('offers.get', { id: offer.id })).status).toBe('draft')

    await sink.up()
    t.setNow('2026-11-20T10:00:00.000Z')
    const online = await drainOutbox(t.ctx, account, { onDelivered: deliveryHook(() => t.ctx), now: () => new Date('2026-11-20T10:00:00.000Z') })
    expect(online.sent).toBe(1)
    const mail = sink.received.find((m) => m.messageId === entry.messageId)!
    expect(mail.to.sort()).toEqual(['anna.berger@brunsviga.example', 'j.miller@brunsviga.example'])
    expect(mail.subject).toBe(`Ihr Angebot ${offer.number}`)
    expect(mail.parsed.text).toContain('Sehr geehrte Frau Dr. Berger,')
    const pdf = mail.parsed.attachments[0]!
    expect(pdf.contentType).toBe('application/pdf')
    expect(Buffer.compare(pdf.content, (await offerPdf(t.ctx, { id: offer.id, revision: 1 })).buffer)).toBe(0)

    const sent = await must<Offer>('offers.get', { id: offer.id })
    expect(sent.status).toBe('sent')
    expect(sent.followUps.length).toBeGreaterThanOrEqual(2)
    const timeline = await must<Touchpoint[]>('timeline.forRecord', { relatedType: 'offer', relatedId: offer.id })
    expect(timeline).toHaveLength(1)
    expect(timeline[0]).toMatchObject({ id: mailTouchpointId(entry.messageId), mailMessageId: entry.messageId, channel: 'email', direction: 'outbound' })
    expect(timeline[0]!.mail!.to.map((a) => a.address)).toEqual(['anna.berger@brunsviga.example'])
    expect(timeline[0]!.mail!.attachments[0]!.name).toMatch(/\.pdf$/)
    expect(timeline[0]!.mail!.snippet).toContain('vielen Dank für Ihr Interesse')
  })
})

describe('offer mails that must not mislead', () => {
  it('a follow-up after "Neue Revision" carries the revision the customer has, never the draft', async () => {
    const offer = await newOffer()
    await must('offers.send', { id: offer.id })
    await must('offers.revise', { id: offer.id })
    const draft = await must<MailDraft>('mail.compose', { purpose: 'follow_up', relatedId: offer.id })
    expect(draft.attachments[0]!.name).not.toContain('Entwurf')
    expect(draft.attachments[0]!.name).not.toContain('Rev2')
    expect(draft.subject).toBe(`Unser Angebot ${offer.number}`)
  })

  it('marked sent by hand while its mail waited: delivered later, the mail is recorded once and the offer not sent twice', async () => {
    await sink.up()
    const offer = await newOffer()
    const draft = await must<MailDraft>('mail.compose', { purpose: 'offer', relatedId: offer.id })
    await sink.down()
    const entry = await must<OutboxEntry>('mail.queue', toSend(draft))
    expect((await must<Offer>('offers.send', { id: offer.id })).status).toBe('sent')
    await sink.up()
    const account = (await smtpAccount(t.ctx, { encrypted: false, seal: (s) => s, open: (s) => s }))!
    expect((await drainOutbox(t.ctx, account, { onDelivered: deliveryHook(() => t.ctx), now: () => new Date('2026-12-01T00:00:00.000Z') })).sent).toBeGreaterThanOrEqual(1)
    const timeline = await must<Touchpoint[]>('timeline.forRecord', { relatedType: 'offer', relatedId: offer.id })
    expect(timeline.filter((tp) => tp.messageKey === 'offer.sent')).toHaveLength(1)
    expect(timeline.filter((tp) => tp.mailMessageId === entry.messageId)).toHaveLength(1)
    expect((await must<Offer>('offers.get', { id: offer.id })).followUps.filter((f) => f.kind !== 'before_expiry')).toHaveLength(2)
  })
})
