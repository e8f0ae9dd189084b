// Issue 19 acceptance end to end, three laptops in Chromium on the real sync server (de-DE, 1280×720): Nord's
// manager sets the team's lead rules (bad input refused at its fields, nothing saved; then Anna's territory
// 20000-22999); marketing posts a lead from Hamburg (postcode 20095) over the API; Ben (inside sales) qualifies it
// on laptop A, the territory proposes Anna, he converts it (double-clicked); after sync it is on Anna's laptop B as
// a company she owns with its contact, and the task "Erstkontakt aufnehmen" is on her work list; her first
// pre-offer conversation opens with the lead's qualification. Anna (field sales) has no lead inbox.
import { createIntegrationKey } from '../../server/integrations/keys'
import { openStore } from '../../server/store/open-store'
import { startServerProcess } from '../helpers/server-process'
import { validLead } from '../helpers/leads'
import { expect, must, openApp, test } from './fixtures'
import { connect, connectedLaptop, syncNow } from './sync-helpers'

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('a posted lead is qualified and assigned by territory on laptop A and arrives on the field rep\'s laptop B as company, contact and task', async ({ page, app, browser, consoleErrors }) => {
  test.setTimeout(240_000)
  const server = await startServerProcess({ users: [
    { login: 'anna', name: 'Anna Becker', role: 'field_sales', team: 'Vertrieb Nord' },
    { login: 'ben', name: 'Ben Schulz', role: 'inside_sales', team: 'Vertrieb Nord' },
    { login: 'nora', name: 'Nora Vogt', role: 'manager', team: 'Vertrieb Nord' },
  ] })
  const viewport = { width: 1280, height: 720 }
  const nora = await connectedLaptop(browser, server, 'nora', 'Nora Vogt', viewport)
  const anna = await connectedLaptop(browser, server, 'anna', 'Anna Becker', viewport)
  try {
    // The manager: the team's lead rules. Bad input first — a negative threshold, a range backwards, an unknown state.
    await syncNow(nora.page)
    // The settings page again, now with the team's field reps from the synced directory.
    await openApp(nora.page, nora.app, '/settings')
    const rules = nora.page.getByRole('form', { name: 'Leads des Teams' })
    const threshold = rules.getByLabel('Übergabe ab Punkten')
    const responseDays = rules.getByLabel('Erstkontakt innerhalb von Werktagen')
    const annaPostcodes = rules.getByLabel('PLZ-Bereiche: Anna Becker')
    const annaStates = rules.getByLabel('Bundesländer: Anna Becker')
    await expect(threshold).toBeEnabled()
    await threshold.fill('-5')
    await expect(responseDays).toHaveValue('1')
    await responseDays.fill('0')
    await annaPostcodes.fill('22999-20000')
    await annaStates.fill('HH, XY')
    await rules.getByRole('button', { name: 'Lead-Regeln speichern' }).dblclick()
    await expect(annaPostcodes).toHaveAccessibleDescription(/Ein Bereich beginnt nach seinem Ende/)
    await expect(annaStates).toHaveAccessibleDescription(/Unbekanntes Bundesland/)
    await expect(threshold).toHaveAccessibleDescription(/negativ/i)
    await expect(responseDays).toHaveAccessibleDescription('Zwischen 1 und 10 Werktagen.')
    expect((await must<{ custom: boolean }>(nora.app, 'leadRules.get')).custom).toBe(false)
    await threshold.fill('50')
    await responseDays.fill('2')
    await annaPostcodes.fill('20000-22999, 24103')
    await annaStates.fill('SH')
    await rules.getByRole('button', { name: 'Lead-Regeln speichern' }).dblclick()
    await expect(rules.getByRole('status')).toHaveText('Lead-Regeln gespeichert.')
    expect((await must<{ rules: { responseDays: number } }>(nora.app, 'leadRules.get')).rules.responseDays).toBe(2)
    await syncNow(nora.page)

    // Marketing posts the lead, with the company's address.
    const store = await openStore(server.storeUrl)
    const { key } = await createIntegrationKey(store.db, 'Marketing Automation', ['leads'])
    await store.close()
    const posted = await fetch(`${server.url}/integrations/v1/leads`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(validLead({ company: { name: 'Hansen Logistik GmbH', postalCode: '20095', city: 'Hamburg', country: 'DE' } })),
    })
    expect(posted.status).toBe(200)

    // Laptop A, inside sales: qualify, the territory proposes Anna.
    await openApp(page, app, '/settings')
    await connect(page, server, 'ben', 'Ben Schulz')
    await syncNow(page)
    await page.getByRole('link', { name: 'Leads' }).click()
    const hansen = page.getByRole('article', { name: 'Hansen Logistik GmbH' })
    await expect(hansen.getByLabel('PLZ')).toHaveValue('20095')
    await expect(hansen.getByText('Vorschlag nach Gebiet (PLZ): Anna Becker')).toBeVisible()
    await expect(hansen.getByLabel('Außendienst')).toHaveValue(/.+/)
    await hansen.getByLabel('Budget').fill('50.000 € für 2027')
    await hansen.getByLabel('Zeitrahmen').fill('Entscheidung im 1. Quartal')
    await hansen.getByLabel('Entscheider').fill('Geschäftsführer Jens Hansen')
    await hansen.getByLabel('Bedarf').fill('Tourenplanung für 40 Fahrzeuge')
    await hansen.getByLabel('Bundesland').selectOption('HH')
    // The qualification, the assignment with its proposal and the buttons in one view.
    await hansen.getByRole('button', { name: 'Übernehmen' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'docs/screenshots/leads-qualify-de.png' })
    await page.getByLabel('Sprache').selectOption('en')
    await expect(hansen.getByText('Proposed by territory (postcode): Anna Becker')).toBeVisible()
    await expect(hansen.getByLabel('Decision maker')).toHaveValue('Geschäftsführer Jens Hansen')
    await page.screenshot({ path: 'docs/screenshots/leads-qualify-en.png' })
    await page.getByLabel('Language').selectOption('de')
    await hansen.getByRole('button', { name: 'Übernehmen' }).dblclick()
    await expect(page.getByText('Lead übernommen: Hansen Logistik GmbH – zugewiesen an Anna Becker.')).toBeVisible()
    await expect(page.getByRole('article', { name: 'Hansen Logistik GmbH' })).toHaveCount(0)
    await syncNow(page)

    // Laptop B, the field rep: no lead inbox; the company, its contact, and the task on her work list.
    await syncNow(anna.page)
    // The inbox by its address refuses her with the reason; by then her rights are loaded and the navigation has no entry.
    await openApp(anna.page, anna.app, '/leads')
    await expect(anna.page.getByText('Leads bearbeiten nur Innendienst, Vertriebsleitung und Administration.')).toBeVisible()
    await expect(anna.page.getByRole('link', { name: 'Frühwarnungen' })).toBeVisible()
    await expect(anna.page.getByRole('link', { name: 'Leads', exact: true })).toHaveCount(0)
    const companies = await must<{ rows: Array<{ id: string; name: string; ownerName?: string }> }>(anna.app, 'companies.list', { search: 'Hansen', limit: 10 })
    expect(companies.rows.map((c) => c.name)).toEqual(['Hansen Logistik GmbH'])
    const companyId = companies.rows[0]!.id
    await openApp(anna.page, anna.app, '/follow-ups')
    await anna.page.getByRole('group', { name: 'Wessen Einträge' }).getByRole('button', { name: 'Meine' }).click()
    const entry = anna.page.getByRole('listitem', { name: 'Aufgabe „Erstkontakt aufnehmen“ – Hansen Logistik GmbH' })
    await expect(entry).toContainText('von Ben Schulz')
    await expect(entry).toContainText('Greta Hansen')
    await anna.page.screenshot({ path: test.info().outputPath('leads-rep-worklist-de.png') })
    await openApp(anna.page, anna.app, `/companies/${companyId}`)
    await expect(anna.page.getByRole('heading', { level: 1, name: 'Hansen Logistik GmbH' })).toBeVisible()
    await expect(anna.page.getByText('Greta Hansen').first()).toBeVisible()
    // Her first pre-offer conversation opens with the lead's qualification.
    await openApp(anna.page, anna.app, `/conversations/new?companyId=${companyId}`)
    await expect(anna.page.getByLabel('Budget')).toHaveValue('50.000 € für 2027')
    await expect(anna.page.getByLabel('Entscheidung bis')).toHaveValue('Entscheidung im 1. Quartal')
    expect([...consoleErrors, ...nora.consoleErrors, ...anna.consoleErrors]).toEqual([])
  } finally {
    await nora.close()
    await anna.close()
    await server.cleanup()
  }
})
