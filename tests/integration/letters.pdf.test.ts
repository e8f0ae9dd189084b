// The contract confirmation and the Art. 15 letter as PDF (issue 15), from the same letter models as
// their DOCX, read back with poppler: the terms with the cancel-by date, the items, the footer's page
// count; the person's data, records and rights. The confirmation through its channel as a saved PDF
// and in memory for the mail module.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contractLetterPdf, contractPdf } from '../../electron/main/modules/contracts/contract-document.service'
import { collectAccessReport } from '../../electron/main/modules/dsgvo/access-report.service'
import { accessLetterModel } from '../../electron/main/modules/dsgvo/access-letter'
import { renderLetter } from '../../electron/main/platform/documents/letters'
import { letterInput } from '../helpers/offer-letter-fixture'
import { mustOf, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-letters-pdf-'))
let t: TestDb
const must = mustOf(() => t.app)
beforeAll(async () => {
  t = await openTestDb()
  t.setNow('2026-11-25T09:00:00.000Z')
})
afterAll(async () => {
  await t.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

/** The PDF's text as pdftotext reads it (physical layout), on one line. */
function pdfText(name: string, pdf: Buffer): string {
  const file = path.join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0]+/g, ' ')
}

describe('contract confirmation as PDF', () => {
  it('states the terms, the cancel-by date, the items and the renewal, with the regional greeting', async () => {
    const base = letterInput()
    const { buffer, warnings, pageCount } = await contractLetterPdf({
      language: 'de', seller: base.seller, recipient: base.recipient, rep: base.rep, customerNumber: base.customerNumber, contractNumber: 'V-2027-7KQ3M-0001',
      offerNumber: 'A-2026-7KQ3M-0007', date: '2026-11-25', title: 'Wartung Prüfstände', typeLabel: 'Wartungsvertrag', startDate: '2027-01-01', minimumTermMonths: 12,
      endDate: '2027-12-31', notice: { value: 3, unit: 'months' }, cancelBy: '2027-09-30', renewalMonths: 12, annualValueCents: 1_140_000,
      items: [{ position: 1, sku: '', name: 'Wartung Prüfstände', description: 'zwei Besuche im Jahr', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 5, vatRate: 19, netCents: 1_140_000, optional: false }],
    })
    expect(warnings).toEqual([])
    const text = pdfText('contract', buffer)
    for (const expected of [
      'Vertragsbestätigung V-2027-7KQ3M-0001 – Wartung Prüfstände', 'Sehr geehrte Frau Dr. Berger,', 'auf Grundlage unseres Angebots A-2026-7KQ3M-0007',
      'Vertragsbeginn 01.01.2027', 'Mindestlaufzeit 12 Monate', 'Kündigungsfrist 3 Monate zum Ende der Laufzeit', 'Kündigung spätestens bis 30.09.2027',
      'Jahreswert (netto) 11.400,00 €', 'Eine Kündigung muss uns spätestens am 30.09.2027 zugehen', 'Mit freundlichen Grüßen nach Braunschweig', `Seite 1 von ${pageCount}`,
    ]) expect(text, expected).toContain(expected)
    expect(text).toMatch(/1 Wartung Prüfstände +1 Pauschale +12\.000,00 € +5 ?% +11\.400,00 €/)
  })

  it('through contracts.document as a saved PDF, and in memory for the mail module', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Grüne Wiese AG', customerNumber: 'G-7' }))
    const contact = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'en' })
    const contract = await must<{ id: string; number: string }>('contracts.create', {
      companyId: company.id, contactId: contact.id, type: 'maintenance', title: 'Wartung', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3,
      noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, notes: '', items: [],
    })
    const saved = await must<{ fileName: string; base64: string }>('contracts.document', { id: contract.id, format: 'pdf' })
    expect(saved.fileName).toBe(`Vertragsbestaetigung-${contract.number}-${contract.id.slice(-8)}.pdf`)
    expect(readdirSync(path.join(t.dir, 'Dokumente'))).toContain(saved.fileName)
    const text = pdfText('contract-en', Buffer.from(saved.base64, 'base64'))
    for (const expected of ['Dear Mr Weiß,', contract.number, 'Page 1 of 1']) expect(text, expected).toContain(expected)
    const files = readdirSync(path.join(t.dir, 'Dokumente')).length
    const attachment = await contractPdf(t.ctx, { id: contract.id })
    expect(attachment.fileName).toBe(saved.fileName)
    expect(attachment.buffer.equals(Buffer.from(saved.base64, 'base64'))).toBe(true)
    expect(readdirSync(path.join(t.dir, 'Dokumente'))).toHaveLength(files)
  })
})

describe('Art. 15 letter as PDF', () => {
  it('says what is stored about the person, why, and their rights', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Brunsviga Präzisionstechnik GmbH', customerNumber: 'K-38100' }))
    const person = await must<{ id: string }>('contacts.create', {
      companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Hannelore', lastName: 'Qxzyborski', language: 'de', email: 'h.q@brunsviga.example', jobFunction: 'Einkaufsleitung',
    })
    await must('touchpoints.create', { companyId: company.id, contactId: person.id, occurredAt: '2026-11-19T09:00:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Rückruf zum Angebot' })
    const report = await collectAccessReport(t.ctx.db, person.id, 'de', '2026-11-25T09:00:00.000Z', { name: 'Nordlicht Anlagenbau GmbH', street: '', postalCode: '', city: 'Hannover', email: '', phone: '' })
    const parties = { language: 'de' as const, seller: letterInput().seller, recipient: { ...letterInput().recipient, firstName: 'Hannelore', lastName: 'Qxzyborski' }, rep: letterInput().rep }
    const { buffer, pageCount } = await renderLetter(accessLetterModel({ ...parties, customerNumber: 'K-38100', date: '2026-11-25', report }, null), 'pdf')
    const text = pdfText('access', buffer)
    for (const expected of [
      'Ihre Auskunft nach Art. 15 DSGVO', 'Sehr geehrte Frau Dr. Qxzyborski,', 'Einkaufsleitung', 'h.q@brunsviga.example', 'Rückruf zum Angebot', 'Art. 6 Abs. 1 lit. b DSGVO',
      'Art. 77 DSGVO', 'Mit freundlichen Grüßen nach Braunschweig', `Seite ${pageCount} von ${pageCount}`,
    ]) expect(text, expected).toContain(expected)
  })
})
