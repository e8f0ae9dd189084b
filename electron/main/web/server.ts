// Web mode: the built renderer and the IPC contract over HTTP on 127.0.0.1, for hosts without Electron.
import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { dispatch } from '../ipc/dispatch'
import type { AppContext } from '../ipc/handler-types'
import { CONTENT_SECURITY_POLICY, isAllowedHost, isAllowedOrigin, isValidToken } from './http-guards'

export const TOKEN_HEADER = 'x-kundenreise-token'
const MAX_BODY_BYTES = 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface WebServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } })

/** Reads a JSON body up to the limit; past it, the rest is drained (only token holders get here) and null returned. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function serveStatic(staticDir: string, urlPath: string, res: ServerResponse): void {
  const relative = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html'
  const file = path.resolve(staticDir, relative)
  const inside = file.startsWith(path.resolve(staticDir) + path.sep)
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(staticDir, 'index.html')
  const type = CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream'
  const cache = target.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable'
  res.writeHead(200, { ...securityHeaders, 'content-type': type, 'cache-control': cache })
  createReadStream(target).pipe(res)
}

export async function startWebServer(options: { app: AppContext; staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0

  const server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port)) return sendJson(res, 403, failure('forbidden', 'errors.forbidden'))
      const url = req.url ?? '/'
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, failure('validation', 'errors.invalid'))
        if (!isAllowedOrigin(req.headers.origin, port)) return sendJson(res, 403, failure('forbidden', 'errors.forbidden'))
        if (!isValidToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return sendJson(res, 401, failure('forbidden', 'errors.unauthorized'))
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, failure('validation', 'errors.invalid'))
        const body = await readBody(req)
        if (body === null) return sendJson(res, 413, failure('validation', 'errors.tooLong'))
        let input: unknown
        try {
          input = body === '' ? {} : JSON.parse(body)
        } catch {
          return sendJson(res, 400, failure('validation', 'errors.invalid'))
        }
        const channel = url.slice('/api/'.length).split('?')[0] ?? ''
        const result = await dispatch(options.app, channel, input)
        const status = !result.ok && result.error.code === 'unknown_channel' ? 404 : 200
        return sendJson(res, status, result)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('validation', 'errors.invalid'))
      serveStatic(options.staticDir, url, res)
    })().catch((err: unknown) => {
      console.error('[kundenreise] web request failed', err)
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'errors.internal'))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
