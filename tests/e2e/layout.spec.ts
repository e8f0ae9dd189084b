// Every screen fits a 1280×720 laptop without scrolling sideways (issue 13 item 6). The routes come from
// app.tsx itself, so a new screen is checked without touching this test (a route with a parameter this
// test cannot fill fails it, instead of being skipped).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, openApp, test, type AppServer } from './fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

const ROUTES = [...readFileSync(path.resolve('renderer/src/app.tsx'), 'utf8').matchAll(/<Route path="([^"*]+)"/g)].map((m) => m[1]!).filter((r) => r !== '/')

async function sampleData(app: AppServer): Promise<Record<string, string>> {
  const must = async <T extends { id: string }>(channel: string, input: unknown): Promise<T> => {
    const answer = await app.api<T>(channel, input)
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
    return answer.data!
  }
  const company = await must('companies.create', {
    name: 'Norddeutsche Präzisionsmaschinen- und Anlagenbau Gesellschaft mit beschränkter Haftung', status: 'customer', city: 'Braunschweig', federalState: 'NI',
    street: 'Hansestraße 112–118 (Gewerbegebiet Nord, Halle 7)', notes: 'Lange Notiz '.repeat(80),
  })
  const contact = await must('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna-Katharina', lastName: 'Berger-Hohenstein', language: 'de', buyingRole: 'decision_maker', email: 'anna-katharina.berger-hohenstein@norddeutsche-praezisionsmaschinen.example' })
  const persona = await must('personas.create', { name: 'Einkäuferin Mittelstand', motto: 'Sicher ist sicher', formerCustomer: 'unknown' })
  const conversation = await must('conversations.create', {
    companyId: company.id, heldAt: '2026-11-12', needs: 'Prüfzeiten halbieren', worries: 'Stillstand',
    participants: [{ contactId: contact.id, buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter', caresAbout: 'Termintreue' }],
  })
  const item = { name: 'Prüfstand PS-200 mit Hydraulikaggregat, Steuerung und Software-Lizenz', description: 'Inbetriebnahme vor Ort', quantity: 1250, unit: 'Stück', unitPriceCents: 1_234_567, discountPercent: 2.5, vatRate: 19, optional: false }
  const offer = await must('offers.create', {
    companyId: company.id, contactId: contact.id, offerDate: '2026-11-20', validUntil: '2027-06-30', offerDiscountPercent: 5, paymentNetDays: 30, skontoPercent: 2, skontoDays: 10,
    items: [item, { ...item, name: 'Schulung', quantity: 2, vatRate: 7 }],
  })
  const contract = await must('contracts.create', {
    companyId: company.id, contactId: contact.id, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2027-01-01', minimumTermMonths: 12, endDate: '',
    noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, ownerId: '', notes: '', items: [item],
  })
  const product = await must('products.create', { sku: 'HP-40', name: 'Hydraulikpresse HP-40', description: '', unit: 'Stück', listPriceCents: 2_450_000, vatRate: 19, warrantyMonths: 24, active: true })
  const asset = await must('assets.create', { companyId: company.id, productId: product.id, name: 'Presse Halle 2', serialNumber: 'HP-0815', deliveredOn: '2026-05-01' })
  const serviceCase = await must('cases.create', {
    type: 'complaint', companyId: company.id, channel: 'phone', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Zylinder verliert Druck', description: '', priority: 'normal',
  })
  const task = await must('tasks.create', {
    companyId: company.id, contactId: contact.id, relatedType: 'offer', relatedId: offer.id, title: 'Frau Dr. Berger-Hohenstein wegen der Prüfstandsabnahme in Halle 7 zurückrufen',
    dueDate: '2099-12-01', dueTime: '10:30', priority: 'high', notes: 'Lange Notiz '.repeat(40),
  })
  const appointment = await must('appointments.create', {
    companyId: company.id, kind: 'visit', title: 'Abnahme Prüfstand PS-200 mit Hydraulikaggregat in Halle 7', startsAt: '2027-12-02T10:00', endsAt: '2027-12-02T11:30',
    location: '', notes: 'Lange Notiz '.repeat(40), contactIds: [contact.id], userIds: [],
  })
  return { id: company.id, station: 'use', tile: 'complaints', tasks: task.id, appointments: appointment.id, companies: company.id, contacts: contact.id, personas: persona.id, conversations: conversation.id, offers: offer.id, contracts: contract.id, assets: asset.id, cases: serviceCase.id }
}

test('no main page scrolls sideways at 1280×720', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(180_000)
  const ids = await sampleData(app)
  expect(ROUTES.length).toBeGreaterThan(30)
  const overflowing: string[] = []
  for (const route of ROUTES) {
    // ":id" after "/offers" is the offer's id, and so on; ":station" is a journey station.
    const filled = route.replace(/\/([\w-]+)\/:(\w+)/g, (_m, area: string, param: string) => `/${area}/${param === 'id' ? ids[area] : ids[param]}`)
    expect(filled, `route ${route} has a parameter this test cannot fill`).not.toMatch(/:|undefined/)
    // A new record is started from a customer, as the app starts it.
    // A mail is written about a record: the offer's.
    // A dashboard tile's rows: the complaints of 8–30 days.
    const target = filled === '/mail/compose' ? `${filled}?purpose=offer&relatedId=${ids.offers}` : filled === '/dashboard/complaints' ? `${filled}?key=month` : filled
    await openApp(page, app, target.endsWith('/new') ? `${target}?companyId=${ids.companies}` : target)
    await page.waitForLoadState('networkidle')
    await expect(page.getByRole('heading', { level: 1 }).first(), filled).toBeVisible()
    // A string, so the test (type-checked without DOM types) names the page's globals only there.
    const overflow = (await page.evaluate(`(() => {
      const root = document.documentElement
      const main = document.querySelector('.shell__main') ?? root
      return { page: root.scrollWidth - root.clientWidth, main: main.scrollWidth - main.clientWidth }
    })()`)) as { page: number; main: number }
    if (overflow.page > 0 || overflow.main > 0) overflowing.push(`${filled}: ${Math.max(overflow.page, overflow.main)} px`)
  }
  expect(overflowing).toEqual([])
})
