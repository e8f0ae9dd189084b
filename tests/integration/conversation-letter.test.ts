// The conversation confirmation (Gesprächsbestätigung) read back with poppler as the customer's PDF reader
// shows it: addressed to the participant who decides, the date of the conversation, what was discussed as
// prose lists, each open promise with its German date, "Mit freundlichen Grüßen nach <Ort>"; the free-text
// next steps when no promise was recorded; English for an English-speaking contact; saved through its
// channel as PDF and DOCX under "Gespraechsbestaetigung-…", and made in memory for the mail attachment.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addresseeOf } from '../../electron/main/modules/offers/conversation-letter'
import { conversationPdf } from '../../electron/main/modules/offers'
import type { OfferDocument } from '../../shared/ipc/contract'
import { docxText, hasOffice, requireOfficeInCi } from '../helpers/office'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

requireOfficeInCi()
const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-conversation-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-30T09:00:00.000Z')
})
afterEach(async () => t.cleanup())
const must = mustOf(() => t.app)

/** The text of a PDF, every run of white space one space (sentences wrap across lines). */
function pdfText(pdf: Buffer): string {
  const file = path.join(dir, `letter-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ')
}

async function conversationWith(language: 'de' | 'en', options: { promises?: boolean } = {}) {
  const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Brunsviga Präzisionstechnik GmbH', customerNumber: 'K-10001', street: 'Hamburger Straße 12', postalCode: '38114', city: 'Braunschweig' }))
  const buyer = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Anders', language })
  const boss = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language })
  const conversation = await must<{ id: string }>('conversations.create', {
    companyId: company.id, heldAt: '2026-11-27', situation: 'Zwei Prüfstände im Dreischichtbetrieb',
    needs: 'Prüfzeiten halbieren\nDaten ins MES übernehmen\n- Bedienung ohne Schulung', goals: 'Durchsatz steigern', worries: 'Stillstand bei der Umstellung; Schulungsaufwand.',
    nextSteps: 'Angebot bis Mitte Dezember\nTermin für die Vorführung',
    participants: [
      { contactId: buyer.id, buyingRole: 'purchaser', influence: 'high', attitude: 'neutral', caresAbout: '' },
      { contactId: boss.id, buyingRole: 'decision_maker', influence: 'medium', attitude: 'supporter', caresAbout: '' },
    ],
  })
  if (options.promises !== false) {
    const base = { companyId: company.id, contactId: boss.id, conversationId: conversation.id }
    await must('promises.create', { ...base, title: 'Vorführtermin anbieten', dueDate: '2026-12-11' })
    await must('promises.create', { ...base, title: 'Referenzliste schicken', dueDate: '2026-12-04' })
    const kept = await must<{ id: string }>('promises.create', { ...base, title: 'Datenblatt senden', dueDate: '2026-12-01' })
    await must('promises.complete', { id: kept.id })
  }
  return conversation
}

describe.skipIf(!hasOffice)('the conversation confirmation', () => {
  it('as PDF: to the decision maker, the conversation’s date, what was discussed, each next step with its date, the regional greeting', async () => {
    const conversation = await conversationWith('de')
    const document = await must<OfferDocument>('conversations.confirmation', { id: conversation.id, format: 'pdf' })
    expect(document.fileName).toMatch(/^Gespraechsbestaetigung-2026-11-27-Brunsviga-Praezisionstechnik-GmbH-[0-9a-f]{8}\.pdf$/)
    expect(existsSync(document.savedPath)).toBe(true)
    expect(document.warnings).toEqual([])
    const text = pdfText(Buffer.from(document.base64, 'base64'))
    for (const expected of [
      'Frau Dr. Anna Berger', 'Sehr geehrte Frau Dr. Berger,', 'Gesprächsbestätigung – unser Gespräch vom 27.11.2026',
      'vielen Dank für das angenehme Gespräch am 27.11.2026.', 'Was wir besprochen haben', 'Zu Ihrer Ausgangslage: Zwei Prüfstände im Dreischichtbetrieb.',
      'Sie haben uns geschildert, worauf es Ihnen ankommt: Prüfzeiten halbieren, Daten ins MES übernehmen und Bedienung ohne Schulung.',
      'Ihr Ziel dabei: Durchsatz steigern.', 'Offen angesprochen haben Sie auch Ihre Sorgen: Stillstand bei der Umstellung und Schulungsaufwand.',
      'Die nächsten Schritte', 'Referenzliste schicken – bis 04.12.2026', 'Vorführtermin anbieten – bis 11.12.2026',
      'Mit freundlichen Grüßen nach Braunschweig', 'Jan Petersen',
    ]) expect(text, expected).toContain(expected)
    // By due date; a kept promise is no longer a next step, and the noted next steps give way to the promises.
    expect(text.indexOf('Referenzliste schicken')).toBeLessThan(text.indexOf('Vorführtermin anbieten'))
    expect(text).not.toContain('Datenblatt senden')
    expect(text).not.toContain('Angebot bis Mitte Dezember')
    expect(text).not.toContain('Herr Jörg Anders')
  })

  it('without promises it lists the noted next steps; the DOCX says the same', async () => {
    const conversation = await conversationWith('de', { promises: false })
    const pdf = pdfText((await conversationPdf(t.ctx, { id: conversation.id })).buffer)
    for (const expected of ['Vereinbart haben wir:', 'Angebot bis Mitte Dezember', 'Termin für die Vorführung', 'Mit freundlichen Grüßen nach Braunschweig']) expect(pdf, expected).toContain(expected)
    const docx = await must<OfferDocument>('conversations.confirmation', { id: conversation.id, format: 'docx' })
    expect(docx.fileName).toMatch(/^Gespraechsbestaetigung-.*\.docx$/)
    const text = docxText(Buffer.from(docx.base64, 'base64'))
    for (const expected of ['Sehr geehrte Frau Dr. Berger,', 'Termin für die Vorführung', 'Mit freundlichen Grüßen nach Braunschweig']) expect(text, expected).toContain(expected)
  }, 180_000)

  it('in English for an English-speaking contact', async () => {
    const conversation = await conversationWith('en')
    const { fileName, buffer } = await conversationPdf(t.ctx, { id: conversation.id })
    expect(fileName).toMatch(/^Gespraechsbestaetigung-.*\.pdf$/)
    const text = pdfText(buffer)
    for (const expected of [
      'Confirmation of our conversation on 27 November 2026', 'thank you for the pleasant conversation on 27 November 2026.', 'What we discussed',
      'You explained to us what matters most to you: Prüfzeiten halbieren, Daten ins MES übernehmen and Bedienung ohne Schulung.',
      'The next steps', 'Referenzliste schicken – by 4 December 2026', 'Kind regards to Braunschweig',
    ]) expect(text, expected).toContain(expected)
  })

  it('a conversation that does not exist is not found', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ customerNumber: 'K-2' }))
    const answer = await t.app.ctx.db.selectFrom('conversations').select('id').execute()
    expect(answer).toEqual([])
    await expect(conversationPdf(t.ctx, { id: company.id })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('whom the confirmation is addressed to', () => {
  const p = (contactId: string, buyingRole: '' | 'decision_maker' | 'user', influence: '' | 'high' | 'low', name = contactId) => ({ contactId, name, buyingRole, influence })
  it('the decision maker, else the most influential, else by name; nobody without participants', () => {
    expect(addresseeOf([p('a', 'user', 'high'), p('b', 'decision_maker', 'low')])).toBe('b')
    expect(addresseeOf([p('a', '', ''), p('b', 'user', 'high')])).toBe('b')
    expect(addresseeOf([p('b', '', '', 'Zeller'), p('a', '', '', 'Albers')])).toBe('a')
    expect(addresseeOf([])).toBe('')
  })
})
