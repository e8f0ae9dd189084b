// Promises made in a pre-offer conversation (issue 15): typed the German way on the conversation's page
// (a double click on "Speichern" makes one), refused at the field when the date is not one or already past,
// on the work list, changed with the prompt "Kunde informieren" (a mail prefilled by the compose page), kept;
// and the conversation confirmation downloaded as a PDF.
import { expect, openApp, test, type AppServer } from './fixtures'

async function setUp(app: AppServer) {
  const must = async <T extends { id: string }>(channel: string, input: unknown): Promise<T> => {
    const answer = await app.api<T>(channel, input)
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
    return answer.data!
  }
  const company = await must('companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'prospect', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig', federalState: 'NI' })
  const contact = await must('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de' })
  const conversation = await must('conversations.create', {
    companyId: company.id, heldAt: '2026-11-27', situation: 'Zwei Prüfstände laufen im Dreischichtbetrieb', needs: 'Prüfzeiten halbieren\nDaten ins MES übernehmen',
    goals: 'Durchsatz steigern', worries: 'Stillstand bei der Umstellung', nextSteps: 'Angebot bis Mitte Dezember',
    participants: [{ contactId: contact.id, buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter', caresAbout: '' }],
  })
  return { company, contact, conversation }
}

test('a promise typed German lands on the work list, a changed date offers "Kunde informieren", and it is kept', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.restart({ today: '2026-11-30' })
  const { conversation } = await setUp(app)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, `/conversations/${conversation.id}`)
  const panel = page.getByRole('region', { name: 'Zusagen' })
  await panel.getByRole('button', { name: 'Zusage hinzufügen' }).click()
  const form = panel.getByRole('form', { name: 'Neue Zusage' })
  await form.getByLabel('Was wurde zugesagt?').fill('Referenzliste schicken')
  const due = form.getByRole('textbox', { name: 'Zugesagt bis' })

  // Not a date, and a date already past: each refused at the field, nothing saved.
  await due.fill('31.02.2026')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByRole('alert')).toBeVisible()
  await due.fill('27.11.2026')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByText('Bitte ein Datum ab heute wählen.')).toBeVisible()
  await panel.screenshot({ path: 'test-results/promises-panel-form.png' })

  await due.fill('04.12.2026')
  await form.getByLabel('Ansprechpartner').selectOption({ label: 'Anna Berger' })
  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  const table = panel.getByRole('table', { name: 'Zusagen zu diesem Gespräch' })
  const row = table.getByRole('row', { name: /Referenzliste schicken/ })
  await expect(row).toContainText('04.12.2026')
  await expect(row).toContainText('Anna Berger')
  await expect(row).toContainText('Offen')
  const listed = await app.api<Array<{ id: string; dueDate: string }>>('promises.list', { conversationId: conversation.id })
  expect(listed.data?.map((p) => p.dueDate)).toEqual(['2026-12-04'])
  const promiseId = listed.data![0]!.id
  await panel.screenshot({ path: 'test-results/promises-panel.png' })

  // On the work list, upcoming, its title linking back to the conversation.
  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  const upcoming = page.getByRole('region', { name: 'Demnächst' })
  await expect(upcoming.getByRole('link', { name: 'Referenzliste schicken' })).toHaveAttribute('href', new RegExp(`/conversations/${conversation.id}$`))
  await upcoming.getByRole('link', { name: 'Referenzliste schicken' }).click()

  // A new date: the customer should hear of it.
  await panel.getByRole('button', { name: 'Zusage „Referenzliste schicken“ ändern' }).click()
  const edit = panel.getByRole('form', { name: 'Zusage „Referenzliste schicken“ ändern' })
  await edit.getByRole('textbox', { name: 'Zugesagt bis' }).fill('11.12.2026')
  await edit.getByRole('button', { name: 'Speichern' }).click()
  await expect(panel.getByRole('status')).toContainText('Die Zusage „Referenzliste schicken“ hat sich geändert.')
  // Offered twice: in the notice of the change and in the promise's row (which may render a moment later).
  const inform = new RegExp(`/mail/compose\\?purpose=promise_changed&relatedId=${promiseId}$`)
  await expect(panel.getByRole('status').getByRole('link', { name: 'Kunde informieren' })).toHaveAttribute('href', inform)
  await expect(row.getByRole('link', { name: 'Kunde informieren' })).toHaveAttribute('href', inform)
  await expect(row).toContainText('11.12.2026')
  await expect(row).toContainText('geändert am 30.11.2026')
  await panel.screenshot({ path: 'test-results/promises-panel-changed.png' })

  // Kept: off the work list, a touchpoint on the timeline.
  await panel.getByRole('button', { name: 'Zusage „Referenzliste schicken“ erledigt' }).click()
  await expect(row).toContainText('Eingehalten')
  await expect(row.getByRole('button')).toHaveCount(0)
  const after = await app.api<Array<{ status: string }>>('promises.list', { conversationId: conversation.id })
  expect(after.data?.map((p) => p.status)).toEqual(['kept'])
  const timeline = await app.api<unknown[]>('timeline.forRecord', { relatedType: 'promise', relatedId: promiseId })
  expect(timeline.data).toHaveLength(1)

  // The conversation confirmation: the PDF downloaded, or the mail with it prefilled by the compose page.
  const confirmation = page.getByRole('region', { name: 'Gesprächsbestätigung' })
  await expect(confirmation.getByRole('link', { name: 'Per E-Mail senden' })).toHaveAttribute('href', new RegExp(`/mail/compose\\?purpose=conversation_confirmation&relatedId=${conversation.id}$`))
  const download = page.waitForEvent('download')
  await confirmation.getByRole('button', { name: 'Gesprächsbestätigung (PDF)' }).click()
  expect((await download).suggestedFilename()).toMatch(/^Gespraechsbestaetigung-2026-11-27-Brunsviga-Maschinenbau-GmbH-[0-9a-f]{8}\.pdf$/)
  await expect(confirmation.getByRole('status')).toContainText('wurde erstellt')
  await confirmation.screenshot({ path: 'test-results/promises-confirmation.png' })
})
