// An appointment's invitation by mail (purpose 'appointment_invitation'): composed from its template to the first
// participant contact with an address, queued and delivered to a real SMTP server with the invitation as a
// `text/calendar; method=REQUEST` part (Outlook shows Accept/Decline) and as the attached .ics; the mail becomes a
// touchpoint on the appointment; the .eml carries the same calendar part.
import ICAL from 'ical.js'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliveryHook } from '../../electron/main/modules/mail'
import { smtpAccount } from '../../electron/main/modules/mail/mail-accounts.service'
import { drainOutbox } from '../../electron/main/modules/mail/outbox-sender'
import type { MailDraft, OutboxEntry } from '../../shared/modules/mail'
import type { Appointment } from '../../shared/modules/planning'
import type { Touchpoint } from '../../shared/modules/customers'
import type { ExportFile } from '../../shared/platform/export-file'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
let sink: SmtpSink
const must = mustOf(() => t.app)
let appointment: Appointment

beforeAll(async () => {
  t = await openTestDb()
  sink = await startSmtpSink()
  const company = await must<{ id: string }>('companies.create', validCompany({ customerNumber: 'B-1' }))
  const bernd = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Bernd', lastName: 'Kühn', language: 'de' })
  const anna = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', email: 'Anna.Berger@brunsviga.example' })
  appointment = await must<Appointment>('appointments.create', {
    companyId: company.id, kind: 'visit', title: 'Besuch Prüfstand', startsAt: '2026-12-02T10:00', endsAt: '2026-12-02T11:30', location: '', notes: '', contactIds: [bernd.id, anna.id], userIds: [],
  })
  await must('mailAccounts.save', {
    smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '', fromAddress: 'j.petersen@nordlicht.example', fromName: 'Jan Petersen' },
    imap: { enabled: false, host: '', port: 993, security: 'tls', user: '' },
  })
})
afterAll(async () => {
  await sink.close()
  await t.cleanup()
})

const toSend = (d: MailDraft) => ({ purpose: d.purpose, relatedId: d.relatedId, language: d.language, to: d.to, cc: d.cc, bcc: d.bcc, subject: d.subject, body: d.body, attach: true })
const calendarOf = (text: string) => new ICAL.Component(ICAL.parse(text))

describe('the invitation by mail', () => {
  it('is composed from its template to the participant with an address, the .ics attached', async () => {
    const draft = await must<MailDraft>('mail.compose', { purpose: 'appointment_invitation', relatedId: appointment.id })
    expect(draft.to).toEqual([{ name: 'Anna Berger', address: 'anna.berger@brunsviga.example' }])
    expect(draft.subject).toBe('Einladung: Besuch Prüfstand am 02.12.2026')
    expect(draft.body).toContain('Sehr geehrte Frau Dr. Berger,')
    expect(draft.body).toContain('am 02.12.2026 von 10:00 bis 11:30 Uhr, Ort: Hauptstraße 1, 38100 Braunschweig.')
    expect(draft.attachments).toEqual([{ name: 'Termin-Besuch-Pruefstand-2026-12-02.ics', size: expect.any(Number) as number }])
  })

  it('leaves with a text/calendar part (method=REQUEST) and the attached file, and becomes a touchpoint on the appointment', async () => {
    const draft = await must<MailDraft>('mail.compose', { purpose: 'appointment_invitation', relatedId: appointment.id })
    const entry = await must<OutboxEntry>('mail.queue', toSend(draft))
    expect(entry).toMatchObject({ status: 'queued', relatedType: 'appointment', relatedId: appointment.id })
    const account = (await smtpAccount(t.ctx, { encrypted: false, seal: (s) => s, open: (s) => s }))!
    expect((await drainOutbox(t.ctx, account, { onDelivered: deliveryHook(() => t.ctx), now: () => new Date('2026-11-20T10:00:00.000Z') })).sent).toBe(1)
    const mail = sink.received.find((m) => m.messageId === entry.messageId)!
    const raw = mail.raw.toString('utf8')
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i)
    const attached = mail.parsed.attachments.find((a) => a.filename === 'Termin-Besuch-Pruefstand-2026-12-02.ics')!
    expect(attached).toBeDefined()
    const event = calendarOf(attached.content.toString('utf8'))
    expect(event.getFirstPropertyValue('method')).toBe('REQUEST')
    const vevent = event.getFirstSubcomponent('vevent')!
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${appointment.id}@kundenreise`)
    expect(String(vevent.getFirstPropertyValue('dtstart'))).toBe('2026-12-02T09:00:00Z')
    const timeline = await must<Touchpoint[]>('timeline.forRecord', { relatedType: 'appointment', relatedId: appointment.id })
    expect(timeline).toHaveLength(1)
    expect(timeline[0]).toMatchObject({ channel: 'email', direction: 'outbound' })
    expect(timeline[0]!.mail!.attachments[0]!.name).toBe('Termin-Besuch-Pruefstand-2026-12-02.ics')
  })

  it('as an .eml draft, carries the same calendar part', async () => {
    const draft = await must<MailDraft>('mail.compose', { purpose: 'appointment_invitation', relatedId: appointment.id })
    const eml = await must<ExportFile>('mail.eml', toSend(draft))
    const parsed = await simpleParser(Buffer.from(eml.base64, 'base64'))
    const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar' || a.filename?.endsWith('.ics'))
    expect(ics).toBeDefined()
    expect(Buffer.from(eml.base64, 'base64').toString('utf8')).toMatch(/method=REQUEST/i)
  })
})
