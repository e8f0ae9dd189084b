// The offer letter as PDF in the browser (issue 15): the offer page shows the letter's first page, drawn
// by pdf.js into a canvas under the app's strict CSP, with its page count, and downloads the letter as a
// PDF whose text carries the offer number. The contract page downloads its confirmation as PDF too.
import { execFileSync } from 'node:child_process'
import { expect, openApp, test } from './fixtures'

test('the offer page previews the first page of the letter and downloads it as PDF', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', {
    name: 'Brunsviga Präzisionstechnik GmbH', status: 'prospect', street: 'Hamburger Straße 12', postalCode: '38114', city: 'Braunschweig', federalState: 'NI', segment: 'mid_market',
  })
  const contact = await app.api<{ id: string }>('contacts.create', { companyId: company.data!.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de' })
  const offer = await app.api<{ id: string; number: string }>('offers.create', {
    companyId: company.data!.id, contactId: contact.data!.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 3, paymentNetDays: 30,
    skontoPercent: 2, skontoDays: 10, deliveryTerms: 'frei Haus, 6 Wochen nach Auftragseingang', benefits: 'Umstellung am Wochenende, ohne Stillstand',
    items: [
      { name: 'Prüfstand PS-200', description: 'Mit Datenlogger und Auswertungssoftware', quantity: 2, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 5, vatRate: 19, optional: false },
      { name: 'Fachbuch Prüftechnik', quantity: 3, unit: 'Stück', unitPriceCents: 4_990, discountPercent: 0, vatRate: 7, optional: false },
    ],
  })
  expect(offer.ok, JSON.stringify(offer.error)).toBe(true)
  const { id, number } = offer.data!

  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, `/offers/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: `Angebot ${number}` })).toBeVisible()

  // The first page, drawn: a canvas with an accessible name, the page count under it, and ink on it.
  const preview = page.getByRole('img', { name: 'Vorschau der ersten Seite' })
  await expect(preview).toBeVisible()
  await expect(page.getByText('1 von 1 Seite', { exact: true })).toBeVisible()
  const ink = await preview.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 160 && data[i + 1]! < 160 && data[i + 2]! < 160) dark++
    return { dark, pixels: data.length / 4, width: canvas.width }
  })
  expect(ink.width).toBeGreaterThan(300)
  expect(ink.dark / ink.pixels).toBeGreaterThan(0.005)
  expect(ink.dark / ink.pixels).toBeLessThan(0.5)
  await page.screenshot({ path: test.info().outputPath('offer-pdf-preview.png') })

  // The PDF button downloads the letter as PDF; its text carries the offer number.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF', exact: true }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(new RegExp(`^Angebot-${number}-Entwurf-[0-9a-f]{8}\\.pdf$`))
  await expect(page.getByRole('status').filter({ hasText: file.suggestedFilename() })).toBeVisible()
  const text = execFileSync('pdftotext', ['-layout', (await file.path())!, '-'], { encoding: 'utf8' })
  expect(text).toContain(`Angebot ${number} – Prüfstand PS-200`)
  expect(text).toContain('Sehr geehrte Frau Dr. Berger,')
  expect(text).toContain('Seite 1 von 1')

  // The contract page offers its confirmation as PDF as well.
  const contract = await app.api<{ id: string; number: string }>('contracts.create', {
    companyId: company.data!.id, contactId: contact.data!.id, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2027-01-01', minimumTermMonths: 12,
    noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, notes: '', items: [],
  })
  await openApp(page, app, `/contracts/${contract.data!.id}`)
  const confirmation = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Vertragsbestätigung (PDF)' }).click()
  const letter = await confirmation
  expect(letter.suggestedFilename()).toMatch(/^Vertragsbestaetigung-.*\.pdf$/)
  expect(execFileSync('pdftotext', [(await letter.path())!, '-'], { encoding: 'utf8' })).toContain(contract.data!.number)
})
