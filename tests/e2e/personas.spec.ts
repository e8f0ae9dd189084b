// Personas with the typing matrix, linked to a contact.
import { expect, openApp, test } from './fixtures'

test('a persona from the typing matrix is assigned to a contact', async ({ page, app, consoleErrors: _ }) => {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weser Antriebstechnik GmbH', status: 'customer' })
  await openApp(page, app, '/personas')
  await expect(page.getByText('Noch keine Personas.')).toBeVisible()
  await page.getByRole('link', { name: 'Neue Persona' }).click()
  await page.getByLabel('Name der Persona').fill('Der bodenständige Anwender')
  await page.getByLabel('Typischer Satz').fill('Ich erwarte Top-Qualität zu einem günstigen Preis.')
  await page.getByLabel('WOVOR hat er Sorge?').fill('Schulungsaufwand, neue Abläufe')
  await page.getByLabel('WELCHE Ereignisse lösen den Bedarf aus?').fill('Ausfall der alten Anlage')
  await page.getByLabel('WAR er schon mal Kunde?').selectOption({ label: 'Nein' })
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('link', { name: 'Der bodenständige Anwender' })).toBeVisible()

  await page.goto(`${new URL(page.url()).origin}/#/contacts/new?companyId=${company.data!.id}`)
  await page.getByLabel('Anrede').selectOption({ label: 'Herr' })
  await page.getByLabel('Nachname').fill('Hartmann')
  await page.getByLabel('Persona').selectOption({ label: 'Der bodenständige Anwender' })
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Weser Antriebstechnik GmbH' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Personas' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: 'Der bodenständige Anwender' })).toContainText('1 Ansprechpartner')
})
