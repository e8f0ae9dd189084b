// The first-start assistant (issue 13 item 4): on a first start the app asks for the user's name and
// contact details and the company's legal details before the first letter; "Später" puts it off for
// the session; sending an offer without them is refused with a link to the assistant; the settings open
// it again. German first, English second.
import type { Page } from '@playwright/test'
import { docxText, hasOffice } from '../helpers/office'
import { expect, openApp, test, type AppServer } from './fixtures'

/** The sent offer's letter as the customer reads it: DOCX → PDF (LibreOffice) → text. */
async function letterText(app: AppServer, id: string): Promise<string> {
  const doc = await app.api<{ base64: string }>('offers.document', { id })
  return docxText(Buffer.from(doc.data!.base64, 'base64'))
}

async function draftOffer(app: AppServer): Promise<string> {
  const company = await app.api<{ id: string }>('companies.create', {
    name: 'Brunsviga Präzisionstechnik GmbH', status: 'prospect', street: 'Hamburger Straße 12', postalCode: '38114', city: 'Braunschweig', federalState: 'NI', segment: 'mid_market',
  })
  const companyId = company.data!.id
  await app.api('contacts.create', { companyId, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', buyingRole: 'purchaser' })
  const offer = await app.api<{ id: string }>('offers.create', {
    companyId, offerDate: '2026-11-20', validUntil: '2027-06-30', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 0, vatRate: 19, optional: false }],
  })
  return offer.data!.id
}

/** Both steps of the assistant, as a user fills them in: a required field left empty is refused at the field first. */
async function fillAssistant(page: Page) {
  const me = page.getByRole('form', { name: 'Ihre Angaben' })
  await expect(me.getByLabel('Mein Name')).toHaveValue('') // never "Lokaler Benutzer"
  await me.getByRole('button', { name: 'Weiter' }).click()
  await expect(me.getByLabel('Mein Name')).toHaveAttribute('aria-invalid', 'true')
  await expect(me.getByRole('alert').filter({ hasText: 'Bitte ausfüllen.' })).toBeVisible()
  await me.getByLabel('Mein Name').fill('Jan Petersen')
  await me.getByLabel('Meine Funktion').fill('Vertrieb Norddeutschland')
  await me.getByLabel('Meine E-Mail').fill('j.petersen@nordlicht.example')
  await me.getByLabel('Meine Durchwahl').fill('12')
  await me.getByRole('button', { name: 'Weiter' }).click()

  const company = page.getByRole('form', { name: 'Firmenprofil' })
  await company.getByLabel('Firmenname').fill('Nordlicht Anlagenbau GmbH')
  await company.getByLabel('Straße und Hausnummer').fill('Podbielskistraße 120')
  await company.getByLabel('PLZ').fill('30177')
  await company.getByLabel('Ort').fill('Hannover')
  await company.getByLabel('Telefon').fill('+49 511 987650-0')
  await company.getByLabel('Geschäftsführung').fill('Dr. Karin Weber')
  await company.getByLabel('Registergericht').fill('Amtsgericht Hannover')
  await company.getByLabel('Handelsregisternummer').fill('HRB 123456')
  await company.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00')
  await company.getByRole('button', { name: 'Weiter' }).click()
  // The VAT ID is still missing: refused at its field, nothing else.
  await expect(company.getByLabel('USt-IdNr.')).toHaveAttribute('aria-invalid', 'true')
  await expect(company.getByLabel('Firmenname')).not.toHaveAttribute('aria-invalid', 'true')
  await company.getByLabel('USt-IdNr.').fill('DE123456789')
  await company.getByRole('button', { name: 'Weiter' }).click()
  await expect(page.getByText('Ihre Briefe tragen jetzt Ihren Namen')).toBeVisible()
}

test.describe('on a first start', () => {
  test.use({ appOptions: { fresh: true } })

  test('the assistant opens by itself and asks for the user\'s and the company\'s details; the letter is then signed with them', async ({ page, app, consoleErrors }) => {
    void consoleErrors
    await openApp(page, app, '/companies')
    await expect(page.getByRole('heading', { level: 1, name: 'Einrichtung' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Schritte der Einrichtung' })).toContainText('1. Ihre Angaben')
    await fillAssistant(page)
    await page.getByRole('link', { name: 'Zu den Kunden' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Firmen' })).toBeVisible()

    const profile = await app.api<Record<string, string>>('profile.get')
    expect(profile.data).toMatchObject({ repName: 'Jan Petersen', repPhone: '12', phone: '+49 511 987650-0', vatId: 'DE123456789' })
    // The user's own name, also as the owner of their records.
    const users = await app.api<Array<{ displayName: string }>>('users.list')
    expect(users.data!.map((u) => u.displayName)).toEqual(['Jan Petersen'])
    const id = await draftOffer(app)
    expect((await app.api('offers.send', { id })).ok).toBe(true)
    if (hasOffice) {
      // Signed with the typed name, the extension joined to the main number, the legal details in the footer.
      const text = await letterText(app, id)
      for (const expected of ['Jan Petersen', 'Vertrieb Norddeutschland', '+49 511 987650-12', 'Amtsgericht Hannover HRB 123456', 'USt-IdNr. DE123456789']) expect(text).toContain(expected)
      expect(text).not.toContain('Lokaler Benutzer')
      expect(text).not.toMatch(/Telefon: -12/)
    }

    // Once complete, the app opens where it is asked to.
    await openApp(page, app, '/offers')
    await expect(page.getByRole('heading', { level: 1, name: 'Angebote' })).toBeVisible()
  })

  test('"Später" puts the assistant off for the session; sending is then refused with a link to it, and works after it', async ({ page, app, consoleErrors }) => {
    void consoleErrors
    const id = await draftOffer(app)
    await openApp(page, app, `/offers/${id}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Einrichtung' })).toBeVisible()
    await page.getByRole('button', { name: 'Später' }).click()
    await expect(page).toHaveURL(new RegExp(`#/offers/${id}$`))

    await page.getByRole('button', { name: 'Als versendet markieren' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: 'Das Angebot kann noch nicht versendet werden' })
    await expect(refusal).toBeVisible()
    expect((await app.api<{ status: string }>('offers.get', { id })).data!.status).toBe('draft')
    // Within the session the assistant does not open by itself again.
    await page.reload()
    await page.getByRole('button', { name: 'Als versendet markieren' }).click()
    await refusal.getByRole('link', { name: 'Angaben jetzt ergänzen' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Einrichtung' })).toBeVisible()
    await fillAssistant(page)
    await page.getByRole('link', { name: 'Zurück zur vorherigen Seite' }).click()
    await page.getByRole('button', { name: 'Als versendet markieren' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Versendet.' })).toBeVisible()
    expect((await app.api<{ status: string }>('offers.get', { id })).data!.status).toBe('sent')
  })

  test('in English when the app is set to English', async ({ page, app, consoleErrors }) => {
    void consoleErrors
    await app.api('settings.update', { language: 'en' })
    await openApp(page, app, '/companies')
    await expect(page.getByRole('heading', { level: 1, name: 'Setup' })).toBeVisible()
    const me = page.getByRole('form', { name: 'About you' })
    await me.getByRole('button', { name: 'Next' }).click()
    await expect(me.getByRole('alert').filter({ hasText: 'Please fill in.' })).toBeVisible()
    await expect(me.getByLabel('My extension')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Later' })).toBeVisible()
  })
})

test('the settings open the assistant again, with what is already typed', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await openApp(page, app, '/settings')
  await page.getByRole('link', { name: 'Einrichtungsassistent öffnen' }).click()
  const me = page.getByRole('form', { name: 'Ihre Angaben' })
  await expect(me.getByLabel('Mein Name')).toHaveValue('Jan Petersen')
  await me.getByLabel('Meine Durchwahl').fill('77')
  await me.getByRole('button', { name: 'Weiter' }).click()
  await expect(page.getByRole('form', { name: 'Firmenprofil' }).getByLabel('Firmenname')).toHaveValue('Nordlicht Anlagenbau GmbH')
  expect((await app.api<{ repPhone: string }>('profile.get')).data!.repPhone).toBe('77')
})
