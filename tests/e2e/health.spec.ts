// The Customer Health Score end to end, clicked through as a person would (de-DE, 1280×720): a customer with a
// good score gets two complaints and a detractor's answer through the forms; the company page shows the score
// turned red with those reasons in words, the components and the trend. A rep sees the team's settings read-only;
// a manager's weights that do not add up to 100 % are refused at the total, nothing saved; a correct change saves.
import { expect, must, openApp, test } from './fixtures'
import { signInAs } from './sign-in'
import { logAnswer, logComplaint } from './health-helpers'



test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('a good customer turns red after two complaints and a detractor\'s answer, with those reasons on the company page, a task on the work list and a line on the dashboard', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await must<{ id: string }>(app, 'companies.create', { name: 'Weserwerft Technik GmbH', status: 'customer', street: 'Hafenstraße 4', postalCode: '28217', city: 'Bremen', federalState: 'HB', segment: 'mid_market' })
  await must(app, 'touchpoints.create', { companyId: company.id, occurredAt: new Date().toISOString(), channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Quartalsgespräch' })
  await openApp(page, app, `/companies/${company.id}`)
  const health = page.getByRole('region', { name: 'Kundengesundheit' })
  await expect(health.getByText('100 von 100')).toBeVisible()
  await expect(health.getByTitle('Ampel: grün')).toBeVisible()
  await expect(health.getByText('Keine Auffälligkeiten.')).toBeVisible()
  await health.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('health-good-de.png'), fullPage: true })

  for (const subject of ['Prüfstand zeigt falsche Drücke', 'Lieferung unvollständig']) await logComplaint(page, app, company.id, subject)
  await logAnswer(page, app, company.id, 3)
  await openApp(page, app, `/companies/${company.id}`)
  await expect(health.getByTitle('Ampel: rot')).toBeVisible()
  const reasons = health.getByRole('list', { name: 'Health Score' })
  await expect(reasons.getByRole('listitem').first()).toHaveText('2 Reklamationen in 12 Monaten, 2 offen')
  await expect(reasons).toContainText('NPS 3')
  const components = health.getByRole('table', { name: 'Bestandteile' })
  await expect(components.getByRole('row', { name: /Reklamationen \(12 Monate\)/ })).toContainText('0')
  await expect(components.getByRole('row', { name: /Zahlungsverhalten/ })).toContainText('keine Daten (neutral)')
  await expect(health.getByRole('list', { name: 'Entwicklung je Woche' })).toContainText('Woche ab')
  await health.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('health-red-de.png'), fullPage: true })
  await page.screenshot({ path: 'docs/screenshots/health-red-de.png' })

  // The early warning "health below 40" put its task on the owner's work list, and the dashboard lists the account.
  await openApp(page, app, '/follow-ups')
  await expect(page.getByRole('listitem', { name: /Gesundheitswert kritisch: Gründe mit dem Kunden klären/ })).toHaveCount(1)
  await openApp(page, app, '/dashboard')
  const atRisk = page.getByRole('region', { name: 'Gefährdete Kunden' })
  await expect(atRisk.getByText('1 Kunde mit rotem Gesundheitswert')).toBeVisible()
  await expect(atRisk.getByRole('row', { name: /Weserwerft Technik GmbH/ })).toContainText('NPS 3')

  await must(app, 'settings.update', { language: 'en' })
  await openApp(page, app, `/companies/${company.id}`)
  const healthEn = page.getByRole('region', { name: 'Customer health' })
  await expect(healthEn.getByTitle('Traffic light: red')).toBeVisible()
  await expect(healthEn.getByRole('list', { name: 'Health score' })).toContainText('2 complaints in 12 months')
  await healthEn.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('health-red-en.png'), fullPage: true })
})

test('the team settings: read-only for a rep; a manager\'s bad sum is refused at the total, a good one saved', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await signInAs(app.dbFile, 'field_sales')
  await openApp(page, app, '/settings')
  const form = page.getByRole('form', { name: 'Health Score: Gewichte und Zielwerte' })
  await expect(page.getByText('Nur Manager und Administratoren können diese Einstellungen ändern.')).toBeVisible()
  await expect(form.getByLabel('Offene und überfällige Fälle')).toBeDisabled()
  await expect(form.getByRole('button', { name: 'Speichern' })).toHaveCount(0)

  await signInAs(app.dbFile, 'manager')
  await openApp(page, app, '/settings')
  await form.getByLabel('Offene und überfällige Fälle').fill('30')
  await form.getByLabel('Tage seit dem letzten Kontakt').click()
  await expect(form.getByText('115 %')).toBeVisible()
  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(form.getByText('Die Gewichte müssen zusammen genau 100 % ergeben')).toBeVisible()
  expect((await must<{ custom: boolean }>(app, 'healthSettings.get', {})).custom).toBe(false)
  await form.getByRole('group', { name: 'Gewichte in %' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('health-settings-bad-sum-de.png') })

  await form.getByLabel('Reklamationen (12 Monate)').fill('0')
  await form.getByLabel('Tage seit dem letzten Kontakt').click()
  await expect(form.getByText('100 %', { exact: true })).toBeVisible()
  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(form.getByRole('status').filter({ hasText: 'Gespeichert' })).toHaveText('Gespeichert, alle Scores neu berechnet.')
  const saved = await must<{ custom: boolean; settings: { weights: { cases: number; complaints: number } } }>(app, 'healthSettings.get', {})
  expect(saved).toMatchObject({ custom: true, settings: { weights: { cases: 30, complaints: 0 } } })
})
