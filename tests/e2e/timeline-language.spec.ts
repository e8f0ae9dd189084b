// What the app records on a timeline is stored as a message key and parameters, so an English reader sees
// English entries: a contract signed and cancelled on the customer's timeline, a case's steps on its own.
import { expect, openApp, test } from './fixtures'

test('an English user sees the contract and case entries of a timeline in English', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await app.api<{ id: string }>('companies.create', { name: 'Nordlicht Logistik AG', status: 'customer', federalState: 'HH', segment: 'enterprise' })
  const companyId = company.data!.id
  const contract = await app.api<{ id: string; number: string }>('contracts.create', {
    companyId, type: 'software', title: 'Flottenportal', startDate: '2026-01-01', minimumTermMonths: 24, noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 3_000_000,
  })
  await app.api('contracts.cancel', { id: contract.data!.id, cancelledBy: 'customer', receivedOn: '2026-11-20', reason: 'competitor', note: '' })
  const created = await app.api<{ id: string; number: string }>('cases.create', {
    type: 'complaint', companyId, channel: 'phone', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Portal langsam', description: '', priority: 'normal', category: 'other',
  })
  expect(created.ok).toBe(true)

  await openApp(page, app)
  await page.getByLabel('Sprache').first().selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible()

  // The case: a step taken in English, the customer informed.
  await openApp(page, app, `/cases/${created.data!.id}`)
  await page.getByRole('button', { name: 'Acknowledge', exact: true }).click()
  const step = page.getByRole('form', { name: 'Acknowledge' })
  await step.getByLabel('Customer informed').check()
  await step.getByRole('button', { name: 'Confirm receipt' }).click()
  const caseTimeline = page.getByRole('list', { name: 'Timeline' })
  await expect(caseTimeline).toContainText('Case opened – Portal langsam')
  await expect(caseTimeline).toContainText('Status: Acknowledged')

  // The customer's timeline: the contract's and the case's entries, in English, dates as the reader writes them.
  await openApp(page, app, `/companies/${companyId}`)
  const timeline = page.getByRole('list', { name: 'Timeline' })
  await expect(timeline).toContainText(`Contract ${contract.data!.number} signed: Flottenportal, starting 01/01/2026`)
  await expect(timeline).toContainText(`Contract ${contract.data!.number} cancelled by the customer as of 31/12/2027 (received 20/11/2026)`)
  await expect(timeline).toContainText(`Complaint ${created.data!.number} – Portal langsam`)
  await expect(timeline).toContainText(`Customer informed (${created.data!.number}): Status: Acknowledged`)
  await expect(timeline).not.toContainText('Vertrag')

  // The same rows for a German reader.
  await page.getByLabel('Language').first().selectOption('de')
  await expect(page.getByRole('list', { name: 'Verlauf' })).toContainText(`Vertrag ${contract.data!.number} vom Kunden gekündigt zum 31.12.2027 (Eingang 20.11.2026)`)
})
