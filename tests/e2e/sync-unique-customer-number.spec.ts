// Two laptops type the same customer number offline: the second laptop's inbox says the number is
// taken and the company was kept without it, the rep chooses another number in the company's form and
// closes the entry, and both laptops end up with the same data. The laptops are two web-mode apps with
// their own databases and the real sync server; Anna's laptop is driven through its channels.
import { SERVER_PASSWORD, startServerProcess } from '../helpers/server-process'
import { createAppServer, expect, openApp, test, type AppServer } from './fixtures'

test('a customer number typed on two laptops is kept once; the other sees it in the inbox and chooses another', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(120_000)
  const server = await startServerProcess()
  const anna = await createAppServer()
  const run = async (laptop: AppServer, channel: string, input: unknown) => expect((await laptop.api(channel, input)).ok).toBe(true)
  try {
    await run(anna, 'sync.connect', { serverUrl: server.url, login: 'anna', password: SERVER_PASSWORD })
    await run(app, 'sync.connect', { serverUrl: server.url, login: 'ben', password: SERVER_PASSWORD })
    await run(anna, 'companies.create', { name: 'Brunsviga GmbH', status: 'customer', customerNumber: 'K-1001' })
    await run(app, 'companies.create', { name: 'Salzgitter Stahl AG', status: 'customer', customerNumber: 'K-1001' })
    await run(anna, 'sync.now', {})
    await run(app, 'sync.now', {})

    await openApp(page, app, '/conflicts')
    await expect(page.getByRole('status', { name: 'Verbindung zum Sync-Server' })).toContainText('1 Konflikt')
    const entry = page.getByRole('listitem', { name: 'Konflikt: Salzgitter Stahl AG – Kundennummer' })
    await expect(entry).toContainText('Kundennummer K-1001 ist bereits vergeben – die Firma wurde ohne diese Nummer gespeichert.')
    await expect(entry).toContainText('Die Nummer gehört zur Firma „Brunsviga GmbH“.')
    await page.screenshot({ path: test.info().outputPath('sync-duplicate-number.png') })

    await entry.getByRole('link', { name: 'Andere Nummer wählen' }).click()
    await expect(page.getByRole('textbox', { name: 'Firmenname' })).toHaveValue('Salzgitter Stahl AG')
    await page.getByLabel('Kundennummer').fill('K-1002')
    await page.getByRole('button', { name: 'Speichern' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Salzgitter Stahl AG' })).toBeVisible()
    await page.getByRole('link', { name: /^Konflikte/ }).click()
    await page.getByRole('listitem', { name: /Kundennummer/ }).getByRole('button', { name: 'Erledigt' }).click()
    await expect(page.getByText('Keine offenen Konflikte.')).toBeVisible()

    await run(app, 'sync.now', {})
    await run(anna, 'sync.now', {})
    const list = async (laptop: AppServer) =>
      (await laptop.api<{ rows: Array<{ name: string; customerNumber: string }> }>('companies.list', {})).data!.rows.map((c) => [c.name, c.customerNumber])
    expect(await list(app)).toEqual([['Brunsviga GmbH', 'K-1001'], ['Salzgitter Stahl AG', 'K-1002']])
    expect(await list(anna)).toEqual(await list(app))
    expect((await anna.api<unknown[]>('conflicts.list', {})).data).toEqual([])
  } finally {
    await anna.cleanup()
    await server.cleanup()
  }
})
