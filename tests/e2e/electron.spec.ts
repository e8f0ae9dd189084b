// The real desktop app, where the Electron binary exists; skipped (with the reason) where it does not.
import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { electronBinary } from '../../scripts/electron-binary.mjs'

const binary = electronBinary()

test('the desktop window opens on its own database with a hardened renderer served over app://', async () => {
  test.skip(!binary, 'Electron binary not installed (it cannot be downloaded on this machine); web mode covers the UI')
  const db = path.join(mkdtempSync(path.join(tmpdir(), 'kundenreise-electron-')), 'app.sqlite')
  const app = await electron.launch({ executablePath: binary!, args: [path.resolve('.'), '--db', db, '--no-sandbox'] })
  const window = await app.firstWindow()
  await expect(window.getByRole('heading', { level: 1, name: 'Firmen' })).toBeVisible()
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  expect(await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).includes('companies.list'))).toBe(true)
  // Served over app://kundenreise with the CSP header, never from file://.
  expect(window.url()).toMatch(/^app:\/\/kundenreise\/index\.html/)
  const csp = await window.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(await window.evaluate(() => fetch('file:///etc/passwd').then(() => 'read', () => 'refused'))).toBe('refused')
  expect(await window.evaluate(() => fetch('/..%2f..%2fetc%2fpasswd').then((r) => r.status))).toBe(400)
  expect(await window.evaluate(() => fetch('/../../etc/passwd').then((r) => r.text()).then((t) => t.includes('root:')))).toBe(false)
  await app.close()
})
