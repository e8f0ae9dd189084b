// Issue 19 end to end (de-DE, 1280×720): marketing automation posts two leads to the real sync server with an
// integration key (a plain fetch, as curl would); Ben's laptop (inside sales) syncs; the lead of 72 points is in
// the inbox with its scoring history, the one of 30 points is only counted as a Marketing-Lead. Converting makes
// the company (it opens from the confirmation); the other lead is rejected with a reason and the inbox is empty. A
// later lead of the same person and company is named as a duplicate and converted into the existing company (in
// German, its texts checked in English; double-clicked): no second company or contact, its touchpoint there.
import { startServerProcess } from '../helpers/server-process'
import { serverLeadPoster, validLead } from '../helpers/leads'
import { expect, openApp, test } from './fixtures'
import { connect, syncNow } from './sync-helpers'

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('a posted lead reaches the inbox, is converted into a company; a low one is only counted; one is rejected', async ({ page, app, consoleErrors }) => {
  test.setTimeout(120_000)
  const server = await startServerProcess()
  try {
    const post = await serverLeadPoster(server)
    expect((await post(validLead())).status).toBe(200)
    expect((await post(validLead({ id: 'hs-4712', score: 55, company: { name: 'Ott Spedition KG' }, person: { lastName: 'Ott', phone: '+49 40 123456' }, events: [] }))).status).toBe(200)
    expect((await post(validLead({ id: 'hs-4713', score: 30, company: { name: 'Dreyer Druck GmbH' } }))).status).toBe(200)
    // A lead nobody can reach is refused, with the reason.
    const unreachable = await post(validLead({ id: 'hs-4714', person: { lastName: 'Niemand' } }))
    expect(unreachable.status).toBe(422)

    await openApp(page, app, '/settings')
    await connect(page, server, 'ben', 'Ben Schulz')
    await syncNow(page)
    await page.getByRole('link', { name: 'Leads' }).click()
    await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible()
    await expect(page.getByText('1 Marketing-Lead unter 50 Punkten (bleiben im Marketing).')).toBeVisible()
    const hansen = page.getByRole('article', { name: 'Hansen Logistik GmbH' })
    await expect(hansen.getByText('Punkte: 72')).toBeVisible()
    await expect(hansen.getByRole('table', { name: 'Verlauf der Punkte: Hansen Logistik GmbH' }).getByRole('row')).toHaveCount(2)
    await expect(hansen.getByText('Webinar besucht')).toBeVisible()
    await expect(page.getByRole('article', { name: 'Dreyer Druck GmbH' })).toHaveCount(0)
    // Highest score first.
    await expect(page.getByRole('article').first()).toHaveAccessibleName('Hansen Logistik GmbH')
    await page.screenshot({ path: 'docs/screenshots/leads-de.png' })
    // The same inbox in English.
    await page.getByLabel('Sprache').selectOption('en')
    await expect(page.getByText('1 marketing lead below 50 points (they stay with marketing).')).toBeVisible()
    await expect(hansen.getByRole('button', { name: 'Convert' })).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/leads-en.png' })
    await page.getByLabel('Language').selectOption('de')
    await expect(hansen.getByRole('button', { name: 'Übernehmen' })).toBeVisible()

    // No territory is set: converting without a rep is refused at the field, then Anna is chosen by hand.
    await hansen.getByRole('button', { name: 'Übernehmen' }).dblclick()
    await expect(hansen.getByLabel('Außendienst')).toHaveAccessibleDescription('Bitte einen Außendienst wählen.')
    await hansen.getByLabel('Außendienst').selectOption({ label: 'Anna Becker' })
    await hansen.getByRole('button', { name: 'Übernehmen' }).dblclick()
    await expect(page.getByText('Lead übernommen: Hansen Logistik GmbH – zugewiesen an Anna Becker.')).toBeVisible()
    await expect(page.getByRole('article', { name: 'Hansen Logistik GmbH' })).toHaveCount(0)

    const ott = page.getByRole('article', { name: 'Ott Spedition KG' })
    await ott.getByRole('button', { name: 'Ablehnen' }).click()
    await ott.getByLabel('Grund').selectOption({ label: 'Kein Budget' })
    await ott.getByRole('button', { name: 'Ablehnen bestätigen' }).click()
    await expect(page.getByText('Lead abgelehnt.')).toBeVisible()
    await expect(page.getByText('Keine neuen Leads.')).toBeVisible()

    // Greta Hansen comes back through another campaign: her company exists now (the first conversion made it). The
    // duplicate is named with her as its contact; converting into it makes no second company and no second contact.
    expect((await post(validLead({ id: 'hs-4720', score: 80, campaign: 'Winter 2026', events: [{ at: '2026-11-28T10:00:00Z', activity: 'Demo angefragt', points: 80 }] }))).status).toBe(200)
    await syncNow(page)
    await page.getByRole('link', { name: 'Leads' }).click()
    const again = page.getByRole('article', { name: 'Hansen Logistik GmbH' })
    await again.getByLabel('Außendienst').selectOption({ label: 'Anna Becker' })
    await again.getByRole('button', { name: 'Übernehmen', exact: true }).click()
    await expect(again.getByText('Diese Firma gibt es vielleicht schon. Den Lead einer bestehenden Firma zuordnen oder trotzdem eine neue Firma anlegen:')).toBeVisible()
    const duplicates = again.getByRole('list', { name: 'Mögliche Dubletten: Hansen Logistik GmbH' })
    await expect(duplicates.getByRole('listitem')).toHaveCount(1)
    await expect(duplicates.getByRole('listitem')).toContainText('Greta Hansen ist dort schon Ansprechpartner.')
    await expect(again.getByRole('button', { name: 'Trotzdem neue Firma anlegen' })).toBeVisible()
    await again.getByRole('button', { name: 'Trotzdem neue Firma anlegen' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'docs/screenshots/leads-existing-de.png' })
    await page.getByLabel('Sprache').selectOption('en')
    await expect(again.getByText('This company may exist already. Convert the lead into an existing company, or create a new company anyway:')).toBeVisible()
    await expect(again.getByText('Greta Hansen is a contact there already.')).toBeVisible()
    await expect(again.getByRole('button', { name: 'Convert into “Hansen Logistik GmbH”' })).toBeVisible()
    await expect(again.getByRole('button', { name: 'Create a new company anyway' })).toBeVisible()
    await page.getByLabel('Language').selectOption('de')
    await again.getByRole('button', { name: 'Zu „Hansen Logistik GmbH“ übernehmen' }).dblclick()
    await expect(page.getByText('Lead zu „Hansen Logistik GmbH“ übernommen – zugewiesen an Anna Becker.')).toBeVisible()
    await expect(page.getByText('Keine neuen Leads.')).toBeVisible()

    // Jens Brandt posts under a name the duplicate check cannot tie to Hansen (his own firm's, from a trade fair), but
    // inside sales knows he buys for Hansen now: the company is chosen by typing its name, and he becomes its contact.
    expect((await post(validLead({ id: 'hs-4730', source: 'messe', campaign: '', score: 60, events: [], company: { name: 'Brandt Technik' },
      person: { firstName: 'Jens', lastName: 'Brandt', email: 'j.brandt@example.de' } }))).status).toBe(200)
    await syncNow(page)
    await page.getByRole('link', { name: 'Leads' }).click()
    const brandt = page.getByRole('article', { name: 'Brandt Technik' })
    await brandt.getByLabel('Außendienst').selectOption({ label: 'Anna Becker' })
    const existing = brandt.getByLabel('In bestehende Firma übernehmen (optional)')
    await existing.fill('Hansen Logistik AG')
    await brandt.getByRole('button', { name: 'Übernehmen', exact: true }).dblclick()
    await expect(existing).toHaveAccessibleDescription('Keine Firma dieses Namens – bitte aus der Liste wählen oder das Feld leeren.')
    await expect(page.getByRole('link', { name: 'Brandt Technik' })).toHaveCount(0)
    // Typed and saved at once, before the search has answered: the name is looked up, never made a new company.
    await existing.fill('Hansen Logistik GmbH')
    await brandt.getByRole('button', { name: 'Übernehmen', exact: true }).dblclick()
    await expect(page.getByText('Lead zu „Hansen Logistik GmbH“ übernommen – zugewiesen an Anna Becker.')).toBeVisible()
    await expect(page.getByText('Keine neuen Leads.')).toBeVisible()

    // One Hansen Logistik GmbH, with Greta once and both leads' touchpoints on its timeline.
    await page.getByRole('link', { name: 'Firmen' }).click()
    await expect(page.getByRole('link', { name: 'Hansen Logistik GmbH' })).toHaveCount(1)
    await page.getByRole('link', { name: 'Hansen Logistik GmbH' }).click()
    await expect(page.getByRole('heading', { name: 'Hansen Logistik GmbH' })).toBeVisible()
    await expect(page.getByText('Greta Hansen').first()).toBeVisible()
    const timeline = page.getByRole('list', { name: 'Verlauf' })
    await expect(timeline.getByText('Lead webinar · Winter 2026 · 80')).toBeVisible()
    await expect(timeline.getByText('Lead webinar · Herbst 2026 · 72')).toBeVisible()
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Lead webinar' })).toHaveCount(2)
    await expect(timeline.getByText('Lead messe · 60')).toBeVisible()
    await expect(page.getByText('Jens Brandt').first()).toBeVisible()
    await page.getByRole('link', { name: 'Firmen' }).click()
    await expect(page.getByRole('link', { name: 'Brandt Technik' })).toHaveCount(0)
    await syncNow(page)
    expect(consoleErrors).toEqual([])
  } finally {
    await server.cleanup()
  }
})
