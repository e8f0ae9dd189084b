// The app:// protocol's pure part: requests never leave the renderer folder, content types, CSP.
import fc from 'fast-check'
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  contentSecurityPolicy,
  contentTypeFor,
  resolveAppRequest,
  type AppTarget,
} from '../../electron/main/protocol'

let base: string
let root: string

/** The handler's own rule: regular files only, symlinks not followed. */
function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile()
  } catch {
    return false
  }
}

function resolve(url: string, method?: string): AppTarget {
  return resolveAppRequest(url, root, isFile, method)
}

function staysInside(target: AppTarget): boolean {
  return target.kind === 'error' || target.file.startsWith(root + path.sep)
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'kundenreise-protocol-'))
  root = path.join(base, 'renderer')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export {}')
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>')
  writeFileSync(path.join(base, 'secret.txt'), 'secret')
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'))
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('app:// request resolution', () => {
  it('serves index.html for the origin and for index.html', () => {
    expect(APP_INDEX_URL).toBe('app://kundenreise/index.html')
    expect(resolve(APP_INDEX_URL)).toEqual({ kind: 'file', file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' })
    expect(resolve(`${APP_ORIGIN}/`)).toMatchObject({ kind: 'file', file: path.join(root, 'index.html') })
    expect(resolve(`${APP_ORIGIN}/index.html?x=1#/companies`)).toMatchObject({ kind: 'file', file: path.join(root, 'index.html') })
  })

  it('serves assets with their content type', () => {
    expect(resolve(`${APP_ORIGIN}/assets/index-abc.js`)).toEqual({ kind: 'file', file: path.join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' })
    expect(resolve(`${APP_ORIGIN}/assets/index-abc.css`)).toMatchObject({ contentType: 'text/css; charset=utf-8' })
    expect(resolve(`${APP_ORIGIN}/assets/logo.svg`)).toMatchObject({ contentType: 'image/svg+xml' })
  })

  it('answers unknown routes with index.html (SPA) and missing assets with 404', () => {
    expect(resolve(`${APP_ORIGIN}/companies/42`)).toMatchObject({ kind: 'file', file: path.join(root, 'index.html') })
    expect(resolve(`${APP_ORIGIN}/assets`)).toMatchObject({ kind: 'file', file: path.join(root, 'index.html') })
    expect(resolve(`${APP_ORIGIN}/assets/missing.js`)).toEqual({ kind: 'error', status: 404 })
  })

  it('keeps dot-segment traversal inside the renderer folder', () => {
    for (const url of [
      'app://kundenreise/../../etc/passwd',
      'app://kundenreise/assets/../../../secret.txt',
      'app://kundenreise/%2e%2e/%2e%2e/etc/passwd',
      'app://kundenreise/.%2e/secret.txt',
      'app://kundenreise//etc/passwd',
      'app://kundenreise/./../secret.txt',
    ]) {
      const target = resolve(url)
      expect(staysInside(target), url).toBe(true)
      if (target.kind === 'file') expect(readFileSync(target.file, 'utf8'), url).not.toBe('secret')
    }
  })

  it('refuses encoded separators, backslashes, NUL, drive letters and malformed escapes', () => {
    for (const url of [
      'app://kundenreise/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://kundenreise/assets/..%2f..%2fsecret.txt',
      'app://kundenreise/%2fetc%2fpasswd',
      'app://kundenreise/..%5c..%5csecret.txt',
      'app://kundenreise/..\\..\\secret.txt',
      'app://kundenreise/assets\\..\\..\\secret.txt',
      'app://kundenreise/index.html%00.png',
      'app://kundenreise/%00',
      'app://kundenreise/C:%5cWindows%5cwin.ini',
      'app://kundenreise/C:',
      'app://kundenreise/%E0%A4%A',
    ]) {
      expect(resolve(url), url).toEqual({ kind: 'error', status: 400 })
    }
  })

  it('never follows a symlink out of the folder', () => {
    expect(resolve(`${APP_ORIGIN}/link.txt`)).toEqual({ kind: 'error', status: 404 })
  })

  it('refuses other hosts, schemes, ports, credentials and methods', () => {
    expect(resolve('app://evil/index.html')).toEqual({ kind: 'error', status: 403 })
    expect(resolve('app://kundenreise:8080/index.html')).toEqual({ kind: 'error', status: 403 })
    expect(resolve('app://user:pw@kundenreise/index.html')).toEqual({ kind: 'error', status: 403 })
    expect(resolve('file:///etc/passwd')).toEqual({ kind: 'error', status: 403 })
    expect(resolve('https://kundenreise/index.html')).toEqual({ kind: 'error', status: 403 })
    expect(resolve('not a url')).toEqual({ kind: 'error', status: 400 })
    expect(resolve(APP_INDEX_URL, 'POST')).toEqual({ kind: 'error', status: 405 })
    expect(resolve(APP_INDEX_URL, 'HEAD')).toMatchObject({ kind: 'file' })
  })

  it('stays inside for any mix of dots, separators and escapes', () => {
    const piece = fc.constantFrom('..', '.', '/', '\\', '%2e', '%2E', '%2f', '%2F', '%5c', '%00', '%', 'etc', 'passwd', 'secret.txt', 'assets', 'index.html', 'C:', '%3a', '~', ' ')
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => staysInside(resolve(`${APP_ORIGIN}/${pieces.join('')}`))), { numRuns: 2000 })
  })
})

describe('app:// responses', () => {
  it('registers a standard, secure scheme with fetch and nothing that relaxes security', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })

  it('sends a narrow CSP without unsafe-inline or unsafe-eval', () => {
    const csp = contentSecurityPolicy()
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
      expect(csp.split('; ')).toContain(directive)
    }
    expect(csp).not.toMatch(/unsafe-|\*|http:|https:|file:/)
    expect(appResponseHeaders('text/html; charset=utf-8')).toMatchObject({
      'Content-Security-Policy': csp,
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  it('keeps the <meta> CSP in renderer/index.html the same policy (minus frame-ancestors, which meta ignores)', () => {
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]
    expect(meta).toBe(contentSecurityPolicy({ forMeta: true }))
  })

  it('maps content types by extension, unknown ones to octet-stream', () => {
    expect(contentTypeFor('/a/b/INDEX.HTML')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('/a/font.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/a/blob.bin')).toBe('application/octet-stream')
    expect(contentTypeFor('/a/noext')).toBe('application/octet-stream')
  })
})
