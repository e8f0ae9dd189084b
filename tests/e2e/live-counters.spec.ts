// The sidebar's station counters follow a change at once, without navigating (issue 13 item 11): a
// rejected service case moves the customer from "Unterstützung" back to "Angebot", and the counters say
// so while the case page stays open.
import { expect, openApp, test } from './fixtures'

test('a case step updates the station counters without navigating', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Okertal Messtechnik GmbH', status: 'customer', city: 'Goslar' })
  const created = await app.api<{ id: string }>('cases.create', {
    type: 'complaint', companyId: company.data!.id, channel: 'phone', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Anzeige flackert', description: '', priority: 'normal', category: 'other',
  })
  // An open offer: once the case is off the table, the customer is back at "Angebot".
  await app.api('offers.create', {
    companyId: company.data!.id, offerDate: '2026-11-20', validUntil: '2027-06-30', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Wartung', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19, optional: false }],
  })
  await openApp(page, app, `/cases/${created.data!.id}`)
  const support = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /^Unterstützung\b/ })
  await expect(support).toHaveText(/Unterstützung\s*1$/)

  await page.getByRole('button', { name: 'Ablehnen', exact: true }).click()
  const step = page.getByRole('form', { name: 'Ablehnen' })
  await step.getByLabel('Ablehnungsgrund').fill('Kein Mangel: Bedienfehler, am Telefon erklärt')
  await step.getByRole('button', { name: 'Fall ablehnen' }).click()
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText('Abgelehnt')
  // Still on the case's page, and the counter already moved.
  await expect(page).toHaveURL(new RegExp(`#/cases/${created.data!.id}$`))
  await expect(support).toHaveText(/Unterstützung\s*0$/)
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /^Angebot\b/ })).toHaveText(/Angebot\s*1$/)
})
