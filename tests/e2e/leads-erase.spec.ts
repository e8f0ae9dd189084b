// DSGVO Art. 17 for a lead never converted, end to end (de-DE and en-US, 1280×720): marketing automation posts two
// leads to the real sync server; Ben (inside sales) erases one from the inbox — the confirmation names the person,
// cancelling keeps it, the double-clicked confirmation erases once — and after the sync the server holds only the
// lead's id-only tombstone and one erasure entry; the other lead stays. A Marketing-Lead, not in the inbox, is found
// by name and erased the same way. A repost of the erased lead creates nothing.
import { openStore } from '../../server/store/open-store'
import { startServerProcess } from '../helpers/server-process'
import { serverLeadPoster, validLead } from '../helpers/leads'
import { expect, openApp, test } from './fixtures'
import { connect, syncNow } from './sync-helpers'

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('inside sales erase the person of a lead from the inbox, after a confirmation that names them', async ({ page, app, consoleErrors }) => {
  test.setTimeout(120_000)
  const server = await startServerProcess()
  try {
    const post = await serverLeadPoster(server)
    expect((await post(validLead())).status).toBe(200)
    expect((await post(validLead({ id: 'hs-4713', score: 30, company: { name: 'Dreyer Druck GmbH' }, person: { firstName: 'Dora', lastName: 'Dreyer', email: 'dora@dreyer.example' } }))).status).toBe(200)
    expect((await post(validLead({ id: 'hs-4712', score: 55, company: { name: 'Ott Spedition KG' }, person: { firstName: 'Olaf', lastName: 'Ott', phone: '+49 40 123456' }, events: [] }))).status).toBe(200)

    await openApp(page, app, '/settings')
    await connect(page, server, 'ben', 'Ben Schulz')
    await syncNow(page)
    await page.getByRole('link', { name: 'Leads' }).click()
    const hansen = page.getByRole('article', { name: 'Hansen Logistik GmbH' })
    await expect(hansen.getByText('Webinar besucht')).toBeVisible()

    // The English button and confirmation.
    await page.getByLabel('Sprache').selectOption('en')
    await hansen.getByRole('button', { name: 'Erase person (GDPR)' }).click()
    await expect(hansen.getByRole('alertdialog', { name: 'Erase person (GDPR)' })).toContainText('Erase Greta Hansen for good?')
    await hansen.getByRole('button', { name: 'Cancel' }).click()
    await page.getByLabel('Language').selectOption('de')
    await expect(hansen.getByRole('alertdialog')).toHaveCount(0)

    await hansen.getByRole('button', { name: 'Person löschen (DSGVO)' }).click()
    const dialog = hansen.getByRole('alertdialog', { name: 'Person löschen (DSGVO)' })
    await expect(dialog).toContainText('Greta Hansen endgültig löschen? Name, E-Mail, Telefon, Adresse und Verlauf dieses Leads werden')
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).dblclick()
    await expect(page.getByRole('status').filter({ hasText: 'Die Person wurde gelöscht.' })).toBeVisible()
    await expect(page.getByRole('article', { name: 'Hansen Logistik GmbH' })).toHaveCount(0)
    await expect(page.getByRole('article', { name: 'Ott Spedition KG' })).toBeVisible()
    await expect(page.getByText('Greta Hansen')).toHaveCount(0)

    // A Marketing-Lead is not in the inbox: found by name, and erased the same way.
    const search = page.getByRole('region', { name: 'Lead einer Person löschen (DSGVO)' })
    await search.getByLabel('Name, E-Mail oder Firma').fill('dreyer')
    const dora = search.getByRole('listitem', { name: 'Dora Dreyer' })
    await expect(dora).toContainText('dora@dreyer.example · Dreyer Druck GmbH · neu · 30')
    await dora.getByRole('button', { name: 'Person löschen (DSGVO)' }).click()
    await expect(dora.getByRole('alertdialog')).toContainText('Dora Dreyer endgültig löschen?')
    await dora.getByRole('button', { name: 'Endgültig löschen' }).dblclick()
    await expect(search.getByText('Kein Lead gefunden.')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Die Person wurde gelöscht.' })).toBeVisible()
    await syncNow(page)

    const store = await openStore(server.storeUrl)
    try {
      const erasures = await store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'erasures').execute()
      expect(erasures).toHaveLength(2)
      for (const e of erasures) expect(JSON.parse(e.data)).toMatchObject({ table_name: 'leads', company_id: '' })
      const leads = await store.db.selectFrom('sync_rows').select(['deleted', 'data']).where('table_name', '=', 'leads').orderBy('deleted').execute()
      expect(leads.map((l) => [l.deleted, l.data.includes('Ott'), l.data])).toEqual([[0, true, expect.any(String)], [1, false, '{"erased":1}'], [1, false, '{"erased":1}']])
    } finally {
      await store.close()
    }
    // The sender posts the lead again: answered, nothing made again.
    const repost = await post(validLead({ score: 90 }))
    expect(await repost.json()).toMatchObject({ created: false, updated: false })
    await syncNow(page)
    await page.getByRole('link', { name: 'Firmen' }).click()
    await page.getByRole('link', { name: 'Leads' }).click()
    await expect(page.getByRole('article', { name: 'Ott Spedition KG' })).toBeVisible()
    await expect(page.getByRole('article', { name: 'Hansen Logistik GmbH' })).toHaveCount(0)
    expect(consoleErrors).toEqual([])
  } finally {
    await server.cleanup()
  }
})
