// The demo in a database of its own (issue 13, item 5) and the skip link (item 11), as a user meets them.
import { expect, openApp, test } from './fixtures'

test('"Demo ausprobieren" switches to the demo database after a confirmation, and the banner leads back to the user’s own data', async ({ page, app, consoleErrors: _ }) => {
  expect((await app.api('companies.create', { name: 'Meine Firma GmbH', status: 'customer', customerNumber: 'K-1' })).ok).toBe(true)
  await openApp(page, app, '/settings')
  await page.getByRole('button', { name: 'Demo ausprobieren' }).click()
  const dialog = page.getByRole('dialog', { name: 'Demo ausprobieren?' })
  await expect(dialog).toContainText('Ihre eigenen Daten bleiben unberührt')
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: 'Demo' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Demo ausprobieren' }).click()
  await dialog.getByRole('button', { name: 'Demo starten' }).click()
  const banner = page.getByRole('region', { name: 'Demo' })
  await expect(banner).toContainText('Demo – Ihre Daten sind unberührt.')
  // The start page, now on the demo's companies.
  await expect(page.getByText('60 Treffer')).toBeVisible()
  const table = page.getByRole('table', { name: 'Firmenliste' })
  await expect(table.getByRole('link', { name: 'Meine Firma GmbH' })).toHaveCount(0)
  // The sync settings say why the demo never syncs.
  await page.getByRole('link', { name: 'Einstellungen' }).click()
  await expect(page.getByText('In der Demo gibt es keine Synchronisation')).toBeVisible()
  await expect(page.getByRole('form', { name: /Verbindung|verbinden/i })).toHaveCount(0)

  await banner.getByRole('button', { name: 'Zurück zu meinen Daten' }).click()
  await expect(page.getByText('1 Treffer')).toBeVisible()
  await expect(table.getByRole('link', { name: 'Meine Firma GmbH' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Demo' })).toHaveCount(0)
})

test('the first Tab reaches "Zum Inhalt springen", and Enter moves the focus to the page content', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app, '/companies')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' })
  await expect(skip).toBeFocused()
  // Visible while focused (hidden otherwise).
  expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(40)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  await expect(page).toHaveURL(/#\/companies$/)
  expect((await skip.boundingBox())?.width ?? 0).toBeLessThan(2)
})
