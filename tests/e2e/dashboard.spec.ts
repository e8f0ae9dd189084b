// The manager's dashboard (issue 17): reached from the navigation, each tile leads to the list behind it — the
// complaints of an age to the case, a rep's week to the touchpoints' customer, a cancel-by month to the
// contract — and the rate tiles to their reports. German and English, 1280×720.
import { expect, openApp, test, type AppServer } from './fixtures'

const must = async <T = { id: string }>(app: AppServer, channel: string, input: unknown): Promise<T> => {
  const answer = await app.api<T>(channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data!
}

test('the dashboard shows the team\'s state and every tile opens the list behind it', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.restart({ today: '2026-12-16' })
  const company = await must(app, 'companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'customer', city: 'Braunschweig', federalState: 'NI' })
  await must(app, 'cases.create', { type: 'complaint', companyId: company.id, channel: 'phone', receivedAt: '2026-12-01T09:00:00.000Z', subject: 'Zylinder verliert Druck', description: '', priority: 'high' })
  await must(app, 'touchpoints.create', { companyId: company.id, occurredAt: '2026-12-15T09:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Wartung besprochen' })
  const contract = await must<{ id: string; number: string }>(app, 'contracts.create', {
    companyId: company.id, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2026-04-01', minimumTermMonths: 12,
    noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_250_050,
  })

  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, '/companies')
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht für die Leitung' })).toBeVisible()

  // Open complaints by age: 15 days → "8–30 Tage", and on to the case.
  const complaints = page.getByRole('region', { name: 'Offene Reklamationen nach Alter' })
  await expect(complaints.getByRole('listitem').filter({ hasText: '8–30 Tage' })).toContainText('1')
  await complaints.getByRole('link', { name: '8–30 Tage' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Offene Reklamationen, 8–30 Tage' })).toBeVisible()
  await page.getByRole('link', { name: /Zylinder verliert Druck/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Reklamation S-')
  await expect(page.getByRole('main')).toContainText('Zylinder verliert Druck')

  // The value at stake: the contract's cancel-by month (end 31.03.2027, three months' notice → 31.12.2026).
  await openApp(page, app, '/dashboard')
  const stake = page.getByRole('region', { name: 'Wert mit Kündigungstermin, nach Monat' })
  await expect(stake.getByRole('listitem')).toContainText(['1 Vertrag · 12.500,50 €'])
  await stake.getByRole('listitem').getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verträge mit Kündigungstermin im')
  await expect(page.getByRole('cell', { name: '12.500,50 €' })).toBeVisible()
  await page.getByRole('link', { name: contract.number }).click()
  await expect(page).toHaveURL(new RegExp(`/contracts/${contract.id}`))

  // A rep's week, then a rate tile to its report.
  await openApp(page, app, '/dashboard')
  const activity = page.getByRole('region', { name: 'Kontaktpunkte je Mitarbeiter und Woche' })
  // The contract's own touchpoint (today) beside the call this week; the complaint's is in the week it came in.
  await activity.getByRole('link', { name: /Woche ab 14\.12\.2026: 2$/ }).click()
  await expect(page.getByRole('link', { name: 'Wartung besprochen' })).toBeVisible()
  await page.getByRole('link', { name: 'Zur Übersicht' }).click()
  await page.getByRole('region', { name: 'Auftragsquote je Monat' }).getByRole('link', { name: 'Zum Bericht' }).click()
  await expect(page).toHaveURL(/reports\/order-rate/)

  // The early warnings of the last 90 days: the contract's cancel-by date without a renewal offer, then a
  // detractor's answer (which also turns the health red); no task done yet; the report of the same period behind it.
  await must(app, 'feedback.create', { companyId: company.id, kind: 'nps', station: 'usage', givenOn: '2026-12-10', score: 2, comment: '', quotePermission: false })
  await openApp(page, app, '/dashboard')
  const warnings = page.getByRole('region', { name: 'Frühwarnungen und ihre Erledigung' })
  await expect(warnings.getByText('Ausgelöst vom 18.09.2026 bis 16.12.2026')).toBeVisible()
  await expect(warnings.getByRole('row', { name: /Kritiker-Antwort \(NPS\)/ })).toContainText('0 %')
  await expect(warnings.getByRole('row', { name: /Kündigungstermin ohne Verlängerungsangebot/ })).toContainText('1')
  await expect(warnings.getByText('3 Frühwarnungen, 0 von 3 Aufgaben erledigt')).toBeVisible()
  await warnings.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('dashboard-triggers-de.png') })
  await warnings.getByRole('link', { name: 'Zum Bericht' }).click()
  await expect(page.getByLabel('Von')).toHaveValue('18.09.2026')
  await expect(page.getByLabel('Bis')).toHaveValue('16.12.2026')
  await expect(page.getByRole('table', { name: 'Frühwarnungen und Nachverfolgung' }).getByRole('row', { name: /Kritiker-Antwort/ })).toContainText('1')

  // English.
  await must(app, 'settings.update', { language: 'en' })
  await openApp(page, app, '/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Manager dashboard' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Open complaints by age' }).getByRole('link', { name: '8–30 days' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('dashboard-en.png') })
})

test('the dashboard of the demo data (screenshots for the README)', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.api('demo.open')
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, '/dashboard')
  const orderRate = page.getByRole('region', { name: 'Auftragsquote je Monat' })
  await expect(orderRate.getByRole('img', { name: 'Auftragsquote je Monat' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Kontaktpunkte je Mitarbeiter und Woche' }).getByRole('row')).not.toHaveCount(0)
  await page.screenshot({ path: 'docs/screenshots/dashboard.png' })
  await orderRate.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('dashboard-rates-de.png') })
  await page.getByRole('region', { name: 'Kontaktpunkte je Mitarbeiter und Woche' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('dashboard-activity-de.png') })
})
