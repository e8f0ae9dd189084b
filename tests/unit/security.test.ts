import { describe, expect, it } from 'vitest'
import { isExternalLinkAllowed, isTrustedRendererUrl } from '../../electron/main/security'
import { isAllowedHost, isAllowedOrigin, isValidToken } from '../../electron/main/web/http-guards'
import { defaultUserDataDir, resolveDatabasePath } from '../../electron/main/core'

describe('isTrustedRendererUrl', () => {
  const expected = { indexFileUrl: 'app://kundenreise/index.html' }
  it('trusts our app:// origin with any hash route', () => {
    expect(isTrustedRendererUrl('app://kundenreise/index.html#/companies', expected)).toBe(true)
    expect(isTrustedRendererUrl('app://kundenreise/', expected)).toBe(true)
    expect(isTrustedRendererUrl('app://KUNDENREISE/index.html', expected)).toBe(true)
  })
  it('refuses file://, other app:// hosts, ports, credentials, remote pages and garbage', () => {
    expect(isTrustedRendererUrl('file:///opt/kundenreise/out/renderer/index.html', expected)).toBe(false)
    expect(isTrustedRendererUrl('file:///etc/passwd', expected)).toBe(false)
    expect(isTrustedRendererUrl('app://evil/index.html', expected)).toBe(false)
    expect(isTrustedRendererUrl('app://kundenreise.evil.example/index.html', expected)).toBe(false)
    expect(isTrustedRendererUrl('app://kundenreise:8080/index.html', expected)).toBe(false)
    expect(isTrustedRendererUrl('app://user@kundenreise/index.html', expected)).toBe(false)
    expect(isTrustedRendererUrl('https://kundenreise/index.html', expected)).toBe(false)
    expect(isTrustedRendererUrl('https://evil.example/', expected)).toBe(false)
    expect(isTrustedRendererUrl('about:blank', expected)).toBe(false)
    expect(isTrustedRendererUrl('', expected)).toBe(false)
    expect(isTrustedRendererUrl('not a url', expected)).toBe(false)
  })
  it('trusts app:// only when that is where our renderer lives', () => {
    expect(isTrustedRendererUrl('app://kundenreise/index.html', { indexFileUrl: 'file:///opt/kundenreise/out/renderer/index.html' })).toBe(false)
  })
  it('trusts the dev server only on loopback and only when one runs', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/#/x', { ...expected, devServerUrl: 'http://localhost:5173' })).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5173/', expected)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5174/', { ...expected, devServerUrl: 'http://localhost:5173' })).toBe(false)
    expect(isTrustedRendererUrl('http://evil.example:5173/', { ...expected, devServerUrl: 'http://evil.example:5173' })).toBe(false)
  })
})

describe('external links', () => {
  it('opens only https in the system browser', () => {
    expect(isExternalLinkAllowed('https://www.example.de/')).toBe(true)
    expect(isExternalLinkAllowed('http://www.example.de/')).toBe(false)
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false)
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false)
    expect(isExternalLinkAllowed('smb://server/share')).toBe(false)
  })
})

describe('web-mode guards', () => {
  it('accepts only our loopback host and port (DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true)
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false)
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false)
    expect(isAllowedHost(undefined, 4000)).toBe(false)
  })
  it('accepts a missing or own Origin only', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true)
    expect(isAllowedOrigin('https://evil.example', 4000)).toBe(false)
  })
  it('compares tokens exactly', () => {
    expect(isValidToken('abc', 'abc')).toBe(true)
    expect(isValidToken('abd', 'abc')).toBe(false)
    expect(isValidToken('ab', 'abc')).toBe(false)
    expect(isValidToken(undefined, 'abc')).toBe(false)
  })
})

describe('database location', () => {
  it('takes --db over the environment over the user-data folder', () => {
    expect(resolveDatabasePath(['--db', '/tmp/a.sqlite'], { KUNDENREISE_DB: '/tmp/b.sqlite' }, '/home/u/.config/Kundenreise')).toBe('/tmp/a.sqlite')
    expect(resolveDatabasePath(['--db=/tmp/c.sqlite'], {}, '/x')).toBe('/tmp/c.sqlite')
    expect(resolveDatabasePath([], { KUNDENREISE_DB: '/tmp/b.sqlite' }, '/x')).toBe('/tmp/b.sqlite')
    expect(resolveDatabasePath([], {}, '/home/u/.config/Kundenreise')).toBe('/home/u/.config/Kundenreise/kundenreise.sqlite')
  })
  it('uses the same user-data folder Electron would', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/Kundenreise')
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toMatch(/Kundenreise$/)
  })
})
