// Letters read back through LibreOffice (issue 13 item 4): the closing and signature never stand alone
// on a page, the introduction reads as prose, the signer's direct line is joined to the main number,
// the footer carries the company's legal details, and the contract confirmation shows item discounts.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { offerLetterDocx as renderOfferLetter } from '../../electron/main/modules/offers/offer-document.service'
import { contractLetterDocx as renderContractLetter } from '../../electron/main/modules/contracts/contract-document.service'
import { letterInput } from '../helpers/offer-letter-fixture'
import { hasOffice, requireOfficeInCi } from '../helpers/office'

requireOfficeInCi()

const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-layout-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const squash = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()

/** DOCX files → PDF in one LibreOffice run → each file's text per page. */
/** `layout`: keep the physical layout, so a table reads row by row whatever the fonts make of its columns. */
function pagesOf(docs: Record<string, Buffer>, layout = false): Record<string, string[]> {
  const files = Object.entries(docs).map(([name, buffer]) => {
    const file = path.join(dir, `${name}.docx`)
    writeFileSync(file, buffer)
    return file
  })
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 300_000 })
  return Object.fromEntries(Object.keys(docs).map((name) => {
    const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' })
    return [name, text.split('\f').map(squash).filter(Boolean)]
  }))
}

const LINE = 'Dies ist ein Absatz der Einleitung, der eine Zeile füllt und noch etwas darüber hinaus geht, damit er zwei Zeilen lang wird.'

describe.skipIf(!hasOffice)('letters read back through LibreOffice', () => {
  it('the closing and signature stay with the last paragraph, however full page 1 is', async () => {
    // Introductions of growing length move the page break through the letter's end: with the break
    // right before the closing, page 2 would otherwise hold only the closing and the signature.
    const docs: Record<string, Buffer> = {}
    for (let n = 0; n < 12; n++) {
      const introduction = [LINE, LINE, LINE, LINE, 'Kurze Zeile. '.repeat(n * 2)].join('\n\n')
      docs[`fill-${n}`] = (await renderOfferLetter(letterInput(undefined, { introduction }))).buffer
    }
    const pages = pagesOf(docs)
    let twoPages = 0
    for (const [name, letter] of Object.entries(pages)) {
      const closingPage = letter.findIndex((p) => p.includes('Wir freuen uns auf Ihren Auftrag'))
      expect(closingPage, name).toBeGreaterThanOrEqual(0)
      if (closingPage > 0) twoPages++
      // The letter's last paragraph is on the closing's page, before it.
      const page = letter[closingPage]!
      expect(page, name).toContain('Lieferung: frei Haus, 6 Wochen nach Auftragseingang')
      expect(page.indexOf('Lieferung:'), name).toBeLessThan(page.indexOf('Wir freuen uns'))
      expect(page, name).toContain('Jan Petersen')
    }
    expect(twoPages).toBeGreaterThan(0)
  }, 300_000)

  it('the introduction reads as prose; the direct line, the mobile and the legal details are printed', async () => {
    const base = letterInput()
    const conversation = { ...base.conversation!, needs: 'Prüfzeiten halbieren\nweniger Ausschuss.', goals: 'Ausschussquote unter 1 %', worries: 'Ausfallzeiten bei der Umstellung; Schulungsaufwand.' }
    const { buffer } = await renderOfferLetter({ ...base, conversation, seller: { ...base.seller, phone: '+49 511 987650-0' }, rep: { ...base.rep, phone: '+49 511 987650-12', mobile: '+49 171 2345678' } })
    const { buffer: en } = await renderOfferLetter({ ...base, language: 'en', conversation: { ...conversation, needs: 'halve test times', goals: '', worries: 'downtime; training effort.' } })
    const pages = pagesOf({ prose: buffer, proseEn: en })
    const text = pages.prose!.join(' ')
    for (const expected of [
      'Sie haben uns geschildert, worauf es Ihnen ankommt: Prüfzeiten halbieren und weniger Ausschuss. Ihr Ziel dabei ist klar: Ausschussquote unter 1 %.',
      'Offen angesprochen haben Sie auch Ihre Sorgen: Ausfallzeiten bei der Umstellung und Schulungsaufwand. Wir nehmen das ernst und bieten Ihnen deshalb:',
      '+49 511 987650-12', 'Mobil:', '+49 171 2345678', 'Sitz: Hannover', 'Amtsgericht Hannover HRB 123456', 'USt-IdNr. DE123456789', 'Geschäftsführung: Dr. Karin Weber, Tobias Brandt',
    ]) expect(text, expected).toContain(expected)
    expect(text).not.toMatch(/nehmen wir ernst|Schulungsaufwand\.\s*–|;\s*Schulungsaufwand/)
    expect(text).not.toMatch(/Telefon:\s*-\d/)
    expect(pages.proseEn!.join(' ')).toContain('You were also open about your concerns: downtime and training effort. We take this seriously, which is why we offer you:')
  }, 300_000)

  it('the contract confirmation shows each item\'s discount', async () => {
    const base = letterInput()
    const { buffer } = await renderContractLetter({
      language: 'de', seller: base.seller, recipient: base.recipient, rep: base.rep, customerNumber: base.customerNumber, contractNumber: 'V-2027-7KQ3M-0001',
      offerNumber: '', date: '2026-11-25', title: 'Wartung', typeLabel: 'Wartungsvertrag', startDate: '2027-01-01', minimumTermMonths: 12,
      endDate: '2027-12-31', notice: { value: 3, unit: 'months' }, cancelBy: '2027-09-30', renewalMonths: 12, annualValueCents: 1_140_000,
      items: [
        { position: 1, sku: '', name: 'Wartung Prüfstände', description: '', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 5, vatRate: 19, netCents: 1_140_000, optional: false },
        { position: 2, sku: '', name: 'Fernwartung', description: '', quantity: 1, unit: 'Pauschale', unitPriceCents: 10_000, discountPercent: 0, vatRate: 19, netCents: 10_000, optional: false },
      ],
    })
    const text = pagesOf({ contract: buffer }, true).contract!.join(' ')
    expect(text).toContain('Einzelpreis Rabatt Gesamt')
    expect(text).toMatch(/Wartung Prüfstände 1 Pauschale 12\.000,00 € 5 ?% 11\.400,00 €/)
    expect(text).toMatch(/Fernwartung 1 Pauschale 100,00 € – 100,00 €/)
  }, 300_000)
})
