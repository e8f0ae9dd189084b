// Prices typed the German way, in a German and in a US-English browser (the en-US project of
// playwright.config.ts; issue 12 item 6, issue 13 items 1 and 2): the app's language, not the browser's
// locale, reads what a German user types; the VAT select hands over the number; the offer shows German
// amounts and stores exact integer cents.
import { expect, openApp, test } from './fixtures'

interface StoredOffer {
  items: Array<{ name: string; unitPriceCents: number; vatRate: number }>
  totals: { netCents: number; vatCents: number; grossCents: number }
}

test('a German user types 1.234,56 and 1250,50 at 7 % VAT: shown in German, stored as cents', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Brunsviga Präzisionstechnik GmbH', status: 'prospect', city: 'Braunschweig', federalState: 'NI' })
  await openApp(page, app, `/offers/new?companyId=${company.data!.id}`)
  expect(await page.evaluate('navigator.language')).toBe(test.info().project.use.locale)
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')

  const form = page.getByRole('form', { name: 'Angebot' })
  const first = form.getByRole('group', { name: 'Position 1' })
  await first.getByLabel('Bezeichnung').fill('Prüfstand PS-200')
  await first.getByLabel('Einzelpreis (€, netto)').fill('1.234,56')
  await first.getByLabel('USt.').selectOption({ label: '7 %' })
  await form.getByRole('button', { name: 'Position hinzufügen' }).click()
  const second = form.getByRole('group', { name: 'Position 2' })
  await second.getByLabel('Bezeichnung').fill('Inbetriebnahme und Einweisung')
  await second.getByLabel('Einzelpreis (€, netto)').fill('1250,50')
  await second.getByLabel('USt.').selectOption({ label: '7 %' })

  // 1.234,56 + 1.250,50 = 2.485,06 € net; 7 % of it is 173,9542 → 173,95 €; 2.659,01 € gross.
  const totals = page.getByRole('table', { name: 'Summen' })
  await expect(totals).toContainText('2.485,06\u00a0€')
  await expect(totals).toContainText('zzgl. 7 % USt. auf 2.485,06\u00a0€')
  await expect(totals).toContainText('173,95\u00a0€')
  await expect(totals).toContainText('2.659,01\u00a0€')
  await expect(totals).not.toContainText('19 %')

  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-\d{4}-/ })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)

  // The offer as shown: the typed prices in German, the VAT line at 7 %, the totals.
  const items = page.getByRole('table').filter({ hasText: 'Einzelpreis (€, netto)' })
  await expect(items.getByRole('row', { name: /Prüfstand PS-200/ })).toContainText('1.234,56\u00a0€')
  await expect(items.getByRole('row', { name: /Prüfstand PS-200/ })).toContainText('7 %')
  await expect(items.getByRole('row', { name: /Inbetriebnahme und Einweisung/ })).toContainText('1.250,50\u00a0€')
  const shown = page.getByRole('table', { name: 'Summen' })
  await expect(shown).toContainText('zzgl. 7 % USt. auf 2.485,06\u00a0€')
  await expect(shown).toContainText('173,95\u00a0€')
  await expect(shown).toContainText('2.659,01\u00a0€')

  // What is stored: exact integer cents, 7 % VAT on both items.
  const id = /#\/offers\/([\w-]+)$/.exec(page.url())![1]!
  const stored = await app.api<StoredOffer>('offers.get', { id })
  expect(stored.data!.items.map((i) => [i.name, i.unitPriceCents, i.vatRate])).toEqual([
    ['Prüfstand PS-200', 123_456, 7],
    ['Inbetriebnahme und Einweisung', 125_050, 7],
  ])
  expect(stored.data!.totals).toMatchObject({ netCents: 248_506, vatCents: 17_395, grossCents: 265_901 })
  // Saved once, although the button was double-clicked.
  expect((await app.api<{ total: number }>('offers.list', { companyId: company.data!.id })).data!.total).toBe(1)
})

test('a product at 7 % with a German list price saves, and an offer item picked from it takes over its price', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Brunsviga Präzisionstechnik GmbH', status: 'prospect' })
  await openApp(page, app, '/products')
  const product = page.getByRole('form', { name: 'Neues Produkt' })
  await product.getByLabel('Artikelnummer').fill('FB-1')
  await product.getByLabel('Bezeichnung').fill('Fachbuch Prüftechnik')
  await product.getByLabel('Listenpreis (€, netto)').fill('1.499,99')
  await product.getByLabel('USt.-Satz').selectOption({ label: '7 %' })
  await product.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('table', { name: 'Produkte und Preise' })).toContainText('1.499,99\u00a0€')
  const stored = await app.api<{ rows: Array<{ sku: string; listPriceCents: number; vatRate: number }> }>('products.list', {})
  expect(stored.data!.rows.map((p) => [p.sku, p.listPriceCents, p.vatRate])).toEqual([['FB-1', 149_999, 7]])

  await openApp(page, app, `/offers/new?companyId=${company.data!.id}`)
  const first = page.getByRole('form', { name: 'Angebot' }).getByRole('group', { name: 'Position 1' })
  await first.getByLabel('Produkt').selectOption({ label: 'FB-1 – Fachbuch Prüftechnik' })
  await expect(first.getByLabel('Einzelpreis (€, netto)')).toHaveValue('1.499,99')
  await expect(first.getByLabel('USt.')).toHaveValue('7')
  await expect(page.getByRole('table', { name: 'Summen' })).toContainText('zzgl. 7 % USt. auf 1.499,99\u00a0€')
})
