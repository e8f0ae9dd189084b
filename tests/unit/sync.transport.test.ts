// The sync transport sends a request that failed on the network once more, at once (a connection kept
// alive from before a server restart fails on first use); a second failure is "offline".
import { describe, expect, it } from 'vitest'
import { httpTransport, type FetchLike } from '../../electron/main/modules/sync/transport'

const ok = () => new Response(JSON.stringify({ results: [] }), { status: 200, headers: { 'content-type': 'application/json' } })
const request = { clientId: 'c1', schemaVersion: 7, ops: [] }

describe('sync transport', () => {
  it('retries a request that failed on a stale connection once', async () => {
    let calls = 0
    const fetchImpl: FetchLike = async () => {
      if (calls++ === 0) throw new TypeError('fetch failed', { cause: new Error('other side closed') })
      return ok()
    }
    await expect(httpTransport('http://sync.test', fetchImpl).push('t'.repeat(30), 7, request)).resolves.toEqual({ results: [] })
    expect(calls).toBe(2)
  })

  it('reports offline when the retry fails too, and does not retry a timeout', async () => {
    let calls = 0
    const down: FetchLike = async () => {
      calls++
      throw new TypeError('fetch failed')
    }
    await expect(httpTransport('http://sync.test', down).push('t'.repeat(30), 7, request)).rejects.toMatchObject({ code: 'offline' })
    expect(calls).toBe(2)
    calls = 0
    const slow: FetchLike = async () => {
      calls++
      throw Object.assign(new Error('timed out'), { name: 'TimeoutError' })
    }
    await expect(httpTransport('http://sync.test', slow).push('t'.repeat(30), 7, request)).rejects.toMatchObject({ code: 'timeout' })
    expect(calls).toBe(1)
  })
})
