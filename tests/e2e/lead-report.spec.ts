// The lead report end to end (issue 19, de-DE and en, 1280×720): marketing posts three leads to the real sync server
// (webinar 72, trade fair 55 and 30 points); Ben (inside sales) syncs, converts the webinar lead and rejects the
// trade-fair lead for "Kein Budget"; an offer to the converted company is won. The report, opened from the
// navigation, counts the funnel by source (the order rate under the webinar source), the rejection reason and the
// time to first contact; a backwards period is refused with its message; the same report in English.
import { startServerProcess } from '../helpers/server-process'
import { serverLeadPoster, validLead } from '../helpers/leads'
import { expect, must, openApp, test } from './fixtures'
import { connect, syncNow } from './sync-helpers'

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('the lead report counts the funnel, the order rate by lead source and the rejection reasons, in German and English', async ({ page, app, consoleErrors }) => {
  test.setTimeout(120_000)
  const server = await startServerProcess()
  try {
    const post = await serverLeadPoster(server)
    expect((await post(validLead())).status).toBe(200)
    expect((await post(validLead({ id: 'hs-4712', source: 'messe', campaign: '', score: 55, company: { name: 'Ott Spedition KG' }, person: { lastName: 'Ott', phone: '+49 40 123456' }, events: [] }))).status).toBe(200)
    expect((await post(validLead({ id: 'hs-4713', source: 'messe', campaign: '', score: 30, company: { name: 'Dreyer Druck GmbH' } }))).status).toBe(200)

    await openApp(page, app, '/settings')
    await connect(page, server, 'ben', 'Ben Schulz')
    await syncNow(page)
    // Handed over today, due for first contact by the end of the next business day: on inside sales' work list.
    await page.getByRole('link', { name: 'Nachfassen' }).click()
    const entry = page.getByRole('listitem', { name: 'Erstkontakt Lead Greta Hansen – Hansen Logistik GmbH' })
    await expect(entry).toContainText('72 Punkte · webinar')
    await page.screenshot({ path: test.info().outputPath('lead-work-list-de.png') })
    await entry.getByRole('link', { name: 'Im Lead-Eingang bearbeiten' }).click()
    await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible()
    const hansen = page.getByRole('article', { name: 'Hansen Logistik GmbH' })
    await hansen.getByLabel('Außendienst').selectOption({ label: 'Anna Becker' })
    await hansen.getByRole('button', { name: 'Übernehmen' }).dblclick()
    await expect(page.getByText('Lead übernommen: Hansen Logistik GmbH')).toBeVisible()
    const ott = page.getByRole('article', { name: 'Ott Spedition KG' })
    await ott.getByRole('button', { name: 'Ablehnen' }).click()
    await ott.getByLabel('Grund').selectOption({ label: 'Kein Budget' })
    await ott.getByRole('button', { name: 'Ablehnen bestätigen' }).dblclick()
    await expect(page.getByText('Lead abgelehnt.')).toBeVisible()

    // The sales rep's offer to the converted company, won.
    const companies = await must<{ rows: Array<{ id: string; name: string }> }>(app, 'companies.list', { search: 'Hansen Logistik', limit: 10 })
    const companyId = companies.rows.find((c) => c.name === 'Hansen Logistik GmbH')!.id
    const today = new Date().toISOString().slice(0, 10)
    const offer = await must<{ id: string }>(app, 'offers.create', {
      companyId, offerDate: today, validUntil: `${Number(today.slice(0, 4)) + 1}-06-30`, offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [{ name: 'Lagerlogistik-Beratung', quantity: 1, unit: 'Pauschale', unitPriceCents: 900_000, discountPercent: 0, vatRate: 19, optional: false }],
    })
    await must(app, 'offers.send', { id: offer.id })
    await must(app, 'offers.win', { id: offer.id, orderDate: today, orderValueCents: 900_000 })

    await page.getByRole('link', { name: 'Lead-Report' }).click()
    await expect(page.getByRole('heading', { name: 'Lead-Report', level: 1 })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Leads' })).toContainText('3')
    await expect(page.getByRole('group', { name: 'Lead → Übernahme' })).toContainText('33,3 %')
    await expect(page.getByRole('group', { name: 'Auftragsquote' })).toContainText('1 von 1 entschiedenen Angeboten gewonnen')
    await expect(page.getByRole('group', { name: 'Zeit bis zum Erstkontakt (Median)' })).toContainText('2 von 2 innerhalb von 1 Werktag')
    const bySource = page.getByRole('table', { name: 'Nach Quelle (Auftragsquote je Lead-Quelle)' })
    // webinar: 1 lead (0 marketing, 0 open), 1 converted, 0 rejected, with offer, with order; 100 % conversion, lead → order
    // and order rate. messe: 2 leads, 1 Marketing-Lead, 1 rejected; 0 %, 0 %, no decided offer (–).
    await expect(bySource.getByRole('row', { name: /^webinar/ })).toHaveText(/^webinar1001011100\s%100\s%100\s%$/)
    await expect(bySource.getByRole('row', { name: /^messe/ })).toHaveText(/^messe21001000\s%0\s%–$/)
    await expect(page.getByRole('table', { name: 'Nach Kampagne' }).getByRole('row', { name: /Herbst 2026/ })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Ablehnungsgründe' }).getByRole('row', { name: 'Kein Budget' })).toContainText('1')
    await expect(page.getByRole('img', { name: 'Leads, Übernahmen, Angebote und Aufträge je Quelle' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Zeit bis zum Erstkontakt (Median)' })).toContainText('Min.')
    await page.screenshot({ path: 'docs/screenshots/lead-report-de.png' })
    await bySource.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('lead-report-tables-de.png') })

    // A backwards period: the message, no figures.
    await page.getByLabel('Eingang von').fill('01.01.2999')
    await expect(page.getByRole('alert')).toHaveText('„Eingang bis“ liegt vor „Eingang von“.')
    await expect(page.getByRole('table', { name: 'Nach Kampagne' })).toHaveCount(0)
    await page.getByLabel('Eingang von').fill(`01.01.${today.slice(0, 4)}`)
    await expect(page.getByRole('table', { name: 'Nach Kampagne' })).toBeVisible()

    await page.getByLabel('Sprache').selectOption('en')
    await expect(page.getByRole('heading', { name: 'Lead report', level: 1 })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Order rate' })).toContainText('1 of 1 decided offers won')
    await expect(page.getByRole('table', { name: 'Rejection reasons' }).getByRole('row', { name: 'No budget' })).toContainText('1')
    await expect(page.getByRole('table', { name: 'By source (order rate by lead source)' }).getByRole('row', { name: /^webinar/ })).toHaveText(/^webinar1001011100%100%100%$/)
    await page.screenshot({ path: 'docs/screenshots/lead-report-en.png' })
    await page.getByLabel('Language').selectOption('de')
    expect(consoleErrors).toEqual([])
  } finally {
    await server.cleanup()
  }
})
