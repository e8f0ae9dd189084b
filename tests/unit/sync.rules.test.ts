// Pure sync rules: backoff with jitter, server addresses, who sees which scope, error words.
import { describe, expect, it } from 'vitest'
import { backoffDelay, errorKey } from '../../electron/main/modules/sync/controller'
import { normaliseServerUrl, SyncTransportError } from '../../electron/main/modules/sync/transport'
import { canSee, scopesKey, visibleScopes } from '../../server/sync/scope'
import { translateFromData } from '../../shared/i18n'
import { teamScope } from '../../shared/modules/sync/tables'

describe('backoff', () => {
  it('doubles per failure between half and the whole ceiling, up to 15 minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(2_500)
    expect(backoffDelay(1, () => 1)).toBe(5_000)
    expect(backoffDelay(3, () => 1)).toBe(20_000)
    expect(backoffDelay(30, () => 1)).toBe(15 * 60_000)
    expect(backoffDelay(30, () => 0)).toBe(7.5 * 60_000)
  })
  it('spreads laptops that fail together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4)))
    expect(delays.size).toBeGreaterThan(10)
  })
})

describe('server address', () => {
  it('keeps scheme, host, port and path, without trailing slashes', () => {
    expect(normaliseServerUrl(' https://sync.firma.de/kundenreise/ ')).toBe('https://sync.firma.de/kundenreise')
    expect(normaliseServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787')
  })
  it('refuses anything but http and https', () => {
    expect(() => normaliseServerUrl('file:///etc/passwd')).toThrow()
    expect(() => normaliseServerUrl('sync.firma.de')).toThrow()
  })
})

describe('scopes', () => {
  it('a rep sees the organisation and the own team; managers and admins see all', () => {
    const rep = { role: 'field_sales' as const, teamId: 't1' }
    expect(visibleScopes(rep)).toEqual(['org', 'team:t1'])
    expect(canSee(rep, teamScope('t1'))).toBe(true)
    expect(canSee(rep, teamScope('t2'))).toBe(false)
    expect(canSee(rep, 'unassigned')).toBe(false)
    expect(canSee({ role: 'manager', teamId: '' }, teamScope('t2'))).toBe(true)
    expect(visibleScopes({ role: 'admin', teamId: '' })).toBeNull()
    expect(scopesKey(null)).toBe('*')
  })
  it('a user without a team sees only organisation-wide rows', () => {
    expect(visibleScopes({ role: 'service', teamId: '' })).toEqual(['org', 'unassigned'])
  })
})

describe('errors in words a rep understands', () => {
  it('has German and English text for every transport error', () => {
    for (const code of ['offline', 'timeout', 'invalid_credentials', 'unauthenticated', 'rate_limited', 'client_outdated', 'sequence_gap', 'forbidden', 'too_large', 'bad_request', 'bad_response', 'not_found', 'internal'] as const) {
      const key = errorKey(new SyncTransportError(code, 0))
      expect(translateFromData('de', key)).not.toBe(key)
      expect(translateFromData('en', key)).not.toBe(key)
    }
    expect(errorKey(new Error('boom'))).toBe('sync.errors.internal')
  })
})
