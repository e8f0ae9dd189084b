// A manager without a team (Max, head of sales, who sees every team) chooses on the settings page whose team's
// settings he edits: he picks "Vertrieb Süd" by its name from the sync server, weighs the health score for it, and
// after sync Carla's laptop (team Süd) shows his weights. Real sync server process, 1280×720, de-DE and English.
import { startServerProcess } from '../helpers/server-process'
import { expect, openApp, test } from './fixtures'
import { connect, connectedLaptop, syncNow, type Laptop } from './sync-helpers'

const VIEWPORT = { width: 1280, height: 720 }
test.use({ viewport: VIEWPORT, locale: 'de-DE' })

test('a manager without a team picks the team by name, its health weights reach that team\'s laptop', async ({ page, app, browser, consoleErrors }) => {
  test.setTimeout(150_000)
  const server = await startServerProcess({ users: [
    { login: 'max', name: 'Max Leitner', role: 'manager' },
    { login: 'anna', name: 'Anna Becker', role: 'field_sales', team: 'Vertrieb Nord' },
    { login: 'carla', name: 'Carla Öztürk', role: 'field_sales', team: 'Vertrieb Süd' },
  ] })
  let carla: Laptop | null = null
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'max', 'Max Leitner')
    await syncNow(page)
    const team = page.getByLabel('Team, dessen Einstellungen Sie bearbeiten')
    await expect(team.getByRole('option', { name: 'Vertrieb Süd' })).toHaveCount(1)
    await expect(team).toHaveValue('')
    // Before a team is chosen there is nothing to edit.
    const form = page.getByRole('form', { name: 'Health Score: Gewichte und Zielwerte' })
    await expect(form.getByLabel('Offene und überfällige Fälle')).toBeDisabled()
    await team.selectOption({ label: 'Vertrieb Süd' })
    await expect(team.locator('option:checked')).toHaveText('Vertrieb Süd')
    await expect(form.getByLabel('Offene und überfällige Fälle')).toBeEnabled()
    await form.getByLabel('Offene und überfällige Fälle').fill('30')
    await form.getByLabel('Reklamationen (12 Monate)').fill('0')
    await form.getByLabel('Tage seit dem letzten Kontakt').click()
    await form.getByRole('button', { name: 'Speichern' }).dblclick()
    await expect(form.getByRole('status').filter({ hasText: 'Gespeichert' })).toHaveText('Gespeichert, alle Scores neu berechnet.')
    await team.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('settings-team-de.png') })
    // The choice is the device's: it holds after a reload.
    await page.reload()
    await expect(page.getByLabel('Team, dessen Einstellungen Sie bearbeiten')).toHaveValue(/.+/)
    await expect(page.getByLabel('Team, dessen Einstellungen Sie bearbeiten').locator('option:checked')).toHaveText('Vertrieb Süd')
    await syncNow(page)

    carla = await connectedLaptop(browser, server, 'carla', 'Carla Öztürk', VIEWPORT)
    await syncNow(carla.page)
    const carlasForm = carla.page.getByRole('form', { name: 'Health Score: Gewichte und Zielwerte' })
    await expect(carlasForm.getByLabel('Offene und überfällige Fälle')).toHaveValue('30')
    await expect(carlasForm.getByLabel('Reklamationen (12 Monate)')).toHaveValue('0')
    await expect(carla.page.getByLabel('Team, dessen Einstellungen Sie bearbeiten')).toHaveCount(0)
    expect(carla.consoleErrors).toEqual([])

    // In English the choice reads in English.
    await page.getByLabel('Sprache der Oberfläche').selectOption('en')
    await expect(page.getByLabel('Team whose settings you edit').locator('option:checked')).toHaveText('Vertrieb Süd')
    await page.getByLabel('Team whose settings you edit').scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('settings-team-en.png') })
    expect(consoleErrors).toEqual([])
  } finally {
    await carla?.close()
    await server.stop()
  }
})
