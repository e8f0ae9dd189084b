// Price list import with a bad row, then a good one; the follow-up rules and lost reasons in the
// team's rules (issue 18); the in-app notice of due follow-ups.
import { expect, openApp, test } from './fixtures'

test('a price list with a bad row imports nothing; fixed, it imports all rows', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await openApp(page, app, '/products')
  await expect(page.getByText('Noch keine Produkte.')).toBeVisible()
  const importer = page.getByRole('region', { name: 'Preisliste importieren (CSV)' })
  const bad = 'Artikelnummer;Bezeichnung;Preis;MwSt\nPS-200;Prüfstand PS-200;1.499,99;19\nXX-1;Ohne Preis;;19\n'
  await importer.getByLabel('CSV-Datei').setInputFiles({ name: 'preise.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
  await expect(importer.getByLabel('Artikelnummer', { exact: true })).toHaveValue('Artikelnummer')
  await expect(importer.getByLabel('Listenpreis (€, netto)')).toHaveValue('Preis')
  await importer.getByRole('button', { name: 'Importieren' }).click()
  await expect(importer.getByText('1 Zeile fehlerhaft – es wurde nichts importiert.')).toBeVisible()
  await expect(importer.getByText(/Zeile 3: Listenpreis/)).toBeVisible()
  await expect(page.getByText('Noch keine Produkte.')).toBeVisible()
  const good = bad.replace('XX-1;Ohne Preis;;19', 'BU-1;Fachbuch;49,90;7')
  await importer.getByLabel('CSV-Datei').setInputFiles({ name: 'preise.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
  await importer.getByRole('button', { name: 'Importieren' }).click()
  await expect(importer.getByText('2 neu, 0 aktualisiert.')).toBeVisible()
  const table = page.getByRole('table', { name: 'Produkte und Preise' })
  await expect(table).toContainText('1.499,99 €')
  await expect(table).toContainText('49,90 €')
})

test('follow-up rules and lost reasons are set in the team\'s rules (this laptop has no server: its user sets them); a bad value is refused at the field', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await openApp(page, app, '/settings')
  await expect(page.getByRole('form', { name: 'Firmenprofil für Angebote' }).getByLabel('2. Nachfassen nach … Arbeitstagen (Mo–Fr)')).toHaveCount(0)
  const form = page.getByRole('form', { name: 'Regeln des Teams: Nachfassen, Verlustgründe, Service-Level' })
  await form.getByLabel('2. Nachfassen nach … Arbeitstagen (Mo–Fr)').fill('2')
  await form.getByRole('button', { name: 'Regeln des Teams speichern' }).click()
  await expect(form.getByText('Das zweite Nachfassen muss nach dem ersten liegen.')).toBeVisible()
  await form.getByLabel('2. Nachfassen nach … Arbeitstagen (Mo–Fr)').fill('7')
  await form.getByRole('group', { name: 'Angebotene Verlustgründe' }).getByLabel('Beziehung').uncheck()
  await form.getByRole('button', { name: 'Regeln des Teams speichern' }).click()
  await expect(form.getByText('Regeln des Teams gespeichert.')).toBeVisible()
  const saved = await app.api<{ rules: { followUpSecondDays: number; lostReasons: string[] } }>('teamRules.get')
  expect(saved.data!.rules.followUpSecondDays).toBe(7)
  expect(saved.data!.rules.lostReasons).not.toContain('relationship')
})

test('due follow-ups are announced in the app', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.api('demo.open')
  await openApp(page, app, '/companies')
  const notice = page.getByRole('status').filter({ hasText: 'heute fällig oder überfällig' })
  await expect(notice).toBeVisible()
  await notice.getByRole('link', { name: 'Zur Nachfassliste' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nachfassen' })).toBeVisible()
})
