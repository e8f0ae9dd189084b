// The team's rules in the settings (issue 18), clicked through at 1280×720 in de-DE: on a laptop connected to a
// sync server a rep sees the follow-up cadence, lost reasons and service levels read-only with the reason; a manager's
// second follow-up before the first is refused at its field and nothing is saved; a good cadence saves (double-click
// safe). That the next sent offer follows the team's cadence: tests/integration/sync.team-rules.test.ts.
import { expect, must, openApp, test } from './fixtures'
import { signInAs } from './sign-in'


test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('the team\'s rules: read-only for a rep with the reason; a manager\'s bad cadence is refused at its field, a good one saved', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await signInAs(app.dbFile, 'field_sales')
  await openApp(page, app, '/settings')
  const form = page.getByRole('form', { name: 'Regeln des Teams: Nachfassen, Verlustgründe, Service-Level' })
  const second = form.getByLabel('2. Nachfassen nach … Arbeitstagen (Mo–Fr)')
  await expect(page.getByText('Nur Manager und Administratoren Ihres Teams können diese Regeln ändern.')).toBeVisible()
  await expect(second).toBeDisabled()
  await expect(form.getByRole('group', { name: 'Angebotene Verlustgründe' }).getByLabel('Preis')).toBeDisabled()
  await expect(form.getByLabel('Dringend: bestätigen in … Stunden')).toBeDisabled()
  await expect(form.getByRole('button', { name: 'Regeln des Teams speichern' })).toHaveCount(0)
  await form.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('team-rules-rep-de.png') })

  await signInAs(app.dbFile, 'manager')
  await openApp(page, app, '/settings')
  await second.fill('2')
  await form.getByRole('button', { name: 'Regeln des Teams speichern' }).dblclick()
  await expect(second).toHaveAccessibleDescription(/Das zweite Nachfassen muss nach dem ersten liegen/)
  expect((await must<{ custom: boolean }>(app, 'teamRules.get')).custom).toBe(false)
  await second.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('team-rules-bad-cadence-de.png') })

  await form.getByLabel('1. Nachfassen nach … Arbeitstagen (Mo–Fr)').fill('2')
  await second.fill('6')
  await form.getByRole('group', { name: 'Angebotene Verlustgründe' }).getByLabel('Beziehung').uncheck()
  await form.getByRole('button', { name: 'Regeln des Teams speichern' }).dblclick()
  await expect(form.getByRole('status')).toHaveText('Regeln des Teams gespeichert.')
  const saved = await must<{ custom: boolean; canEdit: boolean; rules: { followUpFirstDays: number; followUpSecondDays: number; lostReasons: string[] } }>(app, 'teamRules.get')
  expect(saved).toMatchObject({ custom: true, canEdit: true, rules: { followUpFirstDays: 2, followUpSecondDays: 6 } })
  expect(saved.rules.lostReasons).not.toContain('relationship')
  await page.screenshot({ path: test.info().outputPath('team-rules-saved-de.png') })
})
