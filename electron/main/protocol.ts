// The app:// protocol, pure part (unit-tested without the Electron binary): which file a request
// may read, its content type, and the headers every response carries. protocol-handler.ts wires it
// into Electron. No `electron` import here.
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'kundenreise'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin (so 'self' in the CSP,
 * relative URLs, ES modules and storage work as on https), fetch allowed. Nothing that relaxes
 * security: no bypassCSP, no service workers, no CORS exemption.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const

/** Directives of the renderer's Content-Security-Policy. React sets styles through the CSSOM, so no 'unsafe-inline'. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
]

/** The policy as a header value. `frame-ancestors` is honoured only in a header, not in a <meta> tag. */
export function contentSecurityPolicy(options: { forMeta?: boolean } = {}): string {
  return CSP_DIRECTIVES.filter(([name]) => !(options.forMeta && name === 'frame-ancestors'))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Headers on every app:// response (also on errors). */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  }
}

export type AppTarget =
  | { kind: 'file'; file: string; contentType: string }
  | { kind: 'error'; status: 400 | 403 | 404 | 405 }

/** Characters no decoded path segment may hold: separators, NUL, drive colons, other control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\:\u0000-\u001f\u007f]/

/**
 * Maps an app:// request to a file inside `root`, or to an error. Never leaves `root`: a segment that
 * decodes to `.`/`..`, holds a separator (`%2f`, `%5c`, `\`), NUL or a drive colon is refused (400);
 * other hosts and schemes are refused (403). A missing path without an extension is a client-side
 * route and gets index.html; a missing asset (with an extension) is 404. `isFile` tells whether a
 * path is an existing regular file (injected so the resolution stays testable).
 */
export function resolveAppRequest(url: string, root: string, isFile: (file: string) => boolean, method = 'GET'): AppTarget {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405 }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { kind: 'error', status: 400 }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST || parsed.port || parsed.username || parsed.password) {
    return { kind: 'error', status: 403 }
  }
  const segments: string[] = []
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { kind: 'error', status: 400 }
    }
    if (segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) return { kind: 'error', status: 400 }
    segments.push(segment)
  }
  const base = path.resolve(root)
  const index = path.join(base, 'index.html')
  if (segments.length === 0) return { kind: 'file', file: index, contentType: contentTypeFor(index) }
  const file = path.resolve(base, ...segments)
  const relative = path.relative(base, file)
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { kind: 'error', status: 400 }
  if (isFile(file)) return { kind: 'file', file, contentType: contentTypeFor(file) }
  if (path.extname(segments[segments.length - 1]!) !== '') return { kind: 'error', status: 404 }
  return { kind: 'file', file: index, contentType: contentTypeFor(index) }
}
