// Where a request comes from, for login throttling. Pure functions: no I/O.
//
// X-Forwarded-For is written by whoever sends the request, so it counts only when the TCP peer is
// a proxy we trust (TRUSTED_PROXIES), and then only up to the first hop not written by a trusted
// proxy: the right-most untrusted address. Everything left of it is the client's own claim.
import { BlockList, isIP } from 'node:net'

export interface TrustedProxies {
  has(address: string): boolean
  readonly size: number
}

export const NO_TRUSTED_PROXIES: TrustedProxies = { has: () => false, size: 0 }

/**
 * An address in one canonical spelling: IPv4 dotted, IPv6 compressed lower case without zone,
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`, as Node reports IPv4 peers on dual-stack sockets) as IPv4.
 * Accepts the forms seen in X-Forwarded-For: `1.2.3.4:5678`, `[2001:db8::1]:443`, quoted. Null if
 * it is not an IP address (`unknown`, a host name, garbage).
 */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null
  let s = raw.trim().replace(/^"(.*)"$/, '$1')
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s)
  if (bracketed) s = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'))
  s = s.replace(/%[\w.-]+$/, '') // zone id (fe80::1%eth0)
  const version = isIP(s)
  if (version === 4) return s.split('.').map((part) => String(Number(part))).join('.')
  if (version !== 6) return null
  const canonical = new URL(`http://[${s}]/`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical)
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16)
    const lo = parseInt(mapped[2]!, 16)
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  }
  return canonical
}

/**
 * Parses TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges, IPv4 or IPv6
 * (`10.0.0.1, 172.16.0.0/12, fd00::/8`). Empty: no proxy is trusted. Throws on an entry that is not
 * an address or range, so a typo stops the server at start instead of silently trusting nobody.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList()
  let size = 0
  for (const entry of (spec ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [rawAddress, rawPrefix, ...rest] = entry.split('/')
    const address = normalizeAddress(rawAddress)
    if (!address || rest.length > 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`)
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6'
    let prefix = rawPrefix === undefined ? null : Number(rawPrefix)
    // An IPv4-mapped range (::ffff:10.0.0.0/104) is an IPv4 range: addresses are compared as IPv4.
    if (family === 'ipv4' && isIP(rawAddress!.trim()) === 6 && prefix !== null) prefix -= 96
    const max = family === 'ipv4' ? 32 : 128
    if (prefix !== null && (!/^\d{1,3}$/.test(rawPrefix!) || prefix < 0 || prefix > max)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length`)
    }
    if (prefix === null || prefix === max) list.addAddress(address, family)
    else list.addSubnet(address, prefix, family)
    size++
  }
  const has = (a: string) => {
    const version = isIP(a)
    return version !== 0 && list.check(a, version === 4 ? 'ipv4' : 'ipv6')
  }
  return { has, size }
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * read from the right, skipping trusted proxies, and the first address that is not one is the
 * client. A hop that is not an address ends the walk at the last trusted hop (it was not written
 * by a proxy we trust). `unknown` if the peer is not known (in-process requests).
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let address = normalizeAddress(peer)
  if (!address) return 'unknown'
  if (!trusted.has(address)) return address
  const hops = (forwardedFor ?? '').split(',').map((h) => h.trim()).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i])
    if (!hop) return address
    address = hop
    if (!trusted.has(hop)) return hop
  }
  return address
}

/**
 * The key an address is throttled under: IPv4 as is, IPv6 by its /64 network (one subscriber gets
 * a whole /64, so counting single IPv6 addresses would let one attacker rotate through 2^64 keys).
 */
export function throttleKey(address: string): string {
  if (isIP(address) !== 6) return address
  const [head, tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return normalizeAddress(`${groups.slice(0, 4).join(':')}::`)! + '/64'
}
