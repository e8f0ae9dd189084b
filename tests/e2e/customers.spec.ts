// A rep creates a company, a contact with a buying-center role and a touchpoint; all survive a restart.
import { expect, openApp, test } from './fixtures'

test('company, contact and touchpoint are on the timeline, also after a restart', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app)
  await expect(page.getByText('Noch keine Firmen. Legen Sie Ihre erste Firma an')).toBeVisible()

  await page.getByRole('link', { name: 'Neue Firma' }).click()
  await page.getByRole('textbox', { name: 'Firmenname' }).fill('Brunsviga Präzisionstechnik GmbH')
  await page.getByLabel('Kundennummer').fill('K-38100')
  await page.getByLabel('Status').selectOption({ label: 'Kunde' })
  await page.getByLabel('Straße und Hausnummer').fill('Hamburger Straße 12')
  await page.getByLabel('PLZ').fill('38114')
  await page.getByLabel('Ort').fill('Braunschweig')
  await page.getByLabel('Bundesland').selectOption({ label: 'Niedersachsen' })
  await page.getByRole('button', { name: 'Speichern' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Präzisionstechnik GmbH' })).toBeVisible()
  await expect(page.getByText('Aktuelle Station:')).toContainText('Nutzung')

  await page.getByRole('link', { name: 'Ansprechpartner hinzufügen' }).click()
  await page.getByLabel('Anrede').selectOption({ label: 'Frau' })
  await page.getByLabel('Titel').fill('Dr.')
  await page.getByLabel('Vorname').fill('Katrin')
  await page.getByLabel('Nachname').fill('Berger')
  await page.getByLabel('Funktion').fill('Technische Leiterin')
  await page.getByLabel('E-Mail').fill('k.berger@brunsviga.example')
  await page.getByLabel('Rolle im Buying Center').selectOption({ label: 'Entscheider' })
  await page.getByLabel('Haltung').selectOption({ label: 'Befürworter' })
  await page.getByLabel('Einfluss').selectOption({ label: 'Hoch' })
  await page.getByLabel('Sorgen und Ängste').fill('Stillstand der Linie während der Umstellung')
  await page.getByRole('button', { name: 'Speichern' }).click()

  const contactCard = page.getByRole('listitem').filter({ hasText: 'Frau Dr. Katrin Berger' })
  await expect(contactCard).toBeVisible()
  await expect(contactCard).toContainText('Entscheider')
  await expect(contactCard).toContainText('Befürworter')

  await page.getByRole('link', { name: 'Kontaktpunkt erfassen' }).click()
  await page.getByLabel('Zeitpunkt').fill('19.11.2026 14:30')
  await page.getByLabel('Kanal').selectOption({ label: 'Besuch' })
  await page.getByLabel('Station').selectOption({ label: 'Angebot' })
  await page.getByLabel('Ansprechpartner').selectOption({ label: 'Katrin Berger' })
  await page.getByLabel('Zusammenfassung').fill('Vorangebotsgespräch vor Ort: Bedarf an zwei Prüfständen, Budget im Q1')
  await page.getByRole('button', { name: 'Speichern' }).click()

  const timeline = page.getByRole('list', { name: 'Verlauf' })
  await expect(timeline).toContainText('Vorangebotsgespräch vor Ort')
  await expect(timeline).toContainText('19.11.2026, 14:30')
  await expect(timeline).toContainText('Katrin Berger')
  await expect(page.getByText('Aktuelle Station:')).toContainText('Angebot')

  await page.goto('about:blank') // the tab leaves first: its polling must not meet the port while the app restarts
  await app.restart()
  await openApp(page, app)
  await page.getByRole('searchbox', { name: 'Firmen durchsuchen' }).fill('Brunsviga')
  await page.getByRole('link', { name: 'Brunsviga Präzisionstechnik GmbH' }).click()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Vorangebotsgespräch vor Ort')
  await expect(page.getByRole('listitem').filter({ hasText: 'Frau Dr. Katrin Berger' })).toContainText('Entscheider')
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Firma angelegt')
})
