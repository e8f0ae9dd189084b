// Web mode's HTTP surface: the same contract, guarded by Host check, Origin check, token and size limit.
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/main/web/server'
import { counts, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
let server: WebServer

beforeEach(async () => {
  t = await openTestDb()
  const staticDir = path.join(t.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kundenreise</title>')
  server = await startWebServer({ app: t.app, staticDir })
})
afterEach(async () => {
  await server.close()
  await t.cleanup()
})

function send(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
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
  send('POST', `/api/${channel}`, { headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, body: JSON.stringify(body) })

describe('web mode', () => {
  it('prints a loopback URL with a fresh token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
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

  it('refuses requests without the token, from foreign origins or hosts, and writes nothing', async () => {
    expect((await api('companies.create', validCompany(), { [TOKEN_HEADER]: 'wrong' })).status).toBe(401)
    expect((await api('companies.create', validCompany(), { origin: 'https://evil.example' })).status).toBe(403)
    expect((await api('companies.create', validCompany(), { host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await send('GET', '/', { headers: { host: 'rebind.example' } })).status).toBe(403)
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 0, outbox: 0 })
  })

  it('refuses oversized, non-JSON and malformed bodies and wrong methods', async () => {
    expect((await api('companies.create', { ...validCompany(), notes: 'x'.repeat(1_100_000) })).status).toBe(413)
    expect((await send('POST', '/api/companies.list', { headers: { [TOKEN_HEADER]: server.token, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415)
    expect((await send('POST', '/api/companies.list', { headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' }, body: '{"a":' })).status).toBe(400)
    expect((await send('GET', '/api/companies.list')).status).toBe(405)
    expect(await counts(t.ctx.db, 'companies')).toEqual({ rows: 0, outbox: 0 })
  })

  it('serves the app with a strict CSP and never a file outside its folder', async () => {
    const index = await send('GET', '/')
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    const traversal = await send('GET', '/../../test.sqlite')
    expect(traversal.body).toContain('<title>Kundenreise</title>')
    const encoded = await send('GET', '/%2e%2e/test.sqlite')
    expect(encoded.body).toContain('<title>Kundenreise</title>')
  })
})
