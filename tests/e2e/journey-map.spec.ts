// The journey over time in Chromium (issue 17): in the demo, the journey map shows the moves between the stations
// and the time per station, a filter narrows it, a period the wrong way round is an error at its field; the
// customer page shows the journey as a line of stations with dates. 1280×720, de-DE; screenshots of each screen.
import { expect, openApp, test } from './fixtures'

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('the journey map of the demo data shows transitions and times per station, a filter narrows it, and the customer page shows the station line', async ({ page, app, consoleErrors: _ }) => {
  test.setTimeout(120_000)
  await openApp(page, app, '/settings')
  await page.getByRole('button', { name: 'Demo ausprobieren' }).click()
  await page.getByRole('dialog', { name: 'Demo ausprobieren?' }).getByRole('button', { name: 'Demo starten' }).click()
  await expect(page.getByText('60 Treffer')).toBeVisible({ timeout: 60_000 })

  await page.getByRole('link', { name: 'Journey-Map' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Journey-Map' })).toBeVisible()
  const filters = page.getByRole('group', { name: 'Zeitraum und Filter' })
  await expect(page.getByText(/^60 Kunden im Filter/)).toBeVisible()
  // Customers per station today: the seven tiles add up to the 60 demo companies.
  const now = page.getByRole('list', { name: 'Kunden je Station heute' })
  const counts = (await now.locator('.journey-now__count').allTextContents()).map((c) => Number(c.replace(/\./g, '')))
  expect(counts.reduce((a, b) => a + b, 0)).toBe(60)
  // The moves in the period: the flow diagram and its table.
  await expect(page.getByRole('img', { name: 'Bewegungen zwischen den Stationen im Zeitraum' })).toBeVisible()
  const transitions = page.getByRole('table', { name: 'Übergänge' })
  await expect(transitions.getByRole('row').nth(1)).toBeVisible()
  const moves = await transitions.getByRole('row').count()
  expect(moves).toBeGreaterThan(3)
  await expect(transitions.getByRole('row', { name: /Angebot Vertrag/ })).toBeVisible()
  // Time per station: the median of the stays that ended, in days.
  const perStation = page.getByRole('table', { name: 'Verweildauer und Absprung je Station' })
  await expect(perStation.getByRole('row', { name: /^Vertrag/ }).getByRole('cell').nth(2)).toHaveText(/^\d+(,\d)? Tage?$/)
  await page.screenshot({ path: test.info().outputPath('journey-map.png') })
  await page.locator('.journey-map__flow').screenshot({ path: test.info().outputPath('journey-map-flow.png') })
  await perStation.screenshot({ path: test.info().outputPath('journey-map-stations.png') })

  // A filter narrows the map: the enterprise customers only.
  await filters.getByLabel('Segment').selectOption({ label: 'Großkunde' })
  const narrowed = page.getByText(/^\d+ Kunden? im Filter/)
  await expect(narrowed).not.toHaveText(/^60 Kunden/)
  const inFilter = Number((await narrowed.textContent())!.match(/^(\d+)/)![1])
  expect(inFilter).toBeGreaterThan(0)
  expect(inFilter).toBeLessThan(60)
  const narrowedCounts = (await now.locator('.journey-now__count').allTextContents()).map(Number)
  expect(narrowedCounts.reduce((a, b) => a + b, 0)).toBe(inFilter)

  // A period the wrong way round: the error at "Bis", in German.
  await filters.getByLabel('Bis').fill('01.01.2020')
  await expect(filters.getByRole('alert')).toHaveText('„Bis“ darf nicht vor „Von“ liegen.')
  await page.screenshot({ path: test.info().outputPath('journey-map-error.png') })
  await filters.getByLabel('Bis').fill('30.11.2026')
  await expect(filters.getByRole('alert')).toHaveCount(0)

  // The customer page: the journey as a line of stations with dates and days, the current one marked.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: /Nutzung/ }).click()
  await page.getByRole('table', { name: 'Firmenliste' }).getByRole('link').first().click()
  const line = page.getByRole('list', { name: 'Stationen der Customer Journey' })
  await expect(line).toBeVisible()
  const stays = line.getByRole('listitem')
  await expect(stays.nth(1)).toBeVisible()
  await expect(stays.first()).toContainText(/\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/)
  await expect(stays.first()).toContainText(/\d+ Tage?/)
  await expect(stays.last()).toContainText('aktuell')
  await expect(stays.last()).toContainText(/Nutzung\s*seit \d{2}\.\d{2}\.\d{4}/)
  await expect(stays.last()).toHaveAttribute('aria-current', 'step')
  await line.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('customer-journey-line.png') })
  // In English, the same line.
  await page.getByLabel('Sprache').first().selectOption('en')
  const english = page.getByRole('list', { name: 'Customer journey over time' })
  await expect(english.getByRole('listitem').last()).toContainText(/Usage\s*since \d{2}\/\d{2}\/\d{4}/)
  await english.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('customer-journey-line-en.png') })
})
