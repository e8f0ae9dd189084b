// A new user's first hour, clicked through as a person would (issue 13 acceptance): first start → the
// assistant (name, profile) → a company → a contact with a chosen salutation → an offer with a 7 % and a
// 19 % item typed with German decimals → the letter with the user's name, the full phone number and the
// legal footer → sent → won → the company is a customer.
import { readFileSync } from 'node:fs'
import { docxText, requireOfficeInCi } from '../helpers/office'
import { expect, openApp, test, type AppServer } from './fixtures'

test.use({ appOptions: { fresh: true }, viewport: { width: 1280, height: 720 } })
requireOfficeInCi()

const offerIdOf = (url: string) => /#\/offers\/([\w-]+)$/.exec(url)![1]!

async function stored<T>(app: AppServer, channel: string, input: unknown): Promise<T> {
  const answer = await app.api<T>(channel, input)
  expect(answer.ok, channel).toBe(true)
  return answer.data!
}

test('first start to the first won offer', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(180_000)

  // First start: the assistant asks who writes the letters and for the company's legal details.
  await openApp(page, app, '/companies')
  await expect(page.getByRole('heading', { level: 1, name: 'Einrichtung' })).toBeVisible()
  const me = page.getByRole('form', { name: 'Ihre Angaben' })
  await me.getByLabel('Mein Name').fill('Jan Petersen')
  await me.getByLabel('Meine Funktion').fill('Vertrieb Norddeutschland')
  await me.getByLabel('Meine E-Mail').fill('j.petersen@nordlicht.example')
  await me.getByLabel('Meine Durchwahl').fill('12')
  await me.getByRole('button', { name: 'Weiter' }).click()
  const profile = page.getByRole('form', { name: 'Firmenprofil' })
  await profile.getByLabel('Firmenname').fill('Nordlicht Anlagenbau GmbH')
  await profile.getByLabel('Straße und Hausnummer').fill('Podbielskistraße 120')
  await profile.getByLabel('PLZ').fill('30177')
  await profile.getByLabel('Ort').fill('Hannover')
  await profile.getByLabel('Telefon').fill('+49 511 987650-0')
  await profile.getByLabel('Geschäftsführung').fill('Dr. Karin Weber')
  await profile.getByLabel('Registergericht').fill('Amtsgericht Hannover')
  await profile.getByLabel('Handelsregisternummer').fill('HRB 123456')
  await profile.getByLabel('USt-IdNr.').fill('DE123456789')
  await profile.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00')
  await profile.getByRole('button', { name: 'Weiter' }).click()
  await page.getByRole('link', { name: 'Zu den Kunden' }).click()

  // A company, as a prospect.
  await page.getByRole('link', { name: 'Neue Firma' }).click()
  // The list's "Sortieren nach Firmenname" button carries the same word until the form has replaced the list.
  await page.getByRole('textbox', { name: 'Firmenname' }).fill('Brunsviga Präzisionstechnik GmbH')
  await page.getByLabel('Status').selectOption({ label: 'Interessent' })
  await page.getByLabel('Straße und Hausnummer').fill('Hamburger Straße 12')
  await page.getByLabel('PLZ').fill('38114')
  await page.getByLabel('Ort').fill('Braunschweig')
  await page.getByLabel('Bundesland').selectOption({ label: 'Niedersachsen' })
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Präzisionstechnik GmbH' })).toBeVisible()
  const companyId = /#\/companies\/([\w-]+)$/.exec(page.url())![1]!

  // A contact: the salutation is a choice, never a default.
  await page.getByRole('link', { name: 'Ansprechpartner hinzufügen' }).click()
  await page.getByLabel('Vorname').fill('Thomas')
  await page.getByLabel('Nachname').fill('Wagner')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByLabel('Anrede')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Anrede').selectOption({ label: 'Herr' })
  await page.getByLabel('Rolle im Buying Center').selectOption({ label: 'Entscheider' })
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Präzisionstechnik GmbH' })).toBeVisible()

  // The offer: a 7 % and a 19 % item, typed the German way.
  await page.getByRole('link', { name: 'Neues Angebot' }).click()
  const form = page.getByRole('form', { name: 'Angebot' })
  await form.getByLabel('Empfänger (Ansprechpartner)').selectOption({ label: 'Thomas Wagner' })
  const book = form.getByRole('group', { name: 'Position 1' })
  await book.getByLabel('Bezeichnung').fill('Fachbuch Prüftechnik')
  await book.getByLabel('Menge').fill('12')
  await book.getByLabel('Einzelpreis (€, netto)').fill('49,90')
  await book.getByLabel('USt.').selectOption({ label: '7 %' })
  await form.getByRole('button', { name: 'Position hinzufügen' }).click()
  const bench = form.getByRole('group', { name: 'Position 2' })
  await bench.getByLabel('Bezeichnung').fill('Prüfstand PS-200')
  await bench.getByLabel('Einzelpreis (€, netto)').fill('1.250,50')
  // 12 × 49,90 = 598,80 € at 7 % (41,92 €) and 1.250,50 € at 19 % (237,60 €): 1.849,30 € net, 2.128,82 € gross.
  const totals = page.getByRole('table', { name: 'Summen' })
  await expect(totals).toContainText('1.849,30\u00a0€')
  await expect(totals).toContainText('41,92\u00a0€')
  await expect(totals).toContainText('237,60\u00a0€')
  await expect(totals).toContainText('2.128,82\u00a0€')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-\d{4}-/ })).toBeVisible()
  const offerId = offerIdOf(page.url())
  const offer = await stored<{ items: Array<{ unitPriceCents: number; vatRate: number; quantity: number }>; totals: { grossCents: number } }>(app, 'offers.get', { id: offerId })
  expect(offer.items.map((i) => [i.quantity, i.unitPriceCents, i.vatRate])).toEqual([[12, 4990, 7], [1, 125_050, 19]])
  expect(offer.totals.grossCents).toBe(212_882)

  // The letter: signed by the user with the direct line, the legal details in the footer.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Anschreiben (DOCX)' }).click()
  const file = await download
  const text = docxText(readFileSync(await file.path()))
  for (const expected of ['Sehr geehrter Herr Wagner', 'Jan Petersen', 'Vertrieb Norddeutschland', '+49 511 987650-12', 'Amtsgericht Hannover HRB 123456', 'USt-IdNr. DE123456789', 'Dr. Karin Weber', '2.128,82']) {
    expect(text, expected).toContain(expected)
  }
  expect(text).not.toContain('Lokaler Benutzer')

  // Sent, then won: the prospect is now a customer.
  await page.getByRole('button', { name: 'Als versendet markieren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Versendet.' })).toBeVisible()
  await page.getByRole('button', { name: 'Gewonnen' }).click()
  await page.getByRole('form', { name: 'Gewonnen' }).getByRole('button', { name: 'Als gewonnen buchen' }).click()
  await expect(page.getByRole('link', { name: 'Vertrag anlegen' })).toBeVisible()
  await page.getByRole('link', { name: 'Brunsviga Präzisionstechnik GmbH' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Präzisionstechnik GmbH' })).toBeVisible()
  await expect(page.getByText('Kunde', { exact: true })).toBeVisible()
  expect((await stored<{ status: string }>(app, 'companies.get', { id: companyId })).status).toBe('customer')
})
