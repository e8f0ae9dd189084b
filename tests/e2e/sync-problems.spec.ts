// What the server refused and what this laptop could not apply is shown, in words, never silently
// dropped: Anna adds a contact offline while an administrator moves her to another team (the server
// refuses the contact: its company is no longer hers), and the new team's data holds a record no laptop
// can apply (set aside; everything else arrives).
import { setUserTeam } from '../../server/admin/accounts'
import { openStore } from '../../server/store/open-store'
import { writeWithSequence } from '../../server/sync/sequence'
import { teamScope } from '../../shared/modules/sync/tables'
import { startServerProcess } from '../helpers/server-process'
import { expect, openApp, test } from './fixtures'
import { connect, syncNow } from './sync-helpers'

test('a refused change and a record that cannot be applied are listed in the inbox with their reason', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(120_000)
  const server = await startServerProcess({
    users: [
      { login: 'anna', name: 'Anna Becker', role: 'field_sales', team: 'Vertrieb Nord' },
      { login: 'carla', name: 'Carla Öztürk', role: 'field_sales', team: 'Vertrieb Süd' },
    ],
  })
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'anna', 'Anna Becker')

    await page.getByRole('link', { name: 'Firmen', exact: true }).click()
    await page.getByRole('link', { name: 'Neue Firma' }).click()
    await page.getByRole('textbox', { name: 'Firmenname' }).fill('Brunsviga Präzisionstechnik GmbH')
    await page.getByLabel('Status').selectOption({ label: 'Kunde' })
    await page.getByRole('button', { name: 'Speichern' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Präzisionstechnik GmbH' })).toBeVisible()
    await syncNow(page)

    // Offline at the customer's: a new contact. Meanwhile Anna moves to the southern team, whose data
    // holds a company without a status (written by an old server version).
    await server.stop()
    await page.getByRole('link', { name: 'Firmen', exact: true }).click()
    await page.getByRole('link', { name: 'Brunsviga Präzisionstechnik GmbH' }).click()
    await page.getByRole('link', { name: 'Ansprechpartner hinzufügen' }).click()
    await page.getByLabel('Anrede').selectOption({ label: 'Frau' })
    await page.getByLabel('Nachname').fill('Berger')
    await page.getByRole('button', { name: 'Speichern' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Präzisionstechnik GmbH' })).toBeVisible()
    const store = await openStore(server.storeUrl)
    try {
      const sued = (await store.db.selectFrom('teams').select('id').where('name', '=', 'Vertrieb Süd').executeTakeFirstOrThrow()).id
      await setUserTeam(store, 'anna', sued)
      await writeWithSequence(store, async (trx, seq) => {
        const version = seq.next()
        await trx.insertInto('sync_rows').values({
          table_name: 'companies', id: '01900000-0000-7000-8000-00000000beef', scope_id: teamScope(sued), parent_id: null, version, deleted: 0,
          data: JSON.stringify({ name: 'Kaputt & Co. KG', status: null, team_id: sued }), field_versions: '{}', created_seq: version, updated_by: 'x',
        }).execute()
        const good = seq.next()
        await trx.insertInto('sync_rows').values({
          table_name: 'companies', id: '01900000-0000-7000-8000-00000000cafe', scope_id: teamScope(sued), parent_id: null, version: good, deleted: 0,
          data: JSON.stringify({ name: 'Salzgitter Stahlbau AG', status: 'customer', team_id: sued }), field_versions: '{}', created_seq: good, updated_by: 'x',
        }).execute()
      })
    } finally {
      await store.close()
    }
    await server.start()
    await syncNow(page)

    const status = page.getByRole('status', { name: 'Verbindung zum Sync-Server' })
    await expect(status).toContainText('1 abgelehnt')
    await expect(status).toContainText('1 nicht übernommen')
    await page.getByRole('link', { name: 'Firmen', exact: true }).click()
    await expect(page.getByRole('link', { name: 'Salzgitter Stahlbau AG' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Kaputt & Co. KG' })).toHaveCount(0)

    await status.getByRole('link', { name: '1 abgelehnt' }).click()
    const refused = page.getByRole('region', { name: 'Vom Server abgelehnte Änderungen' })
    await expect(refused).toContainText('Ansprechpartner')
    await expect(refused).toContainText('abgelehnt: die zugehörige Firma ist auf dem Server nicht bekannt')
    const setAside = page.getByRole('region', { name: 'Nicht übernommene Daten' })
    await expect(setAside).toContainText('Firma: Kaputt & Co. KG')
    await expect(setAside).toContainText('ungültiger Wert im Feld „status“')
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.screenshot({ path: 'docs/screenshots/sync-problems.png', fullPage: true })

    await refused.getByRole('button', { name: 'Gelesen, aus der Liste entfernen' }).dblclick()
    await expect(refused).toHaveCount(0)
    await expect(status).not.toContainText('abgelehnt')
    await expect(setAside).toBeVisible()
  } finally {
    await server.cleanup()
  }
})
