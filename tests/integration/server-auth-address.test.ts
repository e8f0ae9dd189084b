// The client address for login throttling: X-Forwarded-For only from trusted proxies (pure functions).
import { describe, expect, it } from 'vitest'
import { normalizeAddress, parseTrustedProxies, resolveClientAddress, throttleKey } from '../../server/auth/client-address'

const none = parseTrustedProxies('')
const proxies = parseTrustedProxies(' 10.0.0.0/8, 192.0.2.10 ,fd00::/8')

describe('client address', () => {
  it('is the TCP peer when no proxy is trusted: a spoofed X-Forwarded-For is ignored', () => {
    expect(none.size).toBe(0)
    expect(resolveClientAddress('203.0.113.5', '1.2.3.4', none)).toBe('203.0.113.5')
    expect(resolveClientAddress('10.0.0.1', '1.2.3.4', none)).toBe('10.0.0.1')
    // Trusted proxies configured, but this peer is not one of them.
    expect(resolveClientAddress('203.0.113.5', '10.0.0.1, 1.2.3.4', proxies)).toBe('203.0.113.5')
  })

  it('behind trusted proxies is the right-most address not written by a trusted proxy', () => {
    expect(resolveClientAddress('10.0.0.1', '203.0.113.5', proxies)).toBe('203.0.113.5')
    // The client's own claim (left) is not believed; a chain of trusted proxies is skipped.
    expect(resolveClientAddress('10.0.0.1', '6.6.6.6, 203.0.113.5', proxies)).toBe('203.0.113.5')
    expect(resolveClientAddress('10.0.0.1', '6.6.6.6, 203.0.113.5, 192.0.2.10 , 10.9.9.9', proxies)).toBe('203.0.113.5')
    // A client cannot name itself a trusted proxy to reach further left: the walk stops at the first untrusted hop.
    expect(resolveClientAddress('10.0.0.1', '6.6.6.6, 10.0.0.3, 203.0.113.5', proxies)).toBe('203.0.113.5')
    // Only trusted hops: the left-most; no header or a garbage hop: the last trusted hop.
    expect(resolveClientAddress('10.0.0.1', '10.0.0.2, 10.0.0.3', proxies)).toBe('10.0.0.2')
    expect(resolveClientAddress('10.0.0.1', undefined, proxies)).toBe('10.0.0.1')
    expect(resolveClientAddress('10.0.0.1', 'unknown', proxies)).toBe('10.0.0.1')
    expect(resolveClientAddress('10.0.0.1', '203.0.113.5, not-an-ip', proxies)).toBe('10.0.0.1')
    expect(resolveClientAddress('10.0.0.1', '203.0.113.5:51234', proxies)).toBe('203.0.113.5')
  })

  it('handles IPv6 and IPv4-mapped addresses', () => {
    // Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d.
    expect(resolveClientAddress('::ffff:10.0.0.1', '::ffff:203.0.113.5', proxies)).toBe('203.0.113.5')
    expect(resolveClientAddress('::ffff:203.0.113.5', '1.2.3.4', proxies)).toBe('203.0.113.5')
    expect(resolveClientAddress('fd00::1', '[2001:DB8:0:0::1]:443', proxies)).toBe('2001:db8::1')
    expect(resolveClientAddress('fd00::1', '"[2001:db8::1]"', proxies)).toBe('2001:db8::1')
    expect(resolveClientAddress('fe80::1%eth0', '1.2.3.4', proxies)).toBe('fe80::1')
    expect(resolveClientAddress('2001:db8::1', '1.2.3.4', proxies)).toBe('2001:db8::1')
    expect(resolveClientAddress(undefined, '1.2.3.4', proxies)).toBe('unknown')
    expect(normalizeAddress('::FFFF:A00:1')).toBe('10.0.0.1')
    expect(normalizeAddress('proxy.local')).toBeNull()
    // An IPv4-mapped range is an IPv4 range.
    expect(parseTrustedProxies('::ffff:10.0.0.0/104').has('10.1.2.3')).toBe(true)
  })

  it('refuses a TRUSTED_PROXIES entry that is not an address or range', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/', 'fd00::/129', '10.0.0.0/x']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/)
    }
    expect(parseTrustedProxies('10.0.0.1, ::1').size).toBe(2)
  })

  it('throttles IPv6 by /64, IPv4 by address', () => {
    expect(throttleKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(throttleKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(throttleKey('2001:db8::1')).toBe('2001:db8::/64')
    expect(throttleKey('::1')).toBe('::/64')
    expect(throttleKey('203.0.113.5')).toBe('203.0.113.5')
    expect(throttleKey('unknown')).toBe('unknown')
  })
})
