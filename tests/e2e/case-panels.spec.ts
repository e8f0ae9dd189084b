// The panels a case is worked with (issue 12 finding 7): each is a react-hook-form on its channel's
// schema, so a bad entry is refused at its field (before sending, and when main refuses it), and a
// double-clicked save sends once. Screenshots of the case page with its panels open, at 1280×720.
import { expect, openApp, test, type AppServer } from './fixtures'

interface StoredCase {
  events: Array<{ kind: string; text: string }>
}

async function warrantyCase(app: AppServer, delivered: string) {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Elbe Hydraulik GmbH', status: 'customer', city: 'Hamburg', federalState: 'HH', segment: 'mid_market' })
  const companyId = company.data!.id
  const product = await app.api<{ id: string }>('products.create', { sku: 'HP-40', name: 'Hydraulikpresse HP-40', description: '', unit: 'Stück', listPriceCents: 2_450_000, vatRate: 19, warrantyMonths: 24, active: true })
  const asset = await app.api<{ id: string }>('assets.create', { companyId, productId: product.data!.id, name: 'Presse Halle 2', serialNumber: 'HP-0815', deliveredOn: delivered })
  const created = await app.api<{ id: string }>('cases.create', {
    type: 'warranty', companyId, assetId: asset.data!.id, channel: 'phone', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Zylinder verliert Druck', description: '', priority: 'normal',
  })
  expect(created.ok).toBe(true)
  return created.data!.id
}

test('a warranty decision without a reason, a rating without a choice and goodwill that is no amount are refused at their fields', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const id = await warrantyCase(app, '2023-05-01')
  await openApp(page, app, `/cases/${id}`)
  const decision = page.getByRole('form', { name: 'Entscheidung' })
  // Refused before sending: a rejection needs its reason, shown at the reason field.
  await decision.getByLabel('Entscheidung').selectOption({ label: 'Abgelehnt' })
  await decision.getByRole('button', { name: 'Entscheidung speichern' }).click()
  const reason = decision.getByLabel('Begründung')
  await expect(reason).toHaveAttribute('aria-invalid', 'true')
  await expect(reason).toHaveAccessibleDescription('Bitte die Entscheidung begründen.')
  // Refused by main: outside the warranty "accepted" is not possible, shown at the decision field.
  await decision.getByLabel('Entscheidung').selectOption({ label: 'Anerkannt' })
  await decision.getByRole('button', { name: 'Entscheidung speichern' }).click()
  await expect(decision.getByLabel('Entscheidung')).toHaveAccessibleDescription('Die Anlage war nicht in der Garantie – ablehnen oder Kulanz.')
  expect((await app.api<StoredCase>('cases.get', { id })).data!.events.filter((e) => e.kind === 'decision')).toHaveLength(0)

  // A resolved complaint: rating without choosing a level is refused at the field.
  const company = await app.api<{ id: string }>('companies.create', { name: 'Alster Antriebe KG', status: 'customer', federalState: 'HH' })
  const complaint = await app.api<{ id: string }>('cases.create', {
    type: 'complaint', companyId: company.data!.id, channel: 'email', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Lieferung unvollständig', description: '', priority: 'normal', category: 'delivery',
  })
  const complaintId = complaint.data!.id
  await app.api('cases.complaint', { id: complaintId, category: 'delivery', rootCause: 'Packliste unvollständig', correctiveAction: 'Nachlieferung', goodwillCents: 0 })
  await app.api('cases.transition', { id: complaintId, to: 'acknowledged', note: '', customerInformed: false, rejectionReason: '' })
  await app.api('cases.transition', { id: complaintId, to: 'resolved', note: '', customerInformed: false, rejectionReason: '' })
  await openApp(page, app, `/cases/${complaintId}`)
  const rating = page.getByRole('form', { name: 'Zufriedenheit des Kunden' })
  await rating.getByRole('button', { name: 'Zufriedenheit speichern' }).click()
  await expect(rating.getByLabel('Zufriedenheit des Kunden')).toHaveAccessibleDescription('Bitte 1 bis 5 angeben.')
  await rating.getByLabel('Zufriedenheit des Kunden').selectOption({ label: '5 – sehr zufrieden' })
  await rating.getByRole('button', { name: 'Zufriedenheit speichern' }).click()
  await expect(page.getByText('Erfasst: 5 von 5')).toBeVisible()
  await expect(rating.getByLabel('Zufriedenheit des Kunden')).not.toHaveAttribute('aria-invalid', 'true')

  // Goodwill that is not an amount is refused at its field; typed German it is stored as cents, and
  // an empty field means no goodwill.
  const analysis = page.getByRole('form', { name: 'Analyse' })
  const goodwill = analysis.getByLabel('Kulanzkosten (€)')
  await goodwill.fill('zwölf Euro')
  await analysis.getByRole('button', { name: 'Analyse speichern' }).click()
  await expect(goodwill).toHaveAccessibleDescription('Bitte eine Zahl eingeben.')
  await goodwill.fill('1.250,50')
  await analysis.getByRole('button', { name: 'Analyse speichern' }).click()
  await expect.poll(async () => (await app.api<{ goodwillCents: number }>('cases.get', { id: complaintId })).data!.goodwillCents).toBe(125_050)
  await goodwill.fill('')
  await analysis.getByRole('button', { name: 'Analyse speichern' }).click()
  await expect.poll(async () => (await app.api<{ goodwillCents: number }>('cases.get', { id: complaintId })).data!.goodwillCents).toBe(0)
  await expect(goodwill).toHaveValue('')
})

test('a double-clicked save records one decision and one note', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  const id = await warrantyCase(app, '2023-05-01')
  await openApp(page, app, `/cases/${id}`)
  const decision = page.getByRole('form', { name: 'Entscheidung' })
  await decision.getByLabel('Entscheidung').selectOption({ label: 'Kulanz' })
  await decision.getByLabel('Begründung').fill('Langjähriger Kunde: Dichtungssatz kostenlos')
  await decision.getByRole('button', { name: 'Entscheidung speichern' }).dblclick()
  const timeline = page.getByRole('list', { name: 'Verlauf' })
  await expect(timeline).toContainText('Garantie: Kulanz – Langjähriger Kunde')

  const note = page.getByRole('form', { name: 'Notiz hinzufügen' })
  await note.getByLabel('Notiz').fill('Dichtungssatz bestellt')
  await note.getByRole('button', { name: 'Notiz hinzufügen' }).dblclick()
  await expect(timeline).toContainText('Dichtungssatz bestellt')
  await expect(note.getByLabel('Notiz')).toHaveValue('')

  const stored = await app.api<StoredCase>('cases.get', { id })
  expect(stored.data!.events.filter((e) => e.kind === 'decision')).toHaveLength(1)
  expect(stored.data!.events.filter((e) => e.kind === 'note' && e.text === 'Dichtungssatz bestellt')).toHaveLength(1)
  await expect(timeline.getByRole('listitem')).toHaveCount(3) // opened, decided, the note
})

test('the case page with its panels open looks right at 1280×720', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await page.setViewportSize({ width: 1280, height: 720 })
  const company = await app.api<{ id: string }>('companies.create', { name: 'Weserwerft Technik GmbH', status: 'customer', federalState: 'HB' })
  const complaint = await app.api<{ id: string }>('cases.create', {
    type: 'complaint', companyId: company.data!.id, channel: 'phone', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Prüfstand zeigt falsche Drücke', description: 'Seit der Lieferung weichen die Messwerte um 5 % ab.', priority: 'high', category: 'product_defect',
  })
  await openApp(page, app, `/cases/${complaint.data!.id}`)
  await page.getByText('Bearbeiter oder Priorität ändern').click()
  await page.getByRole('button', { name: 'Ablehnen', exact: true }).click()
  await page.getByRole('button', { name: 'Fall ablehnen' }).click()
  await expect(page.getByRole('form', { name: 'Ablehnen' }).getByRole('alert')).toBeVisible()
  await page.screenshot({ path: 'test-results/case-panels-complaint.png' })
  // The main area scrolls on its own; its lower half is the second picture.
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
  await page.screenshot({ path: 'test-results/case-panels-complaint-lower.png' })

  const warranty = await warrantyCase(app, '2023-05-01')
  await openApp(page, app, `/cases/${warranty}`)
  const decision = page.getByRole('form', { name: 'Entscheidung' })
  await decision.getByLabel('Entscheidung').selectOption({ label: 'Abgelehnt' })
  await decision.getByRole('button', { name: 'Entscheidung speichern' }).click()
  await expect(decision.getByRole('alert').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/case-panels-warranty.png' })

  const returned = await app.api<{ id: string }>('cases.create', {
    type: 'return', companyId: company.data!.id, channel: 'email', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Falsche Sensoren geliefert', description: '', priority: 'normal',
    lines: [{ name: 'Sensorkit Temperatur/Druck', quantity: 4, reason: 'wrong_item' }, { name: 'Ersatzteilpaket Verschleißteile', quantity: 1, reason: 'not_needed' }],
  })
  await openApp(page, app, `/cases/${returned.data!.id}`)
  await page.getByRole('form', { name: 'Stand der Retoure' }).getByLabel('Notiz').fill('Rücksendeetikett per E-Mail')
  await page.getByRole('button', { name: 'Ablehnen', exact: true }).click()
  await page.screenshot({ path: 'test-results/case-panels-return.png' })
})
