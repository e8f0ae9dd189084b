// The offer station end to end, as a rep and inside sales click through it: pre-offer conversation →
// offer → send → the follow-up is on the work list → done → losing without a reason is refused →
// lost to a competitor → the order rate and the lost-reason chart change.
import { readFileSync } from 'node:fs'
import { expect, openApp, test } from './fixtures'

test('from the pre-offer conversation to a lost offer in the order-rate report', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', {
    name: 'Brunsviga Präzisionstechnik GmbH', status: 'prospect', street: 'Hamburger Straße 12', postalCode: '38114', city: 'Braunschweig', federalState: 'NI', segment: 'mid_market',
  })
  await app.api('contacts.create', { companyId: company.data!.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', buyingRole: 'purchaser' })

  // Nothing decided yet: the report has no lost reasons.
  await openApp(page, app, '/reports/order-rate')
  await expect(page.getByText('Keine verlorenen Angebote im Zeitraum.')).toBeVisible()

  // The pre-offer conversation with its buying center.
  await page.getByRole('link', { name: 'Firmen', exact: true }).click()
  await page.getByRole('link', { name: 'Brunsviga Präzisionstechnik GmbH' }).click()
  await page.getByRole('link', { name: 'Gespräch erfassen' }).click()
  const conversation = page.getByRole('form', { name: 'Vorangebotsgespräch' })
  await conversation.getByLabel('Bedarf').fill('Prüfzeiten in der Endkontrolle halbieren')
  await conversation.getByLabel('Sorgen und Befürchtungen').fill('Stillstand der Linie während der Umstellung')
  await conversation.getByRole('button', { name: 'Person hinzufügen' }).click()
  const person = conversation.getByRole('group', { name: 'Beteiligte Person 1' })
  await person.getByLabel('Ansprechpartner').selectOption({ label: 'Anna Berger' })
  await person.getByLabel('Rolle im Buying Center').selectOption({ label: 'Entscheider' })
  await conversation.getByRole('button', { name: 'Speichern' }).click()

  // The offer starts from the conversation: addressee and needs are taken over.
  await page.getByRole('link', { name: 'Angebot aus diesem Gespräch erstellen' }).click()
  const offerForm = page.getByRole('form', { name: 'Angebot' })
  await expect(offerForm.getByText('Prüfzeiten in der Endkontrolle halbieren')).toBeVisible()
  await expect(offerForm.getByLabel('Empfänger (Ansprechpartner)')).toHaveValue(/.+/)
  const first = offerForm.getByRole('group', { name: 'Position 1' })
  await first.getByLabel('Bezeichnung').fill('Prüfstand PS-200')
  await first.getByLabel('Menge').fill('2')
  await first.getByLabel('Einzelpreis (€, netto)').fill('1499.99')
  await first.getByLabel('Rabatt %').fill('5')
  await offerForm.getByLabel('Ihr Nutzen (eine Zeile je Punkt)').fill('Umstellung am Wochenende, ohne Stillstand')
  // 2 × 1.499,99 × 0,95 = 2.849,98 € net, + 19 % = 3.391,48 € gross.
  await expect(page.getByRole('table', { name: 'Summen' })).toContainText('3.391,48')
  await offerForm.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-\d{4}-/ })).toBeVisible()
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Angebot ', '')

  // Send: follow-ups are planned on business days.
  await page.getByRole('button', { name: 'Als versendet markieren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Versendet.' })).toBeVisible()
  await expect(page.getByText('1. Nachfassen')).toBeVisible()

  // Inside sales: the first follow-up is on the work list (the second too, when it falls within the
  // next 14 days: that depends on the weekday the test runs); done with an outcome.
  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  const item = page.getByRole('listitem', { name: `1. Nachfassen ${number} – Brunsviga Präzisionstechnik GmbH` })
  await expect(item).toBeVisible()
  // The list as a calendar file for Outlook: one all-day event per follow-up.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Als Kalender (ICS) exportieren' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('kundenreise-nachfassen.ics')
  const calendar = readFileSync((await file.path())!, 'utf8')
  expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/)
  expect(calendar).toContain(`SUMMARY:Angebot ${number} nachfassen`)
  expect(calendar).toMatch(/DTSTART;VALUE=DATE:\d{8}/)
  await item.getByRole('button', { name: 'Erledigt' }).click()
  await item.getByLabel('Ergebnis des Gesprächs').fill('Frau Dr. Berger vergleicht noch mit einem Wettbewerber')
  await item.getByRole('button', { name: 'Speichern' }).click()
  await expect(item).toHaveCount(0)

  // Lost: a reason is required, and for "Wettbewerber" which one.
  await page.getByRole('link', { name: 'Alle Angebote' }).click()
  await page.getByRole('link', { name: number }).click()
  await page.getByRole('button', { name: 'Verloren' }).click()
  const lose = page.getByRole('form', { name: 'Verloren' })
  await lose.getByRole('button', { name: 'Als verloren buchen' }).click()
  await expect(lose.getByText('Bitte einen Grund auswählen')).toBeVisible()
  await lose.getByLabel('Grund für den Verlust').selectOption({ label: 'Wettbewerber' })
  await lose.getByRole('button', { name: 'Als verloren buchen' }).click()
  await expect(lose.getByText('Bitte den Wettbewerber nennen.')).toBeVisible()
  await lose.getByLabel('Welcher Wettbewerber?').fill('Hansa Prüftechnik')
  await lose.getByRole('button', { name: 'Als verloren buchen' }).click()
  await expect(page.getByText('Wettbewerber: Hansa Prüftechnik')).toBeVisible()

  // The report now counts it, with its reason in the Pareto chart.
  await page.getByRole('link', { name: 'Auftragsquote' }).click()
  await expect(page.getByRole('group', { name: 'Auftragsquote gesamt' })).toContainText('0 von 1 Angebot')
  await expect(page.getByRole('group', { name: 'Mit Vorangebotsgespräch' })).toContainText('0 von 1 Angebot')
  await expect(page.getByRole('img', { name: 'Pareto-Diagramm der Verlustgründe' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Gründe für verlorene Aufträge' })).toContainText('Wettbewerber: 1')
  await page.screenshot({ path: 'test-results/order-rate.png', fullPage: true })
})

test('screens of the offer station look right (screenshots for the README)', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.api('demo.open')
  await openApp(page, app, '/follow-ups')
  await expect(page.getByRole('heading', { level: 1, name: 'Nachfassen' })).toBeVisible()
  // The demo's entries of every source, each described by its own view.
  await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Demo' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/follow-ups.png' })
  await page.getByRole('link', { name: 'Alle Angebote' }).click()
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Offen (Entwurf, versendet, in Verhandlung)' })
  await page.getByRole('table', { name: 'Angebote' }).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-/ })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Vorschau der ersten Seite' })).toBeVisible({ timeout: 15_000 })
  await page.screenshot({ path: 'docs/screenshots/offer.png' })
  await page.getByRole('link', { name: 'Auftragsquote' }).click()
  await page.getByLabel('Von').fill('2024-11-01')
  await expect(page.getByRole('img', { name: 'Pareto-Diagramm der Verlustgründe' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/order-rate.png', fullPage: true })
})
