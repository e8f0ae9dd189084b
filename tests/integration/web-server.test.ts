// Web mode's HTTP surface: the same contract, guarded by Host check, Origin check, a session cookie
// from a one-time sign-in code, JSON content type and size limit.
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startWebServer, type WebServer } from '../../electron/main/web/server'
import { counts, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
let server: WebServer
/** `name=value` of the session cookie the first sign-in link gave. */
let cookie: string

beforeEach(async () => {
  t = await openTestDb()
  const staticDir = path.join(t.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kundenreise</title>')
  server = await startWebServer({ app: t.app, staticDir })
  cookie = sessionCookie(await send('GET', signInPath(server.url)))
})
afterEach(async () => {
  await server.close()
  await t.cleanup()
})

/** The `name=value` part of the Set-Cookie header of a sign-in answer. */
function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const setCookie = res.headers['set-cookie'] as string[] | undefined
  return setCookie?.[0]?.split(';')[0] ?? ''
}

const signInPath = (url: string) => `/${new URL(url).search}`

function send(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const port = options.port ?? server.port
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send('POST', `/api/${channel}`, { headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(body) })

describe('web mode', () => {
  it('prints a loopback URL with a one-time code, fresh per launch', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]{32}$/)
    expect(server.issueLoginUrl()).not.toBe(server.url)
  })

  it('exchanges the code once for an HttpOnly, SameSite=Strict session cookie and sends the tab to the app', async () => {
    const url = server.issueLoginUrl()
    const first = await send('GET', signInPath(url))
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    expect(first.headers['cache-control']).toBe('no-store')
    const setCookie = (first.headers['set-cookie'] as string[])[0]!
    expect(setCookie).toMatch(new RegExp(`^kundenreise_session_${server.port}=[\\w-]{32}; `))
    expect(setCookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict'])
    const fresh = sessionCookie(first)
    expect(fresh).not.toBe(cookie)
    const index = await send('GET', '/', { headers: { cookie: fresh } })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Kundenreise</title>')
    expect(JSON.parse((await api('companies.list', {}, { cookie: fresh })).body)).toMatchObject({ ok: true })

    // The code is spent: a second use (history, a log, another browser) is refused with a clear page and no cookie.
    const again = await send('GET', signInPath(url))
    expect(again.status).toBe(403)
    expect(again.headers['set-cookie']).toBeUndefined()
    expect(again.body).toContain('Dieser Link wurde bereits benutzt')
    expect(again.body).toContain('This link has already been used')
    // A tab that is signed in anyway and opens the used link again just goes to the app, without a new session.
    const signedIn = await send('GET', signInPath(url), { headers: { cookie: fresh } })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers['set-cookie']).toBeUndefined()
  })

  it('refuses made-up codes, and a HEAD does not spend a code', async () => {
    expect((await send('GET', '/?code=made-up')).status).toBe(403)
    expect((await send('GET', '/?code=')).status).toBe(403)
    const url = server.issueLoginUrl()
    expect((await send('HEAD', signInPath(url))).status).toBe(405)
    expect((await send('GET', signInPath(url))).status).toBe(303)
  })

  it('without the session cookie: the API answers 401 and pages say how to sign in', async () => {
    expect((await api('companies.list', {}, { cookie: '' })).status).toBe(401)
    expect((await api('companies.list', {}, { cookie: `kundenreise_session_${server.port}=forged` })).status).toBe(401)
    // The one-time code is not a credential for the API.
    expect((await api('companies.list', {}, { cookie: `kundenreise_session_${server.port}=${new URL(server.url).searchParams.get('code')}` })).status).toBe(401)
    const page = await send('GET', '/')
    expect(page.status).toBe(401)
    expect(page.body).toContain('Nicht angemeldet')
    expect(page.body).not.toContain('<title>Kundenreise</title>')
    expect((await send('GET', '/assets/index.js')).status).toBe(401)
  })

  it('a session of another launch is not accepted', async () => {
    const other = await startWebServer({ app: t.app, staticDir: path.join(t.dir, 'renderer') })
    try {
      const value = cookie.split('=')[1]
      const res = await send('POST', '/api/companies.list', {
        port: other.port, headers: { 'content-type': 'application/json', cookie: `${other.cookieName}=${value}` }, body: '{}',
      })
      expect(res.status).toBe(401)
    } finally {
      await other.close()
    }
  })

  it('answers a malformed path with 400 and logs nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      for (const bad of ['/%zz', '/%', '/assets/%E0%A4%A', '/%00']) {
        const res = await send('GET', bad, { headers: { cookie } })
        expect(res.status, bad).toBe(400)
        expect(res.body).toContain('Ungültige Adresse')
      }
      expect((await send('GET', '/%zz')).status).not.toBe(500)
      expect((await api('companies%zz', {})).status).toBe(404)
      expect(errors).not.toHaveBeenCalled()
    } finally {
      errors.mockRestore()
    }
  })

  it('serves the contract over POST and writes through the same services', async () => {
    const res = await api('companies.create', validCompany())
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { name: 'Brunsviga Maschinenbau GmbH' } })
  })

  it('returns field errors for bad input, 404 for unknown channels', async () => {
    expect(JSON.parse((await api('companies.create', { name: '' })).body)).toMatchObject({ ok: false, error: { fields: { name: 'errors.required' } } })
    expect((await api('companies.nuke', {})).status).toBe(404)
  })

  it('refuses requests without the session, from foreign origins or hosts, and writes nothing', async () => {
    expect((await api('companies.create', validCompany(), { cookie: 'kundenreise_session_1=wrong' })).status).toBe(401)
    expect((await api('companies.create', validCompany(), { origin: 'https://evil.example' })).status).toBe(403)
    expect((await api('companies.create', validCompany(), { host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await send('GET', '/', { headers: { host: 'rebind.example' } })).status).toBe(403)
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 0, outbox: 0 })
  })

  it('refuses oversized, non-JSON and malformed bodies and wrong methods', async () => {
    expect((await api('companies.create', { ...validCompany(), notes: 'x'.repeat(1_100_000) })).status).toBe(413)
    expect((await send('POST', '/api/companies.list', { headers: { cookie, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415)
    expect((await send('POST', '/api/companies.list', { headers: { cookie, 'content-type': 'application/json' }, body: '{"a":' })).status).toBe(400)
    expect((await send('GET', '/api/companies.list')).status).toBe(405)
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 0, outbox: 0 })
  })

  it('serves the app with a strict CSP and never a file outside its folder', async () => {
    const index = await send('GET', '/', { headers: { cookie } })
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    const traversal = await send('GET', '/../../test.sqlite', { headers: { cookie } })
    expect(traversal.body).toContain('<title>Kundenreise</title>')
    const encoded = await send('GET', '/%2e%2e/test.sqlite', { headers: { cookie } })
    expect(encoded.body).toContain('<title>Kundenreise</title>')
  })
})
