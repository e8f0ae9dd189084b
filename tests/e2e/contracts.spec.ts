// The contract and renewal stations end to end: win an offer → create the contract → the cancel-by
// date is shown → on the review day the renewal reminder is on the work list → renewal offer → won →
// the contract runs on with the new end date and value. Bad input is refused at its field.
import { expect, openApp, test } from './fixtures'

test('from a won offer to a contract that runs on after its renewal offer is won', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', {
    name: 'Isar Präzision GmbH', status: 'customer', street: 'Landsberger Straße 88', postalCode: '80339', city: 'München', federalState: 'BY', segment: 'mid_market',
  })
  const companyId = company.data!.id
  await app.api('contacts.create', { companyId, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'de', buyingRole: 'decision_maker' })
  const offer = await app.api<{ id: string; number: string }>('offers.create', {
    companyId, offerDate: '2026-11-20', validUntil: '2027-06-30', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Wartung Prüfstände', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19, optional: false }],
  })
  await app.api('offers.send', { id: offer.data!.id })

  // Won: the order is booked, and the contract is created from the offer.
  await openApp(page, app, `/offers/${offer.data!.id}`)
  await page.getByRole('button', { name: 'Gewonnen' }).click()
  const win = page.getByRole('form', { name: 'Gewonnen' })
  await win.getByLabel('Auftragsdatum').fill('2026-11-25')
  await win.getByRole('button', { name: 'Als gewonnen buchen' }).click()
  await page.getByRole('link', { name: 'Vertrag anlegen' }).click()

  const form = page.getByRole('form', { name: 'Vertrag' })
  await expect(form.getByText(`Aus dem gewonnenen Angebot ${offer.data!.number}`)).toBeVisible()
  await expect(form.getByLabel('Bezeichnung')).toHaveValue('Wartung Prüfstände')
  await expect(form.getByLabel('Jahreswert (€, netto)')).toHaveValue('12.000,00')
  await form.getByLabel('Vertragsart').selectOption({ label: 'Wartungsvertrag' })
  await form.getByLabel('Vertragsbeginn').fill('2027-01-01')
  // The notice does not fit into a two-month term: refused at the field, nothing saved.
  await form.getByLabel('Mindestlaufzeit (Monate)').fill('2')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByText('Die Kündigungsfrist ist länger als die Laufzeit.')).toBeVisible()
  expect((await app.api<{ total: number }>('contracts.list', {})).data!.total).toBe(0)
  await form.getByLabel('Mindestlaufzeit (Monate)').fill('12')
  // The dates are computed while typing: 3 months to the end of 2027 → cancel by 30 Sep 2027.
  const preview = form.getByRole('definition').filter({ hasText: '30.09.2027' })
  await expect(preview).toBeVisible()
  await form.getByRole('button', { name: 'Speichern' }).click()

  await expect(page.getByRole('heading', { level: 1, name: /^Vertrag V-2027-/ })).toBeVisible()
  const contractNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Vertrag ', '')
  await expect(page.getByText('Kündigung spätestens bis')).toBeVisible()
  await expect(page.getByText('30.09.2027', { exact: true })).toBeVisible()
  await expect(page.getByText('02.07.2027 · Verlängerung prüfen')).toBeVisible()

  // The review day: the app lives on 2 July 2027, and the reminder is on the work list today.
  await app.restart({ today: '2027-07-02' })
  await openApp(page, app, '/follow-ups')
  const today = page.getByRole('region', { name: 'Heute' })
  const reminder = today.getByRole('listitem', { name: `Verlängerung ${contractNumber} – Isar Präzision GmbH` })
  await expect(reminder).toBeVisible()
  await expect(reminder).toContainText('Kündigung bis 30.09.2027')
  await reminder.getByRole('link', { name: contractNumber }).click()

  // The renewal offer starts from the contract: items and the renewal term are taken over.
  await page.getByRole('link', { name: 'Verlängerungsangebot' }).click()
  const offerForm = page.getByRole('form', { name: 'Angebot' })
  await expect(offerForm.getByText(`Verlängerungsangebot zu Vertrag ${contractNumber}`)).toBeVisible()
  await expect(offerForm.getByLabel('Neue Laufzeit (Monate)')).toHaveValue('12')
  await expect(offerForm.getByRole('group', { name: 'Position 1' }).getByLabel('Bezeichnung')).toHaveValue('Wartung Prüfstände')
  await offerForm.getByLabel('Neue Laufzeit (Monate)').fill('24')
  await offerForm.getByRole('group', { name: 'Position 1' }).getByLabel('Einzelpreis (€, netto)').fill('12600')
  await offerForm.getByRole('button', { name: 'Speichern' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Angebot A-2027-/ })).toBeVisible()
  await page.getByRole('button', { name: 'Als versendet markieren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Versendet.' })).toBeVisible()
  await page.getByRole('button', { name: 'Gewonnen' }).click()
  await page.getByRole('form', { name: 'Gewonnen' }).getByRole('button', { name: 'Als gewonnen buchen' }).click()

  // The contract runs on: a new term of 24 months from 1 Jan 2028, the new value, new cancel-by date.
  await page.getByRole('link', { name: `Verlängerung von ${contractNumber}` }).click()
  await expect(page.getByText('Verlängert', { exact: true })).toBeVisible()
  await expect(page.getByText('01.01.2028 – 31.12.2029', { exact: true })).toBeVisible()
  await expect(page.getByText('30.09.2029', { exact: true })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^12\.600,00\s€$/ })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Laufzeiten' })).toContainText('verlängert per Angebot')

  // The contract list has it; its next cancel-by date is beyond the pipeline's 180 days.
  await page.getByRole('link', { name: 'Verträge', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Alle Verträge' })).toContainText(contractNumber)
})

test('a cancellation dated before the contract is refused at its field; a valid one ends the renewal reminders', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Nordlicht Logistik AG', status: 'customer', federalState: 'HH', segment: 'enterprise' })
  const contract = await app.api<{ id: string; number: string }>('contracts.create', {
    companyId: company.data!.id, type: 'software', title: 'Flottenportal', startDate: '2026-01-01', minimumTermMonths: 24, noticeValue: 3, noticeUnit: 'months',
    renewalMonths: 12, annualValueCents: 3_000_000,
  })
  await openApp(page, app, `/contracts/${contract.data!.id}`)
  await page.getByRole('button', { name: 'Kündigung erfassen' }).click()
  const form = page.getByRole('form', { name: 'Kündigung erfassen' })
  await form.getByLabel('Eingang der Kündigung').fill('2025-12-01')
  await form.getByLabel('Kündigungsgrund').selectOption({ label: 'Wechsel zum Wettbewerb' })
  await form.getByRole('button', { name: 'Kündigung speichern' }).click()
  await expect(form.getByText('Die Kündigung kann nicht vor Vertragsbeginn eingegangen sein.')).toBeVisible()
  expect((await app.api<{ status: string }>('contracts.get', { id: contract.data!.id })).data!.status).toBe('active')

  await form.getByLabel('Eingang der Kündigung').fill('2026-11-20')
  await form.getByRole('button', { name: 'Kündigung speichern' }).click()
  await expect(page.getByText('Vom Kunden gekündigt').first()).toBeVisible()
  await expect(page.getByText(/eingegangen am 20\.11\.2026, wirksam zum 31\.12\.2027/)).toBeVisible()
  await expect(page.getByText('Keine offenen Wiedervorlagen.')).toBeVisible()
  await page.getByRole('link', { name: 'Verlängerungsquote' }).click()
  await expect(page.getByRole('list', { name: 'Kündigungsgründe' })).toContainText('Wechsel zum Wettbewerb')
})

test('screens of the contract station look right (screenshots for the README)', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.api('demo.open')
  await openApp(page, app, '/contracts')
  await expect(page.getByRole('heading', { level: 1, name: 'Verträge und Verlängerungen' })).toBeVisible()
  await page.getByRole('button', { name: /Nächste 180 Tage/ }).click()
  await page.screenshot({ path: 'docs/screenshots/renewal-pipeline.png', fullPage: true })
  // A contract from the pipeline: it renews unless cancelled, so it can be edited.
  await page.getByRole('table', { name: 'Kündigungstermine in den nächsten 180 Tagen' }).getByRole('link', { name: /^V-/ }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: /^Vertrag V-/ })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/contract.png', fullPage: true })
  await page.getByRole('link', { name: 'Bearbeiten' }).click()
  await expect(page.getByRole('form', { name: 'Vertrag' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/contract-form.png', fullPage: true })
  await page.getByRole('link', { name: 'Verlängerungsquote' }).click()
  await expect(page.getByRole('list', { name: 'Kündigungsgründe' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/renewal-rate.png', fullPage: true })
})
