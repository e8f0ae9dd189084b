// The use phase end to end, as service staff and sales click through it: a complaint with its
// service-level due time on the service work list, resolved with root cause and corrective action,
// then the customer's satisfaction; warranty claims inside and outside the warranty; a return with two
// lines through its steps; a referral whose won offer raises the thank-you reminder; an NPS of 9 that
// raises the ask-for-referral reminder. Bad input is refused at its field.
import { expect, openApp, test, type AppServer } from './fixtures'

async function customer(app: AppServer, name: string) {
  const company = await app.api<{ id: string }>('companies.create', { name, status: 'customer', street: 'Hafenstraße 4', postalCode: '28217', city: 'Bremen', federalState: 'HB', segment: 'mid_market' })
  await app.api('contacts.create', { companyId: company.data!.id, salutation: 'ms', firstName: 'Svenja', lastName: 'Möller', language: 'de', phone: '+49 421 555 10' })
  return company.data!.id
}

test('a complaint from logging to the customer\'s satisfaction, on the service work list by its due time', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const companyId = await customer(app, 'Weserwerft Technik GmbH')
  await openApp(page, app, `/companies/${companyId}`)
  await page.getByRole('link', { name: 'Fall erfassen' }).click()
  const form = page.getByRole('form', { name: 'Servicefall' })
  // Without a subject nothing is saved.
  await form.getByLabel(/^Art\b/).selectOption({ label: 'Reklamation' })
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByText('Bitte ausfüllen.').first()).toBeVisible()
  await form.getByLabel('Ansprechpartner').selectOption({ label: 'Svenja Möller' })
  await form.getByLabel('Priorität').selectOption({ label: 'Hoch' })
  await form.getByLabel('Kategorie').selectOption({ label: 'Produktmangel' })
  await form.getByLabel('Betreff').fill('Prüfstand zeigt falsche Drücke')
  await form.getByRole('button', { name: 'Speichern' }).click()

  await expect(page.getByRole('heading', { level: 1, name: /^Reklamation S-\d{4}-/ })).toBeVisible()
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Reklamation ', '')
  await expect(page.getByText('Bestätigen bis')).toBeVisible()
  await expect(page.getByText('Lösen bis')).toBeVisible()

  // The service work list: my open cases by due time.
  await page.getByRole('link', { name: 'Servicefälle', exact: true }).click()
  const mine = page.getByRole('table', { name: 'Meine offenen Fälle' })
  await expect(mine.getByRole('row').filter({ hasText: number })).toContainText('Prüfstand zeigt falsche Drücke')
  await mine.getByRole('link', { name: number }).click()

  // Escalated: urgent now, with earlier deadlines.
  await page.getByText('Bearbeiter oder Priorität ändern').click()
  await page.getByRole('form', { name: 'Bearbeiter oder Priorität ändern' }).getByLabel('Priorität').selectOption({ label: 'Dringend' })
  await page.getByRole('button', { name: 'Übernehmen' }).click()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Priorität: Dringend')
  await expect(page.getByText('Dringend', { exact: true }).first()).toBeVisible()

  await page.getByRole('button', { name: 'Bestätigen', exact: true }).click()
  await page.getByRole('form', { name: 'Bestätigen' }).getByLabel('Kunde informiert').check()
  await page.getByRole('button', { name: 'Eingang bestätigen' }).click()
  await expect(page.getByText('Bestätigt', { exact: true })).toBeVisible()

  // Resolving without a root cause is refused, at the field, and the case stays open.
  await page.getByRole('button', { name: 'Lösen', exact: true }).click()
  await page.getByRole('button', { name: 'Als gelöst speichern' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Ohne Ursache kann die Reklamation nicht gelöst werden.' })).toBeVisible()
  await expect(page.getByText('Bestätigt', { exact: true })).toBeVisible()

  const analysis = page.getByRole('form', { name: 'Analyse' })
  await analysis.getByLabel('Ursache').fill('Drucksensor nach Transport dejustiert')
  await analysis.getByLabel('Korrekturmaßnahme').fill('Sensor justiert, Transportsicherung eingeführt')
  await analysis.getByRole('button', { name: 'Analyse speichern' }).click()
  await page.getByRole('button', { name: 'Lösen', exact: true }).click()
  await page.getByRole('form', { name: 'Lösen' }).getByLabel('Kunde informiert').check()
  await page.getByRole('button', { name: 'Als gelöst speichern' }).click()
  await expect(page.getByText('Gelöst', { exact: true })).toBeVisible()

  const rating = page.getByRole('form', { name: 'Zufriedenheit des Kunden' })
  await rating.getByLabel('Zufriedenheit des Kunden').selectOption({ label: '4 – zufrieden' })
  await rating.getByRole('button', { name: 'Zufriedenheit speichern' }).click()
  await expect(page.getByText('Erfasst: 4 von 5')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Status: Gelöst')
  await expect(page.getByRole('list', { name: 'Verlauf' }).getByText('Kunde informiert')).toHaveCount(2)
  await page.screenshot({ path: 'docs/screenshots/complaint.png', fullPage: true })
})

test('warranty claims inside and outside the warranty are decided by the app; a return with two lines goes through its steps', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const companyId = await customer(app, 'Hanse Kältetechnik GmbH')
  const product = await app.api<{ id: string }>('products.create', { sku: 'PS-200', name: 'Prüfstand PS-200', description: '', unit: 'Stück', listPriceCents: 149_999, vatRate: 19, warrantyMonths: 24, active: true })
  await app.api('assets.create', { companyId, productId: product.data!.id, name: 'Prüfstand neu', serialNumber: 'SN-NEU', deliveredOn: '2026-03-01' })
  await app.api('assets.create', { companyId, productId: product.data!.id, name: 'Prüfstand alt', serialNumber: 'SN-ALT', deliveredOn: '2023-05-01' })

  await openApp(page, app, `/companies/${companyId}`)
  const assets = page.getByRole('list', { name: 'Installierte Produkte' })
  await expect(assets).toContainText('Garantie bis 29.02.2028') // 24 months from 1 March 2026: the day before 1 March 2028, a leap year
  await assets.getByRole('listitem').filter({ hasText: 'Prüfstand neu' }).getByRole('link', { name: 'Garantiefall melden' }).click()
  let form = page.getByRole('form', { name: 'Servicefall' })
  await form.getByLabel('Betreff').fill('Display flackert')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByText(/war am Tag der Meldung in der Garantie/)).toBeVisible()
  const decision = page.getByRole('form', { name: 'Entscheidung' })
  await expect(decision.getByLabel('Entscheidung')).toHaveValue('accepted')
  await decision.getByRole('button', { name: 'Entscheidung speichern' }).click()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Garantie: Anerkannt')

  await openApp(page, app, `/companies/${companyId}`)
  await page.getByRole('list', { name: 'Installierte Produkte' }).getByRole('listitem').filter({ hasText: 'Prüfstand alt' }).getByRole('link', { name: 'Garantiefall melden' }).click()
  form = page.getByRole('form', { name: 'Servicefall' })
  await form.getByLabel('Betreff').fill('Pumpe undicht')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByText(/nicht mehr in der Garantie \(bis 30\.04\.2025\)/)).toBeVisible()
  const outside = page.getByRole('form', { name: 'Entscheidung' })
  await outside.getByLabel('Entscheidung').selectOption({ label: 'Anerkannt' })
  await outside.getByRole('button', { name: 'Entscheidung speichern' }).click()
  await expect(outside.getByText('Die Anlage war nicht in der Garantie – ablehnen oder Kulanz.')).toBeVisible()
  await outside.getByLabel('Entscheidung').selectOption({ label: 'Kulanz' })
  await outside.getByLabel('Begründung').fill('Langjähriger Kunde: Pumpe zum halben Preis')
  await outside.getByRole('button', { name: 'Entscheidung speichern' }).click()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Garantie: Kulanz – Langjähriger Kunde')

  // A return of two lines: a line with quantity 0 is refused first.
  await openApp(page, app, `/cases/new?companyId=${companyId}&type=return`)
  form = page.getByRole('form', { name: 'Servicefall' })
  await form.getByLabel('Betreff').fill('Falsche Sensoren geliefert')
  const first = form.getByRole('group', { name: 'Position 1' })
  await first.getByLabel('Artikel').fill('Sensorkit Temperatur/Druck')
  await first.getByLabel('Menge').fill('0')
  await first.getByLabel('Grund').selectOption({ label: 'Falscher Artikel' })
  await form.getByRole('button', { name: 'Position hinzufügen' }).click()
  const second = form.getByRole('group', { name: 'Position 2' })
  await second.getByLabel('Artikel').fill('Ersatzteilpaket Verschleißteile')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(first.getByText('Die Menge muss größer als 0 sein.')).toBeVisible()
  await first.getByLabel('Menge').fill('4')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /^Retoure RMA-/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Positionen der Retoure' }).getByRole('row')).toHaveCount(3)
  for (const [button, state] of [['Freigeben', 'Freigegeben'], ['Wareneingang', 'Eingegangen'], ['Geprüft', 'Geprüft'], ['Gutgeschrieben', 'Gutgeschrieben']] as const) {
    await page.getByRole('button', { name: button, exact: true }).click()
    await expect(page.getByText(`Stand der Retoure: ${state}`)).toBeVisible()
  }
  await expect(page.getByText('Gelöst', { exact: true })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/return.png', fullPage: true })
})

test('a referral creates the prospect whose won offer raises the thank-you reminder; an NPS of 9 raises the ask-for-referral reminder', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const companyId = await customer(app, 'Nordsee Messtechnik GmbH')
  await openApp(page, app, `/companies/${companyId}`)
  await page.getByRole('link', { name: 'Empfehlung erfassen' }).click()
  const form = page.getByRole('form', { name: 'Empfehlung' })
  await form.getByLabel('Empfohlen durch').selectOption({ label: 'Svenja Möller' })
  await form.getByLabel('Firma').fill('Friesland Prüfsysteme GmbH')
  await form.getByLabel('Ort').fill('Emden')
  await form.getByLabel('Ansprechpartner (Vor- und Nachname)').fill('Jan de Vries')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Friesland Prüfsysteme GmbH' })).toBeVisible()
  await expect(page.getByText('Empfehlung', { exact: true }).first()).toBeVisible()
  const prospectId = page.url().split('/companies/')[1]!

  const offer = await app.api<{ id: string }>('offers.create', {
    companyId: prospectId, offerDate: '2026-11-20', validUntil: '2027-06-30', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 0, vatRate: 19, optional: false }],
  })
  await app.api('offers.send', { id: offer.data!.id })
  await openApp(page, app, `/offers/${offer.data!.id}`)
  await page.getByRole('button', { name: 'Gewonnen' }).click()
  await page.getByRole('form', { name: 'Gewonnen' }).getByRole('button', { name: 'Als gewonnen buchen' }).click()

  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  const thanks = page.getByRole('listitem', { name: 'Dank für Empfehlung – Nordsee Messtechnik GmbH' })
  await expect(thanks).toContainText('Friesland Prüfsysteme GmbH')
  await page.getByRole('link', { name: 'Empfehlungen', exact: true }).click()
  const row = page.getByRole('row').filter({ hasText: 'Friesland Prüfsysteme GmbH' })
  await expect(row).toContainText('Gewonnen')
  await row.getByRole('button', { name: 'Danken' }).click()
  await row.getByLabel('Prämie').fill('Präsentkorb')
  await row.getByLabel('Wert (€)').fill('49,9')
  await row.getByLabel('Wert (€)').blur()
  await expect(row.getByLabel('Wert (€)')).toHaveValue('49,90')
  await row.getByRole('button', { name: 'Dank speichern' }).dblclick()
  await expect(row).toContainText('Präsentkorb')
  await expect(row).toContainText('49,90\u00a0€')
  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  await expect(page.getByRole('listitem', { name: 'Dank für Empfehlung – Nordsee Messtechnik GmbH' })).toHaveCount(0)

  // NPS: 11 is refused at the field, 9 raises the reminder to ask for a referral.
  await openApp(page, app, `/feedback/new?companyId=${companyId}`)
  const feedback = page.getByRole('form', { name: 'Feedback' })
  await feedback.getByLabel('Weiterempfehlung (0–10)').fill('11')
  await feedback.getByRole('button', { name: 'Speichern' }).click()
  await expect(feedback.getByText('Bitte 0 bis 10 angeben.')).toBeVisible()
  await feedback.getByLabel('Weiterempfehlung (0–10)').fill('9')
  await feedback.getByLabel('Kommentar').fill('Schnelle Hilfe bei der Reklamation')
  await feedback.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('list', { name: 'Feedback' })).toContainText('NPS 9')
  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  const ask = page.getByRole('listitem', { name: 'Nach Empfehlung fragen – Nordsee Messtechnik GmbH' })
  await expect(ask).toContainText('NPS 9: Schnelle Hilfe bei der Reklamation')
  await ask.getByRole('button', { name: 'Erledigt' }).click()
  await ask.getByLabel('Ergebnis des Gesprächs').fill('Referenzbesuch im Frühjahr zugesagt')
  await ask.getByRole('button', { name: 'Speichern' }).click()
  await expect(ask).toHaveCount(0)
  await page.getByRole('link', { name: 'NPS und Kundenstimmen' }).click()
  await expect(page.getByRole('group', { name: 'NPS' })).toContainText('+100')
})

test('screens of the service station look right (screenshots for the README)', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.api('demo.open')
  await openApp(page, app, '/service')
  await expect(page.getByRole('heading', { level: 1, name: 'Servicefälle' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/service-work-list.png', fullPage: true })
  await page.getByRole('link', { name: 'NPS und Kundenstimmen' }).click()
  await expect(page.getByRole('group', { name: 'NPS' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/nps.png', fullPage: true })
})
