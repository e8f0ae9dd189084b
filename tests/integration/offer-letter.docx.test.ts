// The offer letter read back: DOCX → PDF (LibreOffice) → text (poppler) must say what the customer
// should read: the personal salutation, the regional greeting, needs and benefits, every item, totals.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { salutationLine } from '../../shared/platform/letter-salutation'
import { offerLetterDocx as renderOfferLetter } from '../../electron/main/modules/offers/offer-document.service'
import { letterInput } from '../helpers/offer-letter-fixture'
import { hasOffice, requireOfficeInCi } from '../helpers/office'

requireOfficeInCi()

const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-letter-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** DOCX → PDF → text, the way a customer's PDF reader would show it (spaces normalised). */
function readBack(name: string, docx: Buffer): { text: string; pdf: string } {
  const file = path.join(dir, `${name}.docx`)
  writeFileSync(file, docx)
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile-${name}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 })
  const pdf = path.join(dir, `${name}.pdf`)
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
  return { text: text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' '), pdf }
}

describe('salutation', () => {
  it('is personal, with title, in the contact\'s language, by full name without Frau/Herr, and neutral without a name', () => {
    expect(salutationLine(letterInput())).toBe('Sehr geehrte Frau Dr. Berger,')
    expect(salutationLine(letterInput(undefined, { recipient: { ...letterInput().recipient, salutation: 'mr', title: '', lastName: 'Weiß' } }))).toBe('Sehr geehrter Herr Weiß,')
    expect(salutationLine(letterInput(undefined, { recipient: { ...letterInput().recipient, salutation: 'none' } }))).toBe('Guten Tag Dr. Anna Berger,')
    expect(salutationLine(letterInput(undefined, { recipient: { ...letterInput().recipient, firstName: '', lastName: '' } }))).toBe('Sehr geehrte Damen und Herren,')
    expect(salutationLine(letterInput(undefined, { language: 'en' }))).toBe('Dear Dr Berger,')
    expect(salutationLine(letterInput(undefined, { language: 'en', recipient: { ...letterInput().recipient, title: '', salutation: 'mr', lastName: 'Smith' } }))).toBe('Dear Mr Smith,')
  })
})

describe.skipIf(!hasOffice)('offer letter read back through LibreOffice', () => {
  it('contains salutation, regional greeting, needs, worries, benefits, every item and the totals', async () => {
    const input = letterInput()
    const { buffer, warnings } = await renderOfferLetter(input)
    expect(warnings).toEqual([])
    const { text, pdf } = readBack('de', buffer)
    for (const expected of [
      'Sehr geehrte Frau Dr. Berger,', 'Mit freundlichen Grüßen nach Braunschweig', 'Prüfzeiten in der Endkontrolle halbieren',
      'Stillstand der Linie während der Umstellung', 'Umstellung am Wochenende, ohne Stillstand', 'Prüfzeit pro Teil von 90 auf 40 Sekunden',
      'Servicetechniker in 4 Stunden vor Ort', 'Prüfstand PS-200', 'Inbetriebnahme und Einweisung', 'Fachbuch Prüftechnik', 'Wartungsvertrag 12 Monate',
      'A-2026-7KQ3M-0007', 'Dieses Angebot gilt bis 19.12.2026.', 'Frau Dr. Anna Berger', 'Brunsviga Präzisionstechnik GmbH', '2 % Skonto',
      'IBAN DE89 3704 0044 0532 0130 00', 'Seite 1 von',
    ]) expect(text, expected).toContain(expected)
    const t = input.totals
    const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u00a0/g, ' ')
    expect(text).toContain(euro(t.netCents))
    expect(text).toContain(euro(t.grossCents))
    for (const v of t.vat) expect(text).toContain(`zzgl. ${v.rate} % USt. auf ${euro(v.baseCents)}`)
    for (const v of t.vat) expect(text).toContain(euro(v.vatCents))
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')])
      copyFileSync(path.join(dir, 'page-1.png'), path.resolve('docs/screenshots/offer-letter.png'))
    }
  }, 180_000)

  it('is English for an English-speaking contact', async () => {
    const { buffer } = await renderOfferLetter(letterInput(undefined, { language: 'en' }))
    const { text } = readBack('en', buffer)
    for (const expected of ['Dear Dr Berger,', 'Kind regards to Braunschweig', 'This offer is valid until 19 December 2026.', 'Payable within 30 days net', 'plus 19 % VAT on']) {
      expect(text, expected).toContain(expected)
    }
  }, 180_000)

  it('a logo that is no PNG/JPEG and an incomplete profile still give a document, with warnings', async () => {
    const input = letterInput()
    const { buffer, warnings } = await renderOfferLetter({ ...input, seller: { ...input.seller, iban: '' } }, Buffer.from('root:x:0:0:root:/root:/bin/bash\n'))
    expect(warnings.sort()).toEqual(['logo_missing', 'profile_incomplete'])
    expect(buffer.includes(Buffer.from('word/media/'))).toBe(false)
    expect(readBack('nologo', buffer).text).toContain('Sehr geehrte Frau Dr. Berger,')
  }, 180_000)

  it('puts a PNG logo into the letterhead', async () => {
    // A 2×1 red PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnxEIGGEMAB3xA/2bjE6OAAAAAElFTkSuQmCC', 'base64')
    const { buffer, warnings } = await renderOfferLetter(letterInput(), png)
    expect(warnings).toEqual([])
    expect(buffer.includes(Buffer.from('word/media/'))).toBe(true)
  })
})

describe.skipIf(!hasOffice)('contract confirmation read back through LibreOffice', () => {
  it('states the terms, the cancel-by date and the renewal in the offer letter\'s style', async () => {
    const base = letterInput()
    const { contractLetterDocx: renderContractLetter } = await import('../../electron/main/modules/contracts/contract-document.service')
    const { buffer, warnings } = await renderContractLetter({
      language: 'de', seller: base.seller, recipient: base.recipient, rep: base.rep, customerNumber: base.customerNumber, contractNumber: 'V-2027-7KQ3M-0001',
      offerNumber: 'A-2026-7KQ3M-0007', date: '2026-11-25', title: 'Wartung Prüfstände', typeLabel: 'Wartungsvertrag', startDate: '2027-01-01', minimumTermMonths: 12,
      endDate: '2027-12-31', notice: { value: 3, unit: 'months' }, cancelBy: '2027-09-30', renewalMonths: 12, annualValueCents: 1_200_000,
      items: [{ position: 1, sku: '', name: 'Wartung Prüfstände', description: 'zwei Besuche im Jahr', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19, netCents: 1_200_000, optional: false }],
    })
    expect(warnings).toEqual([])
    const { text } = readBack('contract', buffer)
    for (const expected of [
      'Vertragsbestätigung V-2027-7KQ3M-0001 – Wartung Prüfstände', 'Sehr geehrte Frau Dr. Berger,', 'auf Grundlage unseres Angebots A-2026-7KQ3M-0007',
      'Vertragsbeginn 01.01.2027', 'Mindestlaufzeit 12 Monate', 'Ende der Laufzeit 31.12.2027', 'Kündigungsfrist 3 Monate zum Ende der Laufzeit',
      'Kündigung spätestens bis 30.09.2027', 'stillschweigend um jeweils 12 Monate', 'Jahreswert (netto) 12.000,00 €',
      'Eine Kündigung muss uns spätestens am 30.09.2027 zugehen', 'Mit freundlichen Grüßen nach Braunschweig', 'Seite 1 von',
    ]) expect(text, expected).toContain(expected)
  })
})
