// Early-warning triggers (issue 17), clicked through as a person would in Chromium (de-DE, 1280×720): a detractor
// answer typed through the feedback form puts the trigger's task on the owner's work list and the firing on the
// customer's page; a manager edits a rule — a threshold outside its range is refused at the field and nothing is
// saved, a double click on "Speichern" saves once; the follow-up report counts it.
import { expect, openApp, test } from './fixtures'

const must = async <T = { id: string }>(app: { api<A>(c: string, i: unknown): Promise<{ ok: boolean; data?: A; error?: unknown }> }, channel: string, input: unknown): Promise<T> => {
  const answer = await app.api<T>(channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data!
}
const todayTyped = () => {
  const iso = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' })
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
}

test('a detractor answer typed in the feedback form puts the trigger\'s task on the owner\'s work list', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await page.setViewportSize({ width: 1280, height: 720 })
  const company = await must(app, 'companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'customer', segment: 'enterprise', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig', federalState: 'NI' })
  await must(app, 'touchpoints.create', { companyId: company.id, occurredAt: new Date().toISOString(), channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Jahresgespräch' })

  await openApp(page, app, `/companies/${company.id}`)
  const panel = page.getByRole('region', { name: 'Frühwarnungen' })
  await expect(panel.getByText('Keine Frühwarnung ausgelöst.')).toBeVisible()
  await page.getByRole('link', { name: 'Feedback erfassen' }).click()
  const form = page.getByRole('form', { name: 'Feedback' })
  await form.getByRole('combobox', { name: 'Art', exact: true }).selectOption({ label: 'NPS' })
  await form.getByRole('textbox', { name: 'Datum' }).fill(todayTyped())
  await form.getByLabel('Weiterempfehlung (0–10)').fill('4')
  await form.getByLabel('Kommentar').fill('Lieferung zu spät, keiner ruft zurück')
  await form.getByRole('button', { name: 'Speichern' }).dblclick()

  // On the customer's page: one firing, its reason and its open task.
  await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Maschinenbau GmbH' })).toBeVisible()
  const firings = panel.getByRole('table', { name: 'Frühwarnungen' })
  await expect(firings.getByRole('row')).toHaveCount(2)
  await expect(firings).toContainText('Kritiker-Antwort (NPS)')
  await expect(firings).toContainText(`NPS-Antwort 4 vom ${todayTyped()}`)
  await expect(firings).toContainText('offen')
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('company-firings-de.png') })

  // The owner's work list: the task with the suggested next step.
  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  const entry = page.getByRole('listitem', { name: 'Aufgabe „Kritiker nachfassen: anrufen, Ursache klären“ – Brunsviga Maschinenbau GmbH' })
  await expect(entry).toBeVisible()
  await expect(entry).toContainText('Priorität Hoch')
  await page.screenshot({ path: test.info().outputPath('worklist-trigger-task-de.png') })
  const tasks = await must<Array<{ title: string; notes: string }>>(app, 'tasks.list', { companyId: company.id, status: 'all' })
  expect(tasks).toEqual([expect.objectContaining({ title: 'Kritiker nachfassen: anrufen, Ursache klären', notes: '' })])
  // The task's page says why, from the early warning; in English its title and occasion read in English.
  await entry.getByRole('link', { name: 'Kritiker nachfassen: anrufen, Ursache klären' }).click()
  await expect(page.getByText(`Frühwarnung „Kritiker-Antwort (NPS)“: NPS-Antwort 4 vom ${todayTyped()}`)).toBeVisible()
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: 'Follow up the detractor: call and find the cause' })).toBeVisible()
  await expect(page.getByText(/^Early warning “Detractor answer \(NPS\)”: NPS answer 4 of /)).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('trigger-task-en.png') })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')

  // The follow-up report counts it: one fired, one task, none done yet.
  await openApp(page, app, '/reports/triggers')
  const report = page.getByRole('table', { name: 'Frühwarnungen und Nachverfolgung' })
  await expect(report.getByRole('row', { name: /Kritiker-Antwort \(NPS\)/ })).toContainText('1')
  await expect(report.getByRole('row', { name: /Gesamt/ })).toContainText('0 %')
  await page.screenshot({ path: test.info().outputPath('trigger-report-de.png') })
})

test('a manager edits a rule: a bad threshold is refused at the field, a double click saves once', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await page.setViewportSize({ width: 1280, height: 720 })
  const pendingBefore = (await must<{ pendingChanges: number }>(app, 'app.info', {})).pendingChanges
  await openApp(page, app, '/companies')
  await page.getByRole('link', { name: 'Frühwarnungen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Frühwarnregeln' })).toBeVisible()
  const rules = page.getByRole('table', { name: 'Frühwarnregeln' })
  await expect(rules.getByRole('row', { name: /Kritiker-Antwort/ })).toContainText('NPS bis 6')
  await page.screenshot({ path: test.info().outputPath('trigger-rules-de.png') })

  await rules.getByRole('button', { name: 'Regel „Kritiker-Antwort (NPS)“ bearbeiten' }).click()
  const form = page.getByRole('form', { name: 'Regel „Kritiker-Antwort (NPS)“ bearbeiten' })
  await form.getByRole('textbox', { name: 'Schwelle' }).fill('11')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByText('Die Schwelle liegt außerhalb des erlaubten Bereichs.')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('trigger-rule-error-de.png') })
  expect((await must<{ pendingChanges: number }>(app, 'app.info', {})).pendingChanges).toBe(pendingBefore)

  await form.getByRole('textbox', { name: 'Schwelle' }).fill('5')
  await form.getByRole('combobox', { name: 'Aktion' }).selectOption({ label: 'Führungskraft informieren' })
  await expect(form.getByRole('combobox', { name: 'Zu informierende Führungskraft' })).toBeVisible()
  await form.getByRole('combobox', { name: 'Aktion' }).selectOption({ label: 'Aufgabe für den Betreuer' })
  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(form).toHaveCount(0)
  await expect(rules.getByRole('row', { name: /Kritiker-Antwort/ })).toContainText('NPS bis 5')
  const saved = await must<{ rules: Array<{ signal: string; threshold: number; edited: boolean }> }>(app, 'triggerRules.list', {})
  expect(saved.rules.find((r) => r.signal === 'detractor')).toMatchObject({ threshold: 5, edited: true })
  // One rule row, one outbox operation: the double click saved once.
  expect((await must<{ pendingChanges: number }>(app, 'app.info', {})).pendingChanges).toBe(pendingBefore + 1)
})

test('the lose dialog takes "Wieder melden am" for an offer lost for timing', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const company = await must(app, 'companies.create', { name: 'Hansa Prüftechnik GmbH', status: 'customer', street: 'Hafenstraße 2', postalCode: '20457', city: 'Hamburg', federalState: 'HH' })
  const contact = await must(app, 'contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jens', lastName: 'Hansen', language: 'de' })
  const iso = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' })
  const offer = await must(app, 'offers.create', {
    companyId: company.id, contactId: contact.id, offerDate: iso, validUntil: iso, offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }],
  })
  await must(app, 'offers.send', { id: offer.id })
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, `/offers/${offer.id}`)
  await page.getByRole('button', { name: 'Verloren' }).click()
  const form = page.getByRole('form', { name: 'Verloren' })
  await form.getByRole('combobox', { name: 'Grund für den Verlust' }).selectOption({ label: 'Zeitpunkt' })
  await form.getByRole('textbox', { name: 'Wieder melden am (optional)' }).fill('01.03.2031')
  await page.screenshot({ path: test.info().outputPath('offer-lose-recontact-de.png') })
  await form.getByRole('button', { name: 'Als verloren buchen' }).click()
  await expect(page.getByText('wieder melden am 01.03.2031')).toBeVisible()
  const tasks = await must<Array<{ title: string; dueDate: string }>>(app, 'tasks.list', { companyId: company.id, status: 'all' })
  expect(tasks).toEqual([expect.objectContaining({ title: 'Verlorenes Angebot: Kunden wie vereinbart wieder ansprechen', dueDate: '2031-03-01' })])
})

