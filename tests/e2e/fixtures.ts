// Starts the built web mode on its own temporary database for each test; fails the test on console errors.
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface ApiAnswer<T> {
  ok: boolean
  data?: T
  error?: { code: string; fields?: Record<string, string> }
}

export interface AppServer {
  url: string
  dbFile: string
  /** Calls a channel over HTTP the way the renderer does (for setup and for checking what was written). */
  api<T = unknown>(channel: string, input?: unknown): Promise<ApiAnswer<T>>
  /** Restarts on the same database; `today` moves the app's clock to that day (KUNDENREISE_TODAY). */
  restart(options?: { today?: string }): Promise<void>
  stop(): Promise<void>
}

async function launch(dbFile: string, today?: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, KUNDENREISE_TODAY: today ?? '' }
  const child = spawn(process.execPath, [path.resolve('out/main/web.js'), '--db', dbFile], { stdio: ['ignore', 'pipe', 'pipe'], env })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start: ${stderr}`)), 20_000)
    child.stdout?.on('data', (c: Buffer) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(c.toString())
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)))
  })
  return { child, url }
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** A web-mode app on its own temporary database (tests that need two laptops start a second one). */
export async function createAppServer(): Promise<AppServer & { cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-e2e-'))
  const dbFile = path.join(dir, 'e2e.sqlite')
  let running = await launch(dbFile)
  const server = {
    dbFile,
    get url() {
      return running.url
    },
    async api<T>(channel: string, input: unknown = {}): Promise<ApiAnswer<T>> {
      const u = new URL(running.url)
      const res = await fetch(`${u.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kundenreise-token': u.searchParams.get('token') ?? '' },
        body: JSON.stringify(input),
      })
      return (await res.json()) as ApiAnswer<T>
    },
    async restart(options: { today?: string } = {}) {
      await stopChild(running.child)
      running = await launch(dbFile, options.today)
    },
    stop: () => stopChild(running.child),
    async cleanup() {
      await stopChild(running.child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return server
}

export const test = base.extend<{ app: AppServer; consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(String(e)))
    await use(errors)
    expect(errors, 'console errors').toEqual([])
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures name their dependencies by destructuring; this one has none.
  app: async ({}, use) => {
    const server = await createAppServer()
    await use(server)
    await server.cleanup()
  },
})

export { expect }

/** Opens the app at a route, the way a user opens the printed URL. */
export async function openApp(page: Page, app: AppServer, route = '/companies'): Promise<void> {
  await page.goto(`${app.url}#${route}`)
  await expect(page.getByRole('navigation', { name: /Hauptnavigation|Main navigation/ })).toBeVisible()
}
