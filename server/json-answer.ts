// JSON answers of the sync routes, compressed where they are built (issue 20).
import { gzipSync } from 'node:zlib'
import type { Context } from 'hono'

/** Below this many bytes an answer goes out as it is (hono's compress middleware skips it too: it has a length). */
const THRESHOLD = 1024

/**
 * `text` (JSON) as a 200 answer: gzip-compressed in one call when the client takes gzip and it is 1 KB or more, else
 * with its length. hono's compress middleware pipes every answer without a length through a web CompressionStream —
 * also a push's few hundred bytes — and under a burst of syncs that cost about a tenth of the server's time. Level 3
 * compresses a page of pulled rows about three times faster than the default 6 and about 1 % larger.
 */
export function jsonAnswer(c: Context, text: string): Response {
  const headers = { 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' }
  if (text.length >= THRESHOLD && acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(gzipSync(text, { level: 3 }), 200, { ...headers, 'content-encoding': 'gzip' })
  }
  return c.body(text, 200, { ...headers, 'content-length': String(Buffer.byteLength(text)) })
}

/** `gzip` (or `*`) in Accept-Encoding, not with q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (name !== 'gzip' && name !== '*') continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (!q || Number(q.slice(2)) > 0) return true
  }
  return false
}
