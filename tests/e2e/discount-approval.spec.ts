// Discount approvals (issue 18) end to end with two laptops and the real sync server, de-DE at 1280×720: Anna (field
// sales, limit 10 %) cannot send her offer at 18 % — "Als versendet markieren" is refused with the reason; she
// requests the approval with a comment; after a sync, Nora (manager) on laptop B finds it on her work list, tries to
// decline without a reason (refused at its field), then approves; after the syncs Anna's offer is approved and sent.
import { startServerProcess } from '../helpers/server-process'
import { expect, must, openApp, test } from './fixtures'
import { connect, secondLaptop, syncNow, type Laptop } from './sync-helpers'

const VIEWPORT = { width: 1280, height: 720 }
const COMPANY = 'Brunsviga Messtechnik GmbH'

test.use({ viewport: VIEWPORT, locale: 'de-DE' })

test('a rep\'s offer at 18 % is blocked, approval requested, the manager on laptop B approves, after sync the rep sends it', async ({ page, app, browser, consoleErrors }) => {
  test.setTimeout(180_000)
  const server = await startServerProcess({ users: [
    { login: 'anna', name: 'Anna Becker', role: 'field_sales', team: 'Vertrieb Nord' },
    { login: 'nora', name: 'Nora Vogt', role: 'manager', team: 'Vertrieb Nord' },
  ] })
  let nora: Laptop | null = null
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'anna', 'Anna Becker')
    const company = await must(app, 'companies.create', { name: COMPANY, status: 'customer', street: 'Am Hafen 3', postalCode: '28217', city: 'Bremen', federalState: 'HB', segment: 'mid_market' })
    const today = new Date().toISOString().slice(0, 10)
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const offer = await must<{ id: string; number: string }>(app, 'offers.create', {
      companyId: company.id, offerDate: today, validUntil, offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 1_499_900, discountPercent: 18, vatRate: 19, optional: false }],
    })

    // Blocked: the box says why, sending is refused with the reason, nothing is sent.
    await openApp(page, app, `/offers/${offer.id}`)
    const box = page.getByRole('region', { name: 'Rabattfreigabe' })
    await expect(box.getByText('Über Ihrer Grenze (Positionsrabatt): Versenden erst nach Freigabe.')).toBeVisible()
    await page.getByRole('button', { name: 'Als versendet markieren' }).click()
    await expect(page.getByRole('alert')).toHaveText('Der Rabatt liegt über Ihrer Grenze: bitte zuerst die Freigabe anfordern.')
    expect((await must<{ status: string }>(app, 'offers.get', { id: offer.id })).status).toBe('draft')

    // Requested with a comment (a double click requests once).
    const request = box.getByRole('form', { name: 'Freigabe anfordern' })
    await request.getByLabel('Begründung für die Freigabe').fill('Rahmenvertrag über drei Jahre in Aussicht')
    await request.getByRole('button', { name: 'Freigabe anfordern' }).dblclick()
    await expect(box.getByText(/Anna Becker bittet um Freigabe \(Position 18 %, Angebot 0 %\)/)).toBeVisible()
    await expect(box.getByText('wartet auf Entscheidung')).toBeVisible()
    await expect(request).toHaveCount(0)
    await box.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('approval-requested-de.png') })
    await syncNow(page)

    // Laptop B: Nora, the manager, finds the request on her work list after the sync.
    nora = await secondLaptop(browser, VIEWPORT)
    await openApp(nora.page, nora.app, '/settings')
    await connect(nora.page, server, 'nora', 'Nora Vogt')
    await syncNow(nora.page)
    await openApp(nora.page, nora.app, '/follow-ups')
    const entry = nora.page.getByRole('listitem', { name: `Rabattfreigabe ${offer.number} – ${COMPANY}` })
    await expect(entry.getByText('Freigabe erbeten von Anna Becker · Position 18 % · Angebot 0 %')).toBeVisible()
    await nora.page.screenshot({ path: test.info().outputPath('approval-worklist-manager-de.png') })
    await entry.getByRole('link', { name: 'Zur Freigabe' }).click()
    const noraBox = nora.page.getByRole('region', { name: 'Rabattfreigabe' })
    const decide = noraBox.getByRole('form', { name: 'Freigeben' })
    // Declining needs a reason: refused at its field, nothing decided.
    await decide.getByRole('button', { name: 'Ablehnen' }).click()
    await expect(decide.getByLabel('Grund der Ablehnung')).toHaveAccessibleDescription(/Bitte einen Grund für die Ablehnung angeben/)
    await expect(noraBox.getByText('wartet auf Entscheidung')).toBeVisible()
    await noraBox.scrollIntoViewIfNeeded()
    await nora.page.screenshot({ path: test.info().outputPath('approval-decide-de.png') })
    await decide.getByRole('button', { name: 'Freigeben' }).dblclick()
    await expect(noraBox.getByText(/freigegeben von Nora Vogt/)).toBeVisible()
    await expect(decide).toHaveCount(0)
    await syncNow(nora.page)

    // The manager's team rules hold the limits per role (a screenshot of the section).
    await openApp(nora.page, nora.app, '/settings')
    const limits = nora.page.getByRole('group', { name: 'Rabattgrenzen je Rolle' })
    await expect(limits.getByLabel('Außendienst: Positionsrabatt bis %')).toHaveValue('10')
    await limits.scrollIntoViewIfNeeded()
    await nora.page.screenshot({ path: test.info().outputPath('approval-limits-de.png') })

    // Back on laptop A: after the sync the decision is on Anna's work list until she notes it; the offer goes out.
    await syncNow(page)
    await openApp(page, app, '/follow-ups')
    const decided = page.getByRole('listitem', { name: `Rabattfreigabe ${offer.number} – ${COMPANY}` })
    await expect(decided.getByText('Freigegeben von Nora Vogt')).toBeVisible()
    await decided.getByRole('button', { name: 'Zur Kenntnis genommen' }).click()
    await expect(decided).toHaveCount(0)
    await openApp(page, app, `/offers/${offer.id}`)
    await expect(box.getByText('Freigegeben: das Angebot kann versendet werden.')).toBeVisible()
    await expect(box.getByText(/freigegeben von Nora Vogt/)).toBeVisible()
    await page.getByRole('button', { name: 'Als versendet markieren' }).click()
    await expect(page.getByRole('status').filter({ hasText: /versendet/ }).first()).toBeVisible()
    expect((await must<{ status: string }>(app, 'offers.get', { id: offer.id })).status).toBe('sent')
    await box.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('approval-sent-de.png') })
    await openApp(page, app, '/reports/order-rate')
    const kpi = page.getByRole('group', { name: 'Angebote mit Rabattfreigabe' })
    await expect(kpi.getByText(/Zeit bis zur Entscheidung \(Median\): [\d,]+ Std\. · 1 entschieden/)).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('approval-report-de.png') })
    expect(nora.consoleErrors).toEqual([])
    void consoleErrors
  } finally {
    await nora?.close()
    await server.cleanup()
  }
})
