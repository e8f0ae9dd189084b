// DSGVO Art. 17 as a user does it: from the contact's form to "Person löschen (DSGVO)", the confirmation
// that says what happens, the question about the open offer addressed to her (asked again when skipped),
// a double click on the final button that erases once, and the entry in the erasure log under
// Einstellungen — ids, who and when, no name.
import { expect, openApp, test } from './fixtures'

test('erasing a person who is the addressee of an open offer', async ({ page, app, consoleErrors: _ }) => {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'customer' })
  if (!company.ok || !company.data) throw new Error('company not created')
  const contact = await app.api<{ id: string }>('contacts.create', {
    companyId: company.data.id, salutation: 'ms', title: 'Dr.', firstName: 'Wendelgard', lastName: 'Qxzyborski', email: 'w.qxzyborski@kunde.example', language: 'de',
  })
  if (!contact.ok || !contact.data) throw new Error('contact not created')
  const offer = await app.api<{ id: string; number: string }>('offers.create', {
    companyId: company.data.id, contactId: contact.data.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 0, vatRate: 19, optional: false }],
  })
  if (!offer.ok || !offer.data) throw new Error('offer not created')
  expect((await app.api('offers.send', { id: offer.data.id })).ok).toBe(true)

  await openApp(page, app, `/contacts/${contact.data.id}/edit`)
  await page.getByRole('link', { name: 'Person löschen (DSGVO)' }).click()
  await expect(page.getByRole('heading', { name: 'Person löschen (DSGVO Art. 17)' })).toBeVisible()
  await expect(page.getByText('Wendelgard Qxzyborski · Brunsviga Maschinenbau GmbH')).toBeVisible()
  await expect(page.getByText(/auf diesem Gerät, auf dem Sync-Server und bei der nächsten Synchronisation auf allen anderen Geräten/)).toBeVisible()
  await expect(page.getByText(/bleiben anonymisiert erhalten: .*1 Angebot/)).toBeVisible()
  await expect(page.getByText(/kann nicht rückgängig gemacht werden/)).toBeVisible()

  const question = page.getByRole('group', { name: new RegExp(`offenen Angebots: ${offer.data.number}`) })
  await expect(question).toBeVisible()
  // Without an answer nothing is erased: the question says so at the choice.
  await page.getByRole('button', { name: 'Endgültig löschen' }).click()
  await expect(question.getByRole('alert')).toHaveText('Bitte wählen Sie, was mit den offenen Angeboten geschehen soll.')
  expect((await app.api('contacts.get', { id: contact.data.id })).ok).toBe(true)

  await question.getByRole('radio', { name: 'Angebot zurückziehen' }).check()
  await page.getByRole('button', { name: 'Endgültig löschen' }).dblclick()
  await expect(page.getByRole('status').filter({ hasText: 'Die Person' })).toHaveText('Die Person wurde gelöscht. Die anderen Geräte löschen sie bei ihrer nächsten Synchronisation.')

  expect((await app.api('contacts.get', { id: contact.data.id })).error?.code).toBe('not_found')
  const after = await app.api<{ status: string; contactId: string; contactName: string }>('offers.get', { id: offer.data.id })
  expect(after.data).toMatchObject({ status: 'withdrawn', contactId: '', contactName: '' })
  const log = await app.api<{ entries: Array<{ rowId: string }> }>('erasures.list', {})
  expect(log.data?.entries.map((e) => e.rowId)).toEqual([contact.data.id]) // the double click erased once

  await openApp(page, app, '/settings')
  const table = page.getByRole('table', { name: 'DSGVO-Löschprotokoll' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText(contact.data.id)
  await expect(table).toContainText('Angebot zurückziehen')
  await expect(page.getByText(/Qxzyborski/)).toHaveCount(0)
})
