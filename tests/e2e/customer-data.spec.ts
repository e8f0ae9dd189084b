// Issue 13, items 7, 8 and 10 where a user meets them: winning an offer makes the prospect a customer (the
// status filter finds it, the timeline says why); the contract made from it shows its contact and the
// items with list price, discount and net total; a contact needs a salutation; the buying center takes
// over what the contact already says; long notes are collapsed on the customer page.
import { expect, openApp, test } from './fixtures'

const item = { name: 'Prüfstand PS-200', quantity: 2, unit: 'Stück', unitPriceCents: 150_000, discountPercent: 10, vatRate: 19, optional: false }

test('winning an offer makes the prospect a customer; its contract shows the contact and the discount', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Okertal Messtechnik GmbH', status: 'prospect', city: 'Goslar', federalState: 'NI' })
  const companyId = company.data!.id
  const contact = await app.api<{ id: string }>('contacts.create', { companyId, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'de' })
  const offer = await app.api<{ id: string; number: string }>('offers.create', {
    companyId, contactId: contact.data!.id, offerDate: '2026-11-20', validUntil: '2027-06-30', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })
  expect(offer.ok, JSON.stringify(offer.error)).toBe(true)
  const sent = await app.api('offers.send', { id: offer.data!.id })
  expect(sent.ok, JSON.stringify(sent.error)).toBe(true)

  await openApp(page, app, `/offers/${offer.data!.id}`)
  await page.getByRole('button', { name: 'Gewonnen' }).click()
  await page.getByRole('form', { name: 'Gewonnen' }).getByRole('button', { name: 'Als gewonnen buchen' }).click()
  await expect(page.getByRole('link', { name: 'Vertrag anlegen' })).toBeVisible()

  // The customer page says "Kunde", and its timeline why.
  await openApp(page, app, `/companies/${companyId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Okertal Messtechnik GmbH' })).toBeVisible()
  await expect(page.getByText('Kunde', { exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(`Status Interessent → Kunde: Angebot ${offer.data!.number} gewonnen`)

  // The status filter of the company list finds it among the customers, not among the prospects.
  await openApp(page, app, '/companies')
  const list = page.getByRole('table', { name: 'Firmenliste' })
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Interessent' })
  await expect(page.getByText('Keine Firma passt zu Suche und Filtern.', { exact: false })).toBeVisible()
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Kunde' })
  await expect(list.getByRole('link', { name: 'Okertal Messtechnik GmbH' })).toBeVisible()

  // The contract made from the won offer: its contact, and the items as on the offer.
  await openApp(page, app, `/offers/${offer.data!.id}`)
  await page.getByRole('link', { name: 'Vertrag anlegen' }).click()
  const form = page.getByRole('form', { name: 'Vertrag' })
  await expect(form.getByLabel('Ansprechpartner')).toHaveValue(contact.data!.id)
  await form.getByLabel('Vertragsart').selectOption({ label: 'Wartungsvertrag' })
  await form.getByLabel('Vertragsbeginn').fill('2027-01-01')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Vertrag V-2027-/ })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'Jörg Weiß' })).toBeVisible()
  const row = page.getByRole('row', { name: /Prüfstand PS-200/ })
  // 2 × 1.500,00 € list price, 10 % off: 2.700,00 € net.
  await expect(row.getByRole('cell')).toHaveText(['1', 'Prüfstand PS-200', '2', 'Stück', '1.500,00 €', '10 %', '19 %', '2.700,00 €'])
})

test('a contact is saved only with a salutation; "Ohne Anrede" is one', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Harzer Antriebe KG', status: 'prospect' })
  await openApp(page, app, `/contacts/new?companyId=${company.data!.id}`)
  const salutation = page.getByLabel('Anrede')
  await expect(salutation).toHaveValue('')
  await expect(salutation.locator('option:checked')).toHaveText('Bitte wählen …')
  await page.getByLabel('Vorname').fill('Kim')
  await page.getByLabel('Nachname').fill('Sommer')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte eine Anrede wählen' })).toBeVisible()
  await expect(salutation).toHaveAttribute('aria-invalid', 'true')
  expect((await app.api<{ total: number }>('contacts.list', { companyId: company.data!.id })).data!.total).toBe(0)
  await salutation.selectOption({ label: 'Ohne Anrede' })
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Harzer Antriebe KG' })).toBeVisible()
  const saved = await app.api<{ rows: Array<{ salutation: string }> }>('contacts.list', { companyId: company.data!.id })
  expect(saved.data!.rows.map((r) => r.salutation)).toEqual(['none'])
})

test("the buying center takes over the contact's role, influence and attitude, keeping what the user chose", async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Leinetal Logistik GmbH', status: 'prospect' })
  const companyId = company.data!.id
  await app.api('contacts.create', { companyId, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter' })
  await app.api('contacts.create', { companyId, salutation: 'mr', firstName: 'Paul', lastName: 'Kern', language: 'de', buyingRole: 'purchaser', influence: 'low', attitude: 'sceptic' })
  await openApp(page, app, `/conversations/new?companyId=${companyId}`)
  const conversation = page.getByRole('form', { name: 'Vorangebotsgespräch' })
  await conversation.getByRole('button', { name: 'Person hinzufügen' }).click()
  const person = conversation.getByRole('group', { name: 'Beteiligte Person 1' })
  await person.getByLabel('Ansprechpartner').selectOption({ label: 'Anna Berger' })
  await expect(person.getByLabel('Rolle im Buying Center').locator('option:checked')).toHaveText('Entscheider')
  await expect(person.getByLabel('Einfluss').locator('option:checked')).toHaveText('Hoch')
  await expect(person.getByLabel('Haltung').locator('option:checked')).toHaveText('Befürworter')
  // What the user changes stays when another contact is picked; what was taken over follows the contact.
  await person.getByLabel('Haltung').selectOption({ label: 'Neutral' })
  await person.getByLabel('Ansprechpartner').selectOption({ label: 'Paul Kern' })
  await expect(person.getByLabel('Rolle im Buying Center').locator('option:checked')).toHaveText('Einkauf')
  await expect(person.getByLabel('Einfluss').locator('option:checked')).toHaveText('Gering')
  await expect(person.getByLabel('Haltung').locator('option:checked')).toHaveText('Neutral')
})

test('long notes and timeline texts are collapsed on the customer page', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const lines = Array.from({ length: 12 }, (_, i) => `Zeile ${i + 1}: Gesprächsnotiz zum Rahmenvertrag`)
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weserbergland Metall GmbH', status: 'prospect', notes: lines.join('\n') })
  await openApp(page, app, `/companies/${company.data!.id}`)
  await expect(page.getByText('Zeile 1: Gesprächsnotiz', { exact: false })).toBeVisible()
  await expect(page.getByText('Zeile 12: Gesprächsnotiz', { exact: false })).toHaveCount(0)
  const more = page.getByRole('button', { name: 'mehr anzeigen' })
  await expect(more).toHaveAttribute('aria-expanded', 'false')
  await more.click()
  await expect(page.getByText('Zeile 12: Gesprächsnotiz', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'weniger' }).click()
  await expect(page.getByText('Zeile 12: Gesprächsnotiz', { exact: false })).toHaveCount(0)
})
