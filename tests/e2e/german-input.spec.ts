// Quantities, percentages and dates typed as a German user types them (issue 13 item 2), run in a German
// and in a US-English browser (playwright.config.ts): "1.250" is a thousand two hundred and fifty and is
// shown back grouped, "2,5" is two and a half, dates are TT.MM.JJJJ — never the browser's mm/dd/yyyy —
// and what is stored is the number, integer cents and ISO days.
import { expect, openApp, test } from './fixtures'

interface StoredOffer {
  validUntil: string
  offerDiscountPercent: number
  items: Array<{ quantity: number; unitPriceCents: number; discountPercent: number }>
  totals: { itemsNetCents: number; offerDiscountCents: number; netCents: number }
}

test('quantities, discounts and dates typed the German way are read as meant and stored as numbers and ISO days', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weserland Armaturen GmbH', status: 'prospect', city: 'Hameln', federalState: 'NI' })
  await openApp(page, app, `/offers/new?companyId=${company.data!.id}`)
  const form = page.getByRole('form', { name: 'Angebot' })

  // The date fields are text in the German pattern, whatever the browser's locale.
  const validUntil = form.getByLabel('Gültig bis')
  await expect(validUntil).toHaveAttribute('placeholder', 'TT.MM.JJJJ')
  await expect(validUntil).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/)
  await validUntil.fill('15.1.2027')
  await validUntil.blur()
  await expect(validUntil).toHaveValue('15.01.2027')

  const item = form.getByRole('group', { name: 'Position 1' })
  await item.getByLabel('Bezeichnung').fill('Kugelhahn DN 50')
  const quantity = item.getByLabel('Menge')
  await quantity.fill('1.250')
  await quantity.blur()
  await expect(quantity).toHaveValue('1.250')
  await item.getByLabel('Einzelpreis (€, netto)').fill('12,5')
  await item.getByLabel('Einzelpreis (€, netto)').blur()
  await expect(item.getByLabel('Einzelpreis (€, netto)')).toHaveValue('12,50')
  await item.getByLabel('Rabatt %').fill('2,5')
  await form.getByLabel('Angebotsrabatt in %').fill('5')

  // 1.250 × 12,50 € = 15.625,00 €, less 2,5 % = 15.234,38 €; the offer discount line says its percentage.
  const totals = page.getByRole('table', { name: 'Summen' })
  await expect(totals).toContainText('15.234,38\u00a0€')
  await expect(totals).toContainText('Angebotsrabatt 5 %')

  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-\d{4}-/ })).toBeVisible()
  const id = /#\/offers\/([\w-]+)$/.exec(page.url())![1]!
  const stored = (await app.api<StoredOffer>('offers.get', { id })).data!
  expect(stored.validUntil).toBe('2027-01-15')
  expect(stored.offerDiscountPercent).toBe(5)
  expect(stored.items.map((i) => [i.quantity, i.unitPriceCents, i.discountPercent])).toEqual([[1250, 1250, 2.5]])
  expect(stored.totals.itemsNetCents).toBe(1_523_438)
})

test('a date that does not exist and a quantity that is no number are refused at their fields; nothing is saved', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weserland Armaturen GmbH', status: 'prospect' })
  await openApp(page, app, `/offers/new?companyId=${company.data!.id}`)
  const form = page.getByRole('form', { name: 'Angebot' })
  await form.getByLabel('Gültig bis').fill('31.02.2027')
  const item = form.getByRole('group', { name: 'Position 1' })
  await item.getByLabel('Bezeichnung').fill('Kugelhahn DN 50')
  await item.getByLabel('Menge').fill('zwei')
  await item.getByLabel('Einzelpreis (€, netto)').fill('100')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByLabel('Gültig bis')).toHaveAttribute('aria-invalid', 'true')
  await expect(item.getByLabel('Menge')).toHaveAttribute('aria-invalid', 'true')
  // What was typed stays, so it can be corrected.
  await expect(form.getByLabel('Gültig bis')).toHaveValue('31.02.2027')
  expect((await app.api<{ total: number }>('offers.list', {})).data!.total).toBe(0)

  await form.getByLabel('Gültig bis').fill('28.02.2027')
  await item.getByLabel('Menge').fill('2')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-\d{4}-/ })).toBeVisible()
  expect((await app.api<{ total: number }>('offers.list', {})).data!.total).toBe(1)
})

test('a report range is typed as TT.MM.JJJJ and a list filter reads it', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await openApp(page, app, '/reports/order-rate')
  const from = page.getByLabel('Von', { exact: true })
  await expect(from).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/)
  await from.fill('01.03.2026')
  await from.blur()
  await expect(from).toHaveValue('01.03.2026')
  await expect(page.getByLabel('Von', { exact: true })).not.toHaveAttribute('aria-invalid', 'true')
})

test('"Neues Angebot" from all offers: the customer is chosen in the form (issue 13 item 9)', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.api('companies.create', { name: 'Weserland Armaturen GmbH', status: 'prospect', city: 'Hameln' })
  await openApp(page, app, '/offers')
  await page.getByRole('link', { name: 'Neues Angebot' }).click()
  const form = page.getByRole('form', { name: 'Angebot' })
  await form.getByLabel('Firma').fill('Weserland Armaturen GmbH')
  // The picker chooses a typed name once its search has answered (the name among its suggestions): a save clicked
  // before that finds no customer (a known limit of the picker, see the README).
  await expect(form.locator('datalist option[value="Weserland Armaturen GmbH"]')).toHaveCount(1)
  const item = form.getByRole('group', { name: 'Position 1' })
  await item.getByLabel('Bezeichnung').fill('Kugelhahn DN 50')
  await item.getByLabel('Einzelpreis (€, netto)').fill('99,90')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-\d{4}-/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Weserland Armaturen GmbH' }).first()).toBeVisible()
})

test('a touchpoint: the time typed as TT.MM.JJJJ HH:MM; a note over the limit says the limit and counts, and nothing is saved', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weserland Armaturen GmbH', status: 'customer' })
  await openApp(page, app, `/touchpoints/new?companyId=${company.data!.id}`)
  const when = page.getByLabel('Zeitpunkt')
  await expect(when).toHaveAttribute('placeholder', 'TT.MM.JJJJ HH:MM')
  await when.fill('19.11.2026 14:30')
  const summary = page.getByLabel('Zusammenfassung')
  await summary.fill('Rückruf. '.repeat(460))
  await expect(page.getByText('4.140 von 4.000 Zeichen')).toBeVisible()
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'höchstens 4.000 Zeichen' })).toBeVisible()
  expect((await app.api<{ total: number }>('touchpoints.list', { companyId: company.data!.id })).data!.total).toBe(0)

  await summary.fill('Rückruf wegen Wartungstermin')
  await page.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Weserland Armaturen GmbH' })).toBeVisible()
  const stored = await app.api<{ rows: Array<{ occurredAt: string }> }>('touchpoints.list', { companyId: company.data!.id })
  // 14:30 in Berlin in November is 13:30 UTC.
  expect(stored.data!.rows.map((r) => r.occurredAt)).toEqual(['2026-11-19T13:30:00.000Z'])
})

test('a service case: "Eingegangen am" typed as TT.MM.JJJJ HH:MM, a mistyped time refused at the field instead of silently kept', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weserland Armaturen GmbH', status: 'customer' })
  await openApp(page, app, `/cases/new?companyId=${company.data!.id}`)
  const form = page.getByRole('form', { name: 'Servicefall' })
  await form.getByLabel('Betreff').fill('Kugelhahn undicht')
  const received = form.getByLabel('Eingegangen am')
  await received.fill('20.11.2026 25:15')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(received).toHaveAttribute('aria-invalid', 'true')
  expect((await app.api<{ total: number }>('cases.list', { companyId: company.data!.id })).data!.total).toBe(0)
  await received.fill('20.11.2026 09:15')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: / S-\d{4}-/ })).toBeVisible()
  const id = /#\/cases\/([\w-]+)$/.exec(page.url())![1]!
  // 09:15 in Berlin in November is 08:15 UTC.
  expect((await app.api<{ receivedAt: string }>('cases.get', { id })).data!.receivedAt).toBe('2026-11-20T08:15:00.000Z')
})
