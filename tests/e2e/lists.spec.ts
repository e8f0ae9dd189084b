// Lists with search, filters, sort and the journey navigation, on demo data (the demo database).
import type { Locator } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

test.beforeEach(async ({ app }) => {
  const result = await app.api('demo.open')
  expect(result.ok).toBe(true)
})

/** Waits until the visible column shows rows and every one of them satisfies the check (lists refetch after a change). */
async function expectColumn(table: Locator, column: number, check: (text: string) => boolean) {
  const cells = table.getByRole('row').locator(`[role=cell]:nth-child(${column})`)
  await expect.poll(async () => {
    const texts = await cells.allTextContents()
    return texts.length > 0 && texts.every(check)
  }).toBe(true)
}

test('company list: search, filter, sort, and the portfolio by journey station', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app)
  const table = page.getByRole('table', { name: 'Firmenliste' })
  await expect(page.getByText('60 Treffer')).toBeVisible()

  const firstName = table.getByRole('row').nth(1).getByRole('link')
  const firstAscending = await firstName.textContent()
  await page.getByRole('button', { name: 'Sortieren nach Firmenname' }).click()
  await expect(page.getByRole('columnheader', { name: /Firmenname/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(firstName).not.toHaveText(firstAscending ?? '')

  await page.getByRole('searchbox', { name: 'Firmen durchsuchen' }).fill('Braunschweig')
  await expect(page.getByText('60 Treffer')).toBeHidden()
  await expectColumn(table, 3, (city) => city.includes('Braunschweig'))

  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click()
  await expect(page.getByText('60 Treffer')).toBeVisible()
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Ehemaliger Kunde' })
  await expectColumn(table, 4, (status) => status === 'Ehemaliger Kunde')

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /^Angebot \d/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kunden in der Station Angebot' })).toBeVisible()
  await expectColumn(table, 5, (station) => station === 'Angebot')
})

test('contacts by buying-center role and touchpoints by full text', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app, '/contacts')
  await expect(page.getByText('180 Treffer')).toBeVisible()
  await page.getByRole('combobox', { name: 'Rolle im Buying Center' }).selectOption({ label: 'Entscheider' })
  await expect(page.getByText('180 Treffer')).toBeHidden()
  await expectColumn(page.getByRole('table', { name: 'Liste der Ansprechpartner' }), 4, (role) => role === 'Entscheider')

  // 360 generated, and the events of the demo's first daily roll (companies whose status follows their business).
  const touchpoints = await app.api<{ total: number }>('touchpoints.list', {})
  const all = `${touchpoints.data!.total} Treffer`
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kontaktpunkte' }).click()
  await expect(page.getByText(all)).toBeVisible()
  await page.getByRole('searchbox', { name: 'Kontaktpunkte durchsuchen' }).fill('Reklamation')
  await expect(page.getByText(all)).toBeHidden()
  await expectColumn(page.getByRole('table', { name: 'Liste der Kontaktpunkte' }), 6, (summary) => summary.includes('Reklamation'))
})

test('a long company list says "more than" until the user scrolls to its end', async ({ page, app, consoleErrors: _ }) => {
  // 60 demo companies and 1,100 more: longer than the first page counts ahead (100 + 1,000, db/platform/capped-count).
  for (let batch = 0; batch < 55; batch++) {
    await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const answer = await app.api('companies.create', { name: `Zeilenfirma ${String(batch * 20 + i).padStart(4, '0')} GmbH`, status: 'prospect', federalState: 'NI' })
      expect(answer.ok).toBe(true)
    }))
  }
  await openApp(page, app)
  const table = page.getByRole('table', { name: 'Firmenliste' })
  await expect(page.getByText('Mehr als 1.100 Treffer')).toBeVisible()
  await expect(table).toHaveAttribute('aria-rowcount', '-1')

  // Scrolling down loads the pages further down, which count further: the exact count appears.
  const body = table.getByRole('rowgroup').nth(1)
  await expect.poll(async () => {
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    return page.getByText('1.160 Treffer').isVisible()
  }).toBe(true)
  await expect(table).toHaveAttribute('aria-rowcount', '1161')
  await expect(table.getByRole('row').last()).toContainText(/Zeilenfirma|GmbH|AG|KG/)

  // A filter with few matches is counted exactly at once.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Ehemaliger Kunde' })
  await expect(page.getByText(/^\d+ Treffer$/)).toBeVisible()
})
