// Bad input is answered at the field, in German, and nothing is written.
import { expect, openApp, test } from './fixtures'

test('a contact without salutation and last name and with an invalid e-mail shows German errors at the fields and writes nothing', async ({ page, app, consoleErrors: _ }) => {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Harz Logistik GmbH', status: 'prospect' })
  await openApp(page, app, `/contacts/new?companyId=${company.data!.id}`)

  await page.getByLabel('Vorname').fill('Jürgen')
  await page.getByLabel('E-Mail').fill('juergen@harz')
  await page.getByRole('button', { name: 'Speichern' }).click()

  await expect(page.getByLabel('Nachname')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Nachname')).toHaveAccessibleDescription('Bitte ausfüllen.')
  await expect(page.getByLabel('E-Mail')).toHaveAccessibleDescription('Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@firma.de.')
  // No salutation is chosen for the user (issue 13, item 8a): the first field in error, so it has the focus.
  await expect(page.getByLabel('Anrede')).toHaveAccessibleDescription('Bitte eine Anrede wählen („Ohne Anrede“ begrüßt mit dem vollen Namen).')
  await expect(page.getByLabel('Anrede')).toBeFocused()

  const contacts = await app.api<{ total: number }>('contacts.list', {})
  expect(contacts.data!.total).toBe(0)
  const info = await app.api<{ pendingChanges: number }>('app.info', {})
  expect(info.data!.pendingChanges).toBe(1) // only the company

  await page.getByLabel('Anrede').selectOption({ label: 'Herr' })
  await page.getByLabel('Nachname').fill('Krause')
  await page.getByLabel('E-Mail').fill('j.krause@harz-logistik.example')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Harz Logistik GmbH' })).toBeVisible()
})

test('an error only the backend can know (taken customer number) is shown at its field', async ({ page, app, consoleErrors: _ }) => {
  await app.api('companies.create', { name: 'Erste GmbH', status: 'customer', customerNumber: 'K-1000' })
  await openApp(page, app, '/companies/new')
  await page.getByRole('textbox', { name: 'Firmenname' }).fill('Zweite GmbH')
  await page.getByLabel('Kundennummer').fill('K-1000')
  await page.getByLabel('PLZ').fill('123')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByLabel('PLZ')).toHaveAccessibleDescription('Bitte eine fünfstellige Postleitzahl eingeben.')

  await page.getByLabel('PLZ').fill('12345')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByLabel('Kundennummer')).toHaveAccessibleDescription('Diese Kundennummer ist bereits vergeben.')
  await expect(page.getByRole('alert').first()).toContainText('Bitte prüfen Sie die markierten Felder.')
  const list = await app.api<{ total: number }>('companies.list', {})
  expect(list.data!.total).toBe(1)
})
