// Art. 15 DSGVO through its channel: one request answers everything stored about a person — their master
// data, the touchpoint, the pre-offer conversation, the offer with the letter sent, the complaint, the
// feedback — as a JSON file that parses and as a letter read back through LibreOffice; another contact's
// records are not in it; nothing is written to disk; an unknown contact is refused.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { AccessReport, AccessReportAnswer } from '../../shared/modules/dsgvo/access-report.types'
import { docxText, hasOffice, requireOfficeInCi } from '../helpers/office'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

requireOfficeInCi()
let t: TestDb
let contactId = ''
let offerNumber = ''

const must = mustOf(() => t.app)

beforeAll(async () => {
  t = await openTestDb()
  const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Grüne Wiese AG', customerNumber: 'G-1' }))
  const person = await must<{ id: string }>('contacts.create', {
    companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Hannelore', lastName: 'Qxzyborski', language: 'de', email: 'h.q@gruene-wiese.de',
    jobFunction: 'Einkaufsleitung', goals: 'Prüfzeiten halbieren',
  })
  contactId = person.id
  const other = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Anderer', language: 'de' })
  await must('touchpoints.create', { companyId: company.id, contactId, occurredAt: '2026-11-19T09:00:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Rückruf zum Angebot' })
  await must('touchpoints.create', { companyId: company.id, contactId: other.id, occurredAt: '2026-11-19T10:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: 'Nur Jörg' })
  const conversation = await must<{ id: string }>('conversations.create', {
    companyId: company.id, heldAt: '2026-11-12', needs: 'Prüfzeiten halbieren', worries: 'Stillstand',
    participants: [{ contactId, buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter', caresAbout: 'Termintreue' }],
  })
  const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }
  const offer = await must<{ id: string; number: string }>('offers.create', {
    companyId: company.id, contactId, conversationId: conversation.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0,
    paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: 'frei Haus', introduction: '', benefits: '', items: [item],
  })
  offerNumber = offer.number
  await must('offers.send', { id: offer.id })
  await must('cases.create', { type: 'complaint', companyId: company.id, contactId, channel: 'phone', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Prüfstand misst falsch', description: 'Abweichung 3 %', priority: 'high' })
  await must('feedback.create', { companyId: company.id, contactId, kind: 'nps', station: 'usage', givenOn: '2026-11-21', score: 9, comment: 'Schnelle Hilfe', quotePermission: false })
  const consent = await must<{ id: string }>('consents.create', { contactId, channel: 'email', purpose: 'newsletter', givenOn: '2026-03-02', source: 'Messe Hannover', note: '' })
  await must('consents.withdraw', { id: consent.id, withdrawnOn: '2026-11-22' })
  await must('promises.create', { companyId: company.id, contactId, conversationId: conversation.id, title: 'Referenzliste schicken', dueDate: '2099-12-04' })
  await must('tasks.create', { companyId: company.id, contactId, title: 'Frau Qxzyborski zurückrufen', dueDate: '2099-12-01', notes: 'Wegen Termin' })
  await must('tasks.create', { companyId: company.id, contactId: other.id, title: 'Jörg zurückrufen', dueDate: '2099-12-01' })
})
afterAll(async () => t.cleanup())

describe('Art. 15 information', () => {
  it('answers everything about the person as JSON, and nothing about anyone else', async () => {
    const before = readdirSync(path.dirname(t.database.path)).sort()
    const answer = await must<AccessReportAnswer>('access.report', { contactId })
    // The typed touchpoint and the two the app recorded itself (the offer sent, the complaint received).
    expect(answer.counts).toEqual({ touchpoints: 3, conversations: 1, offers: 1, contracts: 0, cases: 1, referrals: 0, feedback: 1, consents: 1, promises: 1, tasks: 1, appointments: 0 })
    expect(answer.json.fileName).toMatch(/^Auskunft-Art15-.*Hannelore-Qxzyborski.*\.json$/)
    const report = JSON.parse(Buffer.from(answer.json.base64, 'base64').toString('utf8')) as AccessReport
    expect(report).toMatchObject({
      format: 'kundenreise-art15', version: 1,
      person: { id: contactId, title: 'Dr.', firstName: 'Hannelore', lastName: 'Qxzyborski', email: 'h.q@gruene-wiese.de', goals: 'Prüfzeiten halbieren' },
      company: { name: 'Grüne Wiese AG', customerNumber: 'G-1' },
      conversations: [{ heldAt: '2026-11-12', caresAbout: 'Termintreue', buyingRole: 'decision_maker' }],
      offers: [{ number: offerNumber, status: 'sent', letters: [{ revision: 1 }] }],
      cases: [{ subject: 'Prüfstand misst falsch', type: 'complaint' }],
      feedback: [{ score: 9, comment: 'Schnelle Hilfe' }],
      consents: [{ channel: 'email', purpose: 'newsletter', givenOn: '2026-03-02', source: 'Messe Hannover', withdrawnOn: '2026-11-22' }],
    })
    expect(report.touchpoints.map((x) => x.summary)).toContain('Rückruf zum Angebot')
    expect(JSON.stringify(report)).not.toContain('Nur Jörg')
    // The files hold the personal data the request is about: they go to the user, never into a folder.
    expect(readdirSync(path.dirname(t.database.path)).sort()).toEqual(before)
  })

  it.skipIf(!hasOffice)('writes a letter to the person that says what is stored, why, for how long and their rights', async () => {
    const answer = await must<AccessReportAnswer>('access.report', { contactId })
    const text = docxText(Buffer.from(answer.letter.base64, 'base64'))
    for (const expected of ['Ihre Auskunft nach Art. 15 DSGVO', 'Sehr geehrte Frau Dr. Qxzyborski', 'Einkaufsleitung', 'h.q@gruene-wiese.de', 'Rückruf zum Angebot',
      offerNumber, 'Prüfstand misst falsch', 'Schnelle Hilfe', 'Newsletter: 02.03.2026 (Messe Hannover) – widerrufen am 22.11.2026', 'Art. 6 Abs. 1 lit. b DSGVO', 'Art. 77 DSGVO']) {
      expect(text).toContain(expected)
    }
    const english = await must<AccessReportAnswer>('access.report', { contactId, language: 'en' })
    expect(docxText(Buffer.from(english.letter.base64, 'base64'))).toContain('Your access request under Art. 15 GDPR')
  })

  it('refuses an unknown or deleted contact', async () => {
    const unknown = await dispatch(t.app, 'access.report', { contactId: '01a202e6-59f1-700b-b645-d59090355a50' })
    expect(unknown.ok ? '' : unknown.error.message).toBe('errors.notFound')
  })
})
