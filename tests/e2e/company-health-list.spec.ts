// The company list with each customer's health score (issue 17), clicked as a manager would at 1280×720: the
// column "Gesundheit" with the company page's traffic light, sorted worst first, and "only red" through the
// filter; then the same labels in English. On the demo data plus one customer that two complaints and a
// detractor's answer turned red (the demo's customers are green and yellow).
import type { Page } from '@playwright/test'
import { expect, openApp, test, type AppServer } from './fixtures'

const must = async <T = { id: string }>(app: AppServer, channel: string, input: unknown): Promise<T> => {
  const answer = await app.api<T>(channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data!
}

/** The reminders of the tasks the early warnings just created sit over the list's right edge: away for the picture. */
async function dismissReminders(page: Page, name: string) {
  const dismiss = page.getByRole('region', { name }).getByRole('button')
  while (await dismiss.count()) await dismiss.first().click()
}

/** No column is pushed out of the window: the header row needs no more room than it has. */
async function expectNoOverflow(page: Page, table: string) {
  const header = page.getByRole('table', { name: table }).getByRole('row').first()
  expect(await header.evaluate((row) => row.scrollWidth - row.clientWidth)).toBeLessThanOrEqual(0)
}

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('the manager sorts the company list by health, worst first, and filters it to the red customers, in German and English', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  expect((await app.api('demo.open')).ok).toBe(true)
  const company = await must(app, 'companies.create', { name: 'Ammerland Anlagenbau GmbH', status: 'customer', city: 'Westerstede', federalState: 'NI', segment: 'mid_market' })
  const now = new Date().toISOString()
  await must(app, 'touchpoints.create', { companyId: company.id, occurredAt: now, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Quartalsgespräch' })
  for (const subject of ['Prüfstand zeigt falsche Drücke', 'Lieferung unvollständig']) {
    await must(app, 'cases.create', { type: 'complaint', companyId: company.id, channel: 'phone', receivedAt: now, subject, description: '', priority: 'high' })
  }
  await must(app, 'feedback.create', { companyId: company.id, kind: 'nps', givenOn: now.slice(0, 10), score: 3, comment: 'Zu viele Ausfälle' })
  const red = await must<{ total: number; rows: Array<{ name: string; health: { score: number } | null }> }>(app, 'companies.list', { health: 'red' })
  expect(red.rows.map((r) => r.name)).toEqual(['Ammerland Anlagenbau GmbH'])

  await openApp(page, app, '/companies')
  const table = page.getByRole('table', { name: 'Firmenliste' })
  await expect(page.getByText('61 Treffer')).toBeVisible()
  await expect(table.getByRole('columnheader', { name: /Gesundheit/ })).toBeVisible()
  // Every row shows a light with its score (every demo company is scored).
  await expect(table.getByRole('row').nth(1).getByTitle(/^Ampel: (rot|gelb|grün)$/)).toBeVisible()
  // By name, as the list opens: nothing pushed out of the window.
  await expectNoOverflow(page, 'Firmenliste')
  await dismissReminders(page, 'Erinnerungen')
  await page.screenshot({ path: test.info().outputPath('company-list-by-name-de.png') })

  // Worst first: one click sorts ascending, the red customer on top.
  await page.getByRole('button', { name: 'Sortieren nach Gesundheit' }).click()
  await expect(table.getByRole('columnheader', { name: /Gesundheit/ })).toHaveAttribute('aria-sort', 'ascending')
  const first = table.getByRole('row').nth(1)
  await expect(first.getByRole('link')).toHaveText('Ammerland Anlagenbau GmbH')
  await expect(first.getByTitle('Ampel: rot')).toContainText(String(red.rows[0]!.health!.score))
  await expect(table.getByRole('row').nth(2).getByTitle(/^Ampel: (gelb|grün)$/)).toBeVisible()
  await expectNoOverflow(page, 'Firmenliste')
  await dismissReminders(page, 'Erinnerungen')
  await page.screenshot({ path: test.info().outputPath('company-list-health-de.png') })

  // Best first on the second click.
  await page.getByRole('button', { name: 'Sortieren nach Gesundheit' }).click()
  await expect(table.getByRole('columnheader', { name: /Gesundheit/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(first.getByRole('link')).not.toHaveText('Ammerland Anlagenbau GmbH')

  // Only red.
  await page.getByRole('combobox', { name: 'Gesundheit' }).selectOption({ label: 'Rot' })
  await expect(page.getByText('1 Treffer')).toBeVisible()
  await expect(first.getByRole('link')).toHaveText('Ammerland Anlagenbau GmbH')
  await page.getByRole('combobox', { name: 'Gesundheit' }).selectOption({ label: 'Gelb' })
  await expect(page.getByText('1 Treffer')).toBeHidden()
  const yellow = table.getByRole('row').filter({ has: page.getByRole('link') })
  await expect.poll(async () => (await yellow.count()) > 0 && (await yellow.getByTitle('Ampel: gelb').count()) === (await yellow.count())).toBe(true)
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click()
  await expect(page.getByText('61 Treffer')).toBeVisible()

  // The filters and the sort are in the address: the dashboard's accounts at risk open the list of the red customers,
  // worst first, and a reload keeps it.
  await openApp(page, app, '/dashboard')
  await page.getByRole('link', { name: '1 Kunde mit rotem Gesundheitswert' }).click()
  await expect(page).toHaveURL(/\/companies\?health=red&sort=health$/)
  await expect(page.getByText('1 Treffer')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Gesundheit' })).toHaveValue('red')
  await expect(table.getByRole('columnheader', { name: /Gesundheit/ })).toHaveAttribute('aria-sort', 'ascending')
  await page.reload()
  await expect(page.getByText('1 Treffer')).toBeVisible()
  await expect(first.getByRole('link')).toHaveText('Ammerland Anlagenbau GmbH')
  await openApp(page, app, '/companies')

  // English: the column, its sort button, the filter and its lights.
  await page.getByLabel('Sprache').first().selectOption('en')
  const list = page.getByRole('table', { name: 'Company list' })
  await expect(list.getByRole('columnheader', { name: /Health/ })).toBeVisible()
  await page.getByRole('button', { name: 'Sort by Health' }).click()
  await page.getByRole('combobox', { name: 'Health' }).selectOption({ label: 'Red' })
  await expect(page.getByText('1 result', { exact: true })).toBeVisible()
  await expect(list.getByRole('row').nth(1).getByTitle('Traffic light: red')).toBeVisible()
  await page.getByRole('combobox', { name: 'Health' }).selectOption({ label: 'All' })
  await expect(list.getByRole('row').nth(1).getByRole('link')).toHaveText('Ammerland Anlagenbau GmbH')
  await expectNoOverflow(page, 'Company list')
  await dismissReminders(page, 'Reminders')
  await page.screenshot({ path: test.info().outputPath('company-list-health-en.png') })
})
