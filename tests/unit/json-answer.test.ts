// The sync routes' JSON answers (server/json-answer.ts): compressed once they are worth it and the client takes gzip.
import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { describe, expect, it } from 'vitest'
import { acceptsGzip, jsonAnswer } from '../../server/json-answer'

const big = JSON.stringify({ changes: Array.from({ length: 50 }, (_, i) => ({ seq: i, table: 'companies', id: `id-${i}`, data: { name: `Müller & Söhne ${i} GmbH` } })) })
const small = JSON.stringify({ results: [{ opId: 'a', status: 'applied', version: 7 }] })

function app(): Hono {
  const a = new Hono()
  a.use('*', compress()) // as in server/app.ts: it must leave these answers alone
  a.get('/big', (c) => jsonAnswer(c, big))
  a.get('/small', (c) => jsonAnswer(c, small))
  return a
}

describe('JSON answers of the sync routes', () => {
  it('reads Accept-Encoding with its weights', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true)
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('gzip; q=0.0, deflate')).toBe(false)
    expect(acceptsGzip('deflate, br')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })

  it('compresses a page of rows for a client that takes gzip, once, and it unpacks to the same text', async () => {
    const res = await app().request('/big', { headers: { 'accept-encoding': 'gzip, deflate' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(Buffer.byteLength(big) / 3)
    expect(gunzipSync(body).toString('utf8')).toBe(big)
  })

  it('sends small answers and answers to clients without gzip as they are, with their length', async () => {
    const tiny = await app().request('/small', { headers: { 'accept-encoding': 'gzip' } })
    expect(tiny.headers.get('content-encoding')).toBeNull()
    expect(tiny.headers.get('content-length')).toBe(String(Buffer.byteLength(small)))
    expect(await tiny.text()).toBe(small)
    const plain = await app().request('/big', { headers: { 'accept-encoding': 'gzip;q=0, br' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(big)
  })
})
