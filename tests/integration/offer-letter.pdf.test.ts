// The offer letter as PDF (issue 15), read back with poppler as the customer's PDF reader would show it:
// the personal salutation, the regional greeting, every item and the totals on one page for the
// README's sample offer; a long offer's item table runs onto further pages with its heading repeated;
// 7 % and 19 % items with German amounts; English; every font embedded; the same bytes on every render;
// through the channels (a file saved as PDF, a preview made in memory); and the DOCX says the same.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { offerLetterDocx, offerLetterPdf, offerPdf } from '../../electron/main/modules/offers/offer-document.service'
import { sendOffer } from '../../electron/main/modules/offers/offer.service'
import { letterInput, manyItems } from '../helpers/offer-letter-fixture'
import { hasOffice, requireOfficeInCi } from '../helpers/office'
import { mustOf, openTestDb, validCompany } from '../helpers/temp-db'

requireOfficeInCi()

const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-pdf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes the PDF and returns its file (for poppler). */
function pdfFile(name: string, pdf: Buffer): string {
  const file = path.join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  return file
}

/** The text of a PDF (or of some of its pages) in its physical layout, spaces normalised. */
function textOf(name: string, pdf: Buffer, pages: string[] = []): string {
  const text = execFileSync('pdftotext', ['-layout', ...pages, pdfFile(name, pdf), '-'], { encoding: 'utf8' })
  return text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ')
}

const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u00a0/g, ' ')

// A 2×1 PNG (red and blue), complete up to its end marker.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGM4o6TEHdMFAAdkAgKXfUeWAAAAAElFTkSuQmCC', 'base64')
// The truncated 2×1 PNG the DOCX tests embed (a DOCX carries it along; a PDF must decode it).
const TRUNCATED_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnxEIGGEMAB3xA/2bjE6OAAAAAElFTkSuQmCC', 'base64')

describe('offer letter as PDF', () => {
  it('the sample offer on one page: salutation, regional greeting, every item, the totals, "Seite 1 von 1"', async () => {
    const input = letterInput()
    const { buffer, warnings, pageCount } = await offerLetterPdf(input)
    expect(warnings).toEqual([])
    expect(pageCount).toBe(1)
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-')
    const text = textOf('sample', buffer)
    for (const expected of [
      'Sehr geehrte Frau Dr. Berger,', 'Mit freundlichen Grüßen nach Braunschweig', 'Angebot A-2026-7KQ3M-0007 – Prüfstand PS-200', 'Frau Dr. Anna Berger',
      'Brunsviga Präzisionstechnik GmbH', 'Hamburger Straße 12', 'Prüfstand PS-200', 'Mit Datenlogger und', 'Inbetriebnahme und Einweisung', 'Fachbuch Prüftechnik',
      'Wartungsvertrag 12 Monate', '(optional)', 'Dieses Angebot gilt bis 19.12.2026.', '2 % Skonto', 'Lieferung: frei Haus, 6 Wochen nach Auftragseingang',
      'Jan Petersen', 'Vertrieb Norddeutschland', 'IBAN DE89 3704 0044 0532 0130 00', 'Amtsgericht Hannover HRB 123456', 'Seite 1 von 1',
    ]) expect(text, expected).toContain(expected)
    const t = input.totals
    for (const cents of [t.itemsNetCents, t.netCents, t.grossCents, ...input.items.map((i) => i.netCents)]) expect(text).toContain(euro(cents))
    for (const v of t.vat) expect(text).toMatch(new RegExp(`zzgl\\. ${v.rate} % USt\\. auf ${euro(v.baseCents).replace('.', '\\.')} +${euro(v.vatCents).replace('.', '\\.')}`))
    expect(text).toMatch(/Gesamtbetrag +4\.472,43 €/)
    // The closing and the signature come after the letter's last paragraph, on the same page.
    expect(text.indexOf('Lieferung:')).toBeLessThan(text.indexOf('Wir freuen uns'))
    expect(text.indexOf('Mit freundlichen Grüßen')).toBeLessThan(text.indexOf('Jan Petersen', text.indexOf('Mit freundlichen Grüßen')))
  })

  it('a 60-item offer runs onto further pages, the table heading repeated on page 2, no row split', async () => {
    const { buffer, pageCount } = await offerLetterPdf(manyItems(60))
    expect(pageCount).toBeGreaterThanOrEqual(2)
    const page2 = textOf('many-2', buffer, ['-f', '2', '-l', '2'])
    expect(page2).toMatch(/Pos\. Bezeichnung +Menge Einheit +Einzelpreis +Rabatt +Gesamt/)
    expect(page2).toContain(`Seite 2 von ${pageCount}`)
    const all = textOf('many', buffer)
    for (let i = 1; i <= 60; i++) expect(all, `item ${i}`).toMatch(new RegExp(`\\(${i}\\)`))
    // Each row stays whole: the first item of page 2 follows the repeated heading directly.
    const rows = page2.split('\n').map((l) => l.trim()).filter(Boolean)
    const heading = rows.findIndex((l) => l.startsWith('Pos. Bezeichnung'))
    expect(rows[heading + 1]).toMatch(/^\d+ (Prüfstand|Inbetriebnahme|Fachbuch)/)
  })

  it('writes 7 % and 19 % items with German amounts such as 1.234,56 €', async () => {
    const input = letterInput([
      { sku: 'B-1', name: 'Fachbuch Messtechnik', description: '', quantity: 1, unit: 'Stück', unitPriceCents: 1234_56, discountPercent: 0, vatRate: 7, optional: false },
      { sku: 'S-1', name: 'Sensor Übergröße', description: '', quantity: 2, unit: 'Stück', unitPriceCents: 10_000_00, discountPercent: 0, vatRate: 19, optional: false },
    ])
    const text = textOf('vat', (await offerLetterPdf(input)).buffer)
    expect(text).toMatch(/Fachbuch Messtechnik +1 Stück +1\.234,56 € +– +1\.234,56 €/)
    expect(text).toMatch(/Sensor Übergröße +2 Stück +10\.000,00 € +– +20\.000,00 €/)
    for (const v of input.totals.vat) expect(text).toContain(`zzgl. ${v.rate} % USt. auf ${euro(v.baseCents)}`)
    expect(input.totals.vat.map((v) => v.rate).sort()).toEqual([19, 7])
  })

  it('is English for an English-speaking contact, "Page 1 of 2"', async () => {
    const { buffer, pageCount } = await offerLetterPdf({ ...manyItems(14), language: 'en' })
    expect(pageCount).toBe(2)
    const text = textOf('en', buffer)
    for (const expected of ['Dear Dr Berger,', 'Kind regards to Braunschweig', 'This offer is valid until 19 December 2026.', 'plus 19 % VAT on', 'Page 1 of 2', 'Page 2 of 2']) {
      expect(text, expected).toContain(expected)
    }
    expect(text).toContain('€2,849.98')
  })

  it('embeds every font it uses (Roboto), so it reads the same on a machine without office fonts', async () => {
    const file = pdfFile('fonts', (await offerLetterPdf(letterInput(), PNG)).buffer)
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) {
      const [name, , , , emb] = row.trim().split(/\s+/)
      expect(name, row).toMatch(/^[A-Z]{6}\+Roboto-/)
      expect(emb, row).toBe('yes')
    }
    // The logo is in it, as one image.
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)).toHaveLength(1)
  })

  it('gives the same bytes on every render, dated with the letter, not the clock', async () => {
    const first = await offerLetterPdf(manyItems(30), PNG)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = await offerLetterPdf(manyItems(30), PNG)
    expect(second.buffer.equals(first.buffer)).toBe(true)
    const info = execFileSync('pdfinfo', ['-isodates', pdfFile('dated', first.buffer)], { encoding: 'utf8' })
    expect(info).toMatch(/CreationDate:\s+2026-11-19T/)
    expect(info).toContain('Kundenreise')
  })

  it('a logo that is no PNG/JPEG and an incomplete profile still give a letter, with warnings', async () => {
    const input = letterInput()
    const { buffer, warnings } = await offerLetterPdf({ ...input, seller: { ...input.seller, iban: '' } }, Buffer.from('root:x:0:0:root:/root:/bin/bash\n'))
    expect(warnings.sort()).toEqual(['logo_missing', 'profile_incomplete'])
    expect(execFileSync('pdfimages', ['-list', pdfFile('nologo', buffer)], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)).toHaveLength(0)
    expect(textOf('nologo', buffer)).toContain('Sehr geehrte Frau Dr. Berger,')
    // A PNG cut short is left out at once (its decoder would search past its end for a long time).
    const started = performance.now()
    const truncated = await offerLetterPdf(input, TRUNCATED_PNG)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(truncated.warnings).toEqual(['logo_missing'])
  })
})

describe.skipIf(!hasOffice)('DOCX and PDF of one letter', () => {
  it('say the same: salutation, greeting, every item, the totals', async () => {
    const input = letterInput()
    const docxFile = path.join(dir, 'same.docx')
    writeFileSync(docxFile, (await offerLetterDocx(input)).buffer)
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'docx'), docxFile], { stdio: 'ignore', timeout: 120_000 })
    const read = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ')
    const fromDocx = read(path.join(dir, 'docx', 'same.pdf'))
    const pdf = (await offerLetterPdf(input)).buffer
    const fromPdf = read(pdfFile('same', pdf))
    const phrases = [
      'Sehr geehrte Frau Dr. Berger,', 'Mit freundlichen Grüßen nach Braunschweig', ...input.items.map((i) => i.name),
      ...[input.totals.itemsNetCents, input.totals.netCents, input.totals.grossCents, ...input.totals.vat.map((v) => v.vatCents)].map(euro),
    ]
    for (const phrase of phrases) {
      expect(fromDocx, `DOCX: ${phrase}`).toContain(phrase)
      expect(fromPdf, `PDF: ${phrase}`).toContain(phrase)
    }
    // Word for word the same letter, whatever the line breaks and the page count.
    // (The DOCX's bullets are characters, the PDF draws them; page numbers may differ.)
    const words = (text: string) => new Set(text.split(' ').filter((w) => w && !/^(\d+|●)$/.test(w)))
    expect([...words(fromPdf)].filter((w) => !words(fromDocx).has(w))).toEqual([])
    expect([...words(fromDocx)].filter((w) => !words(fromPdf).has(w))).toEqual([])
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfFile('shot', pdf), path.join(dir, 'shot')])
      copyFileSync(path.join(dir, 'shot-1.png'), path.resolve('docs/screenshots/offer-pdf-page1.png'))
    }
  }, 180_000)
})

describe('offer letter as PDF through the channels', () => {
  it('offers.document with format pdf saves Dokumente/Angebot-….pdf; offers.preview and offerPdf write nothing', async () => {
    const t = await openTestDb()
    try {
      t.setNow('2026-11-19T09:00:00.000Z')
      const must = mustOf(() => t.app)
      const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Brunsviga Präzisionstechnik GmbH', city: 'Braunschweig' }))
      const contact = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de' })
      const offer = await must<{ id: string; number: string }>('offers.create', {
        companyId: company.id, contactId: contact.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
        items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 123_456, discountPercent: 0, vatRate: 19, optional: false }],
      })
      const docs = path.join(t.dir, 'Dokumente')
      const preview = await must<{ base64: string; pageCount: number }>('offers.preview', { id: offer.id })
      expect(preview.pageCount).toBe(1)
      expect(textOf('preview', Buffer.from(preview.base64, 'base64'))).toContain(offer.number)
      expect(existsSync(docs) ? readdirSync(docs) : []).toEqual([])

      const saved = await must<{ fileName: string; base64: string }>('offers.document', { id: offer.id, format: 'pdf' })
      expect(saved.fileName).toBe(`Angebot-${offer.number}-Entwurf-${offer.id.slice(-8)}.pdf`)
      expect(readdirSync(docs)).toEqual([saved.fileName])
      expect(readFileSync(path.join(docs, saved.fileName)).equals(Buffer.from(saved.base64, 'base64'))).toBe(true)
      expect(textOf('saved', Buffer.from(saved.base64, 'base64'))).toContain('1.234,56 €')
      // Without a format it stays the DOCX it always was.
      const docx = await must<{ fileName: string }>('offers.document', { id: offer.id })
      expect(docx.fileName).toMatch(/\.docx$/)

      // A sent revision's PDF comes from its snapshot: a later address change is not in it, and it is the same bytes every time.
      await sendOffer(t.ctx, offer.id)
      const sent = await offerPdf(t.ctx, { id: offer.id, revision: 1 })
      await must('companies.update', { id: company.id, ...validCompany({ name: 'Brunsviga Präzisionstechnik GmbH', city: 'Wolfsburg' }) })
      const again = await offerPdf(t.ctx, { id: offer.id, revision: 1 })
      expect(again.fileName).toBe(`Angebot-${offer.number}-${offer.id.slice(-8)}.pdf`)
      expect(again.buffer.equals(sent.buffer)).toBe(true)
      expect(textOf('frozen', again.buffer)).toContain('Mit freundlichen Grüßen nach Braunschweig')
      expect(readdirSync(docs).sort()).toEqual([saved.fileName, docx.fileName].sort())

      expect(await dispatch(t.app, 'offers.preview', { id: offer.id, revision: 7 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    } finally {
      await t.cleanup()
    }
  })
})
