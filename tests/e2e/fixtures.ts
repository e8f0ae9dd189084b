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
  /** `http://127.0.0.1:<port>`: the app's address. Opening it needs a signed-in browser context (see openApp). */
  url: string
  dbFile: string
  /**
   * A fresh one-time sign-in link, as web mode prints it. Each link signs in one browser context
   * once; openApp asks for one every time, so tests may open the app as often as they like.
   */
  loginUrl(): Promise<string>
  /** Calls a channel over HTTP the way the renderer does (for setup and for checking what was written). */
  api<T = unknown>(channel: string, input?: unknown): Promise<ApiAnswer<T>>
  /** Restarts on the same database; `today` moves the app's clock to that day (KUNDENREISE_TODAY). */
  restart(options?: { today?: string }): Promise<void>
  stop(): Promise<void>
  /** The test stopped or restarted the app: a page left open on the old address may have asked it in vain. */
  readonly wasStopped: boolean
}

const LOGIN_URL = /(http:\/\/127\.0\.0\.1:\d+)\/\?code=[\w-]+/

interface Running {
  child: ChildProcess
  origin: string
  /** The session cookie (`name=value`) the fixture's own API calls use. */
  cookie: string
  loginUrl(): Promise<string>
}

/**
 * Starts web mode with `--login-links-from-stdin`: it prints one one-time sign-in link at start and
 * another for every line written to its stdin. The server has no other way to hand out links.
 */
async function launch(dbFile: string, today?: string): Promise<Running> {
  const env = { ...process.env, KUNDENREISE_TODAY: today ?? '' }
  const child = spawn(process.execPath, [path.resolve(process.env.KUNDENREISE_OUT ?? 'out', 'main/web.js'), '--db', dbFile, '--login-links-from-stdin'], { stdio: ['pipe', 'pipe', 'pipe'], env })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  // Links in the order printed; each waiter takes the next one.
  const links: string[] = []
  const waiters: Array<(url: string) => void> = []
  let partial = ''
  child.stdout?.on('data', (c: Buffer) => {
    const lines = (partial + c.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const match = LOGIN_URL.exec(line)
      if (!match) continue
      const waiter = waiters.shift()
      if (waiter) waiter(match[0])
      else links.push(match[0])
    }
  })
  const nextLink = (what: string) => new Promise<string>((resolve, reject) => {
    const ready = links.shift()
    if (ready) return resolve(ready)
    const timer = setTimeout(() => reject(new Error(`web mode printed no ${what}: ${stderr}`)), 20_000)
    const onExit = (code: number | null) => reject(new Error(`web mode exited with ${code}: ${stderr}`))
    child.once('exit', onExit)
    waiters.push((url) => {
      clearTimeout(timer)
      child.off('exit', onExit)
      resolve(url)
    })
  })
  const first = await nextLink('sign-in link')
  const origin = LOGIN_URL.exec(first)![1]!
  // The fixture signs itself in with the first link, as a browser would.
  const signIn = await fetch(first, { redirect: 'manual' })
  const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? ''
  if (signIn.status !== 303 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`)
  let asking = Promise.resolve('')
  const loginUrl = () => {
    // One request at a time, so each caller gets the link printed for it.
    asking = asking.catch(() => '').then(() => {
      child.stdin?.write('\n')
      return nextLink('new sign-in link')
    })
    return asking
  }
  return { child, origin, cookie, loginUrl }
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/**
 * A complete letter profile (the user's name and contact details, the company's legal details), so
 * offers can be sent and the first-start assistant does not open. Tests of the assistant start fresh.
 */
export const COMPLETE_PROFILE = {
  repName: 'Jan Petersen', repEmail: 'j.petersen@nordlicht.example', repJobTitle: 'Vertrieb Norddeutschland', repPhone: '42',
  name: 'Nordlicht Anlagenbau GmbH', street: 'Podbielskistraße 120', postalCode: '30177', city: 'Hannover', phone: '+49 511 123456-0',
  email: 'vertrieb@nordlicht.example', managingDirectors: 'Dr. Karin Weber', registerCourt: 'Amtsgericht Hannover', registerNumber: 'HRB 123456',
  vatId: 'DE123456789', bankName: 'Sparkasse Hannover', iban: 'DE89 3704 0044 0532 0130 00', bic: 'SPKHDE2HXXX',
}

export interface AppServerOptions {
  /** Leave the profile empty, as on a real first start (the assistant opens; offers cannot be sent). */
  fresh?: boolean
}

/** A web-mode app on its own temporary database (tests that need two laptops start a second one). */
export async function createAppServer(options: AppServerOptions = {}): Promise<AppServer & { cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-e2e-'))
  const dbFile = path.join(dir, 'e2e.sqlite')
  let running = await launch(dbFile)
  let wasStopped = false
  const server = {
    dbFile,
    get wasStopped() {
      return wasStopped
    },
    get url() {
      return running.origin
    },
    loginUrl: () => running.loginUrl(),
    async api<T>(channel: string, input: unknown = {}): Promise<ApiAnswer<T>> {
      const res = await fetch(`${running.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: running.cookie },
        body: JSON.stringify(input),
      })
      return (await res.json()) as ApiAnswer<T>
    },
    async restart(options: { today?: string } = {}) {
      wasStopped = true
      await stopChild(running.child)
      running = await launch(dbFile, options.today)
    },
    stop: () => {
      wasStopped = true
      return stopChild(running.child)
    },
    async cleanup() {
      await stopChild(running.child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
  if (!options.fresh) {
    const saved = await server.api('profile.update', COMPLETE_PROFILE)
    if (!saved.ok) throw new Error(`could not fill the profile: ${JSON.stringify(saved.error)}`)
  }
  return server
}

export const test = base.extend<{ app: AppServer; consoleErrors: string[]; appOptions: AppServerOptions }>({
  /** `test.use({ appOptions: { fresh: true } })` starts the app as on a first start. */
  appOptions: [{}, { option: true }],
  consoleErrors: async ({ page, app }, use) => {
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(String(e)))
    await use(errors)
    // A page still open on the address of an app the test stopped or restarted may have sent a late background read
    // (counters, sync status) to it: the browser logs the refused connection. Only then, and only that, is not a fault.
    const refused = 'Failed to load resource: net::ERR_CONNECTION_REFUSED'
    expect(errors.filter((e) => !(app.wasStopped && e === refused)), 'console errors').toEqual([])
  },
  app: async ({ appOptions }, use) => {
    const server = await createAppServer(appOptions)
    await use(server)
    await server.cleanup()
  },
})

export { expect }

/** A call through the app's API that must succeed (setting up what a test then clicks through); its data. */
export async function must<T = { id: string }>(app: AppServer, channel: string, input: unknown = {}): Promise<T> {
  const answer = await app.api<T>(channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data!
}

/**
 * Opens the app at a route, the way a user opens the printed URL: a fresh one-time link each time
 * (web mode answers it with the session cookie and a redirect to `/`, keeping the route in the hash).
 */
export async function openApp(page: Page, app: AppServer, route = '/companies'): Promise<void> {
  await page.goto(`${await app.loginUrl()}#${route}`)
  await expect(page.getByRole('navigation', { name: /Hauptnavigation|Main navigation/ })).toBeVisible()
}
