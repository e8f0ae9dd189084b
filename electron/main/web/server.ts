// Web mode: the built renderer and the IPC contract over HTTP on 127.0.0.1, for hosts without Electron.
//
// Sign-in: the printed URL carries a one-time code. `GET /?code=…` spends it and answers with a
// session cookie (HttpOnly, SameSite=Strict, random per sign-in, kept only in this process's memory)
// and a redirect to `/`. Every other request needs that cookie; the code is worthless afterwards.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { dispatch } from '../ipc/dispatch'
import type { AppContext } from '../ipc/handler-types'
import { CONTENT_SECURITY_POLICY, isAllowedHost, isAllowedOrigin, readCookie } from './http-guards'
import { signInPage, type SignInPage } from './pages'

const MAX_BODY_BYTES = 1024 * 1024
/** Attaching a file carries its bytes as base64: room for 25 MB and more (docs/files.md), on this channel only. */
const FILE_BODY_BYTES = 64 * 1024 * 1024
const bodyLimit = (pathname: string) => (pathname === '/api/files.attach' ? FILE_BODY_BYTES : MAX_BODY_BYTES)

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
  /** `http://127.0.0.1:<port>`: the address, no secret in it. */
  origin: string
  port: number
  /** The first one-time sign-in URL (what web mode prints at start). */
  url: string
  /** Another one-time sign-in URL (web mode prints one per line on stdin with `--login-links-from-stdin`). */
  issueLoginUrl(): string
  /** Name of this launch's session cookie (the port is part of it: cookies do not tell ports apart). */
  cookieName: string
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

function sendPage(res: ServerResponse, status: number, page: SignInPage): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(signInPage(page))
}

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } })

/** Secrets are kept (and looked up) only as hashes: no timing leak from the lookup, nothing usable in a heap dump. */
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url')
const newSecret = () => randomBytes(24).toString('base64url')

/** Reads a JSON body up to the limit; past it, the rest is drained (only signed-in tabs get here) and null returned. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Null for a path that is not valid percent-encoding (`/%zz`): the caller answers 400. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

function serveStatic(staticDir: string, pathname: string, res: ServerResponse): void {
  const decoded = decodePath(pathname)
  if (decoded === null || decoded.includes('\0')) return sendPage(res, 400, 'bad_request')
  const relative = decoded.replace(/^\/+/, '') || 'index.html'
  const file = path.resolve(staticDir, relative)
  const inside = file.startsWith(path.resolve(staticDir) + path.sep)
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(staticDir, 'index.html')
  const type = CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream'
  const cache = target.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable'
  res.writeHead(200, { ...securityHeaders, 'content-type': type, 'cache-control': cache })
  createReadStream(target).pipe(res)
}

export async function startWebServer(options: { app: AppContext; staticDir: string; port?: number }): Promise<WebServer> {
  let port = 0
  let cookieName = ''
  /** Digests of one-time codes not yet spent, and of the sessions they were exchanged for. */
  const codes = new Set<string>()
  const sessions = new Set<string>()

  const issueCode = () => {
    const code = newSecret()
    codes.add(digest(code))
    return code
  }
  const hasSession = (req: IncomingMessage) => {
    const value = readCookie(req.headers.cookie, cookieName)
    return value !== undefined && sessions.has(digest(value))
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port)) return sendJson(res, 403, failure('forbidden', 'errors.forbidden'))
      let url: URL
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
      } catch {
        return sendPage(res, 400, 'bad_request')
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, failure('validation', 'errors.invalid'))
        if (!isAllowedOrigin(req.headers.origin, port)) return sendJson(res, 403, failure('forbidden', 'errors.forbidden'))
        if (!hasSession(req)) return sendJson(res, 401, failure('forbidden', 'errors.unauthorized'))
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, failure('validation', 'errors.invalid'))
        const body = await readBody(req, bodyLimit(url.pathname))
        if (body === null) return sendJson(res, 413, failure('validation', 'errors.tooLong'))
        let input: unknown
        try {
          input = body === '' ? {} : JSON.parse(body)
        } catch {
          return sendJson(res, 400, failure('validation', 'errors.invalid'))
        }
        const requestKey = req.headers['idempotency-key']
        const database = req.headers['x-kundenreise-database']
        const result = await dispatch(options.app, url.pathname.slice('/api/'.length), input, {
          requestKey: typeof requestKey === 'string' ? requestKey : undefined,
          database: typeof database === 'string' ? database : undefined,
        })
        const status = !result.ok && result.error.code === 'unknown_channel' ? 404 : 200
        return sendJson(res, status, result)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('validation', 'errors.invalid'))
      if (url.pathname === '/' && url.searchParams.has('code')) {
        // Only a GET spends a code (a HEAD, e.g. a link preview, must not).
        if (req.method !== 'GET') return sendPage(res, 405, 'bad_request')
        const spent = codes.delete(digest(url.searchParams.get('code') ?? ''))
        if (!spent && !hasSession(req)) return sendPage(res, 403, 'code_used')
        const headers: Record<string, string | string[]> = { ...securityHeaders, location: '/', 'cache-control': 'no-store' }
        if (spent) {
          const session = newSecret()
          sessions.add(digest(session))
          headers['set-cookie'] = `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`
        }
        // A used code in a tab that is signed in anyway (opened twice, or prefetched) just goes to the app.
        res.writeHead(303, headers)
        return res.end()
      }
      if (!hasSession(req)) return sendPage(res, 401, 'signed_out')
      serveStatic(options.staticDir, url.pathname, res)
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
  cookieName = `kundenreise_session_${port}`
  const origin = `http://127.0.0.1:${port}`
  const issueLoginUrl = () => `${origin}/?code=${issueCode()}`
  return {
    origin,
    port,
    url: issueLoginUrl(),
    issueLoginUrl,
    cookieName,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
