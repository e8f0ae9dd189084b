// Who may do what (issue 18), on the screen: a service user's laptop shows offers and their letters but every field
// of an offer, prices included, read-only with the reason on hover, no edit, send or decision buttons, and no new
// products; the same laptop signed in as a field rep may edit. German and English, 1280×720.
import { expect, must, openApp, test } from './fixtures'
import { signInAs } from './sign-in'



test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('a service user sees offers and prices read-only, with the reason; a field rep may edit', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await must(app, 'companies.create', { name: 'Weserwerft Technik GmbH', status: 'customer', city: 'Bremen', federalState: 'HB' })
  const item = { productId: '', name: 'Prüfstand PS-200', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 1_250_050, vatRate: 7, discountPercent: 0, optional: false }
  const offer = await must<{ id: string; number: string }>(app, 'offers.create', {
    companyId: company.id, contactId: '', conversationId: '', offerDate: '2026-11-30', validUntil: '2026-12-30', offerDiscountPercent: 0,
    paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: 'frei Haus', introduction: '', benefits: '', items: [item],
  })
  await signInAs(app.dbFile, 'service')

  await openApp(page, app, `/offers/${offer.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(offer.number)
  await expect(page.getByRole('note')).toHaveText('Ihre Rolle darf Angebote nicht ändern.')
  await expect(page.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Zurückziehen' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'PDF', exact: true })).toBeVisible()

  // Opened by its address anyway: every field read-only, the save refused before the click, the reason on hover.
  await openApp(page, app, `/offers/${offer.id}/edit`)
  const form = page.getByRole('form', { name: 'Angebot' })
  const price = form.getByLabel('Einzelpreis (€, netto)')
  await expect(price).toHaveValue('12.500,50')
  await expect(price).toBeDisabled()
  await expect(form.getByLabel('Rabatt %').first()).toBeDisabled()
  await expect(form.getByRole('button', { name: 'Speichern' })).toBeDisabled()
  await expect(form.getByRole('button', { name: 'Speichern' })).toHaveAttribute('title', 'Ihre Rolle darf Angebote nicht ändern.')
  await page.screenshot({ path: test.info().outputPath('rights-service-offer-de.png') })

  await openApp(page, app, '/products')
  await expect(page.getByRole('note')).toHaveText('Ihre Rolle darf Preise nicht ändern.')
  await expect(page.getByRole('form', { name: 'Neues Produkt' })).toHaveCount(0)

  await must(app, 'settings.update', { language: 'en' })
  await openApp(page, app, `/offers/${offer.id}/edit`)
  await expect(page.getByRole('note')).toHaveText('Your role may not change offers.')
  await page.screenshot({ path: test.info().outputPath('rights-service-offer-en.png') })

  // The same laptop signed in as a field rep: the offer may be edited.
  await must(app, 'settings.update', { language: 'de' })
  await signInAs(app.dbFile, 'field_sales')
  await openApp(page, app, `/offers/${offer.id}`)
  await expect(page.getByRole('link', { name: 'Bearbeiten' })).toBeVisible()
  await page.getByRole('link', { name: 'Bearbeiten' }).click()
  await expect(page.getByRole('form', { name: 'Angebot' }).getByLabel('Einzelpreis (€, netto)')).toBeEnabled()
  await expect(page.getByRole('note')).toHaveCount(0)
})
