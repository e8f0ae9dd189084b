// `npm start` prints one line with the URL and serves the app; a foreign database file is refused, untouched.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-db'

const children: ReturnType<typeof spawn>[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM')
})

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, KUNDENREISE_WEB: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

describe('start-up', () => {
  it('prints the URL of web mode and serves the app there', async () => {
    const db = path.join(tempDir(), 'start.sqlite')
    const started = run(['scripts/start.mjs', '--db', db])
    let url = ''
    for (let i = 0; i < 600 && !url; i++) {
      url = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+/.exec(started.output().stdout)?.[0] ?? ''
      if (!url) await new Promise((r) => setTimeout(r, 100))
    }
    expect(url, started.output().stderr).not.toBe('')
    expect(started.output().stdout.split('\n').filter((l) => l.includes(url))).toHaveLength(1)
    // The one-time code becomes a session cookie; the address then serves the app with it.
    const exchange = await fetch(url, { redirect: 'manual' })
    expect(exchange.status).toBe(303)
    const cookie = (exchange.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^kundenreise_session_\d+=/)
    const page = await fetch(new URL('/', url), { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(403)
  }, 90_000)

  it('refuses a file that is not a Kundenreise database with a clear message and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'kunden.sqlite')
    writeFileSync(file, 'Name;Ort\nBrunsviga;Braunschweig\n')
    const before = readFileSync(file)
    const web = run(['out/main/web.js', '--db', file])
    expect(await web.exited).toBe(2)
    expect(web.output().stderr).toContain(`Die Datei ${file} ist keine Kundenreise-Datenbank. Sie wurde nicht verändert.`)
    expect(readFileSync(file).equals(before)).toBe(true)
  }, 30_000)
})
