// Login throttling, login input checks and pruning of the account tables, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTeam, createUser, unblockLogin } from '../../server/admin/accounts'
import { createApp, type ServerOptions } from '../../server/app'
import { parseTrustedProxies } from '../../server/auth/client-address'
import { pruneAuthData, startPruning } from '../../server/auth/prune'
import { DEFAULT_THROTTLE } from '../../server/auth/rate-limit'
import { hashToken } from '../../server/auth/sessions'
import { openTestStore, PASSWORD, postgresAvailable, STORE_KINDS, type TestStore } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the server auth suite')

const WRONG = 'falsch-falsch-falsch'
const ATTACKER = '203.0.113.66'
const PROXY = '10.0.0.2'

describe.each(STORE_KINDS)('login on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  let ts: TestStore
  const clock = { now: new Date('2026-11-20T09:00:00.000Z') }
  const advance = (seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000))

  beforeEach(async () => {
    if (skip) return
    clock.now = new Date('2026-11-20T09:00:00.000Z')
    ts = await openTestStore(kind)
    const team = await createTeam(ts.store, 'Vertrieb Nord')
    await createUser(ts.store, { login: 'anna', displayName: 'Anna Becker', role: 'field_sales', teamId: team, password: PASSWORD })
    await createUser(ts.store, { login: 'ben', displayName: 'Ben Schulz', role: 'inside_sales', teamId: team, password: PASSWORD })
  })
  afterEach(async () => {
    if (!skip) await ts.cleanup()
  })

  /** The app with the TCP peer taken from a test header (the Node adapter supplies it in production). */
  const server = (options: Partial<ServerOptions> = {}) =>
    createApp({ store: ts.store, clock: () => clock.now, peerAddress: (c) => c.req.header('x-test-peer'), ...options })
  type App = ReturnType<typeof server>
  const login = (app: App, peer: string, user: string, password: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
    app.request('/auth/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-peer': peer, ...headers },
      body: JSON.stringify({ login: user, password, clientId: `client-${peer}`, deviceName: 'Laptop', ...extra }),
    })
  const retryAfter = (r: Response) => Number(r.headers.get('retry-after'))
  const verified = async () => (await ts.store.db.selectFrom('login_attempts').select('success').execute()).length

  it.skipIf(skip)('40 concurrent wrong passwords: at most the limit are checked, the rest wait; the right password from another address still logs in', async () => {
    const app = server()
    const responses = await Promise.all(Array.from({ length: 40 }, () => login(app, ATTACKER, 'anna', WRONG)))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_THROTTLE.perPair)
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - DEFAULT_THROTTLE.perPair)
    expect(await verified()).toBe(DEFAULT_THROTTLE.perPair)
    const refused = responses.find((r) => r.status === 429)!
    expect(await refused.json()).toMatchObject({ error: 'rate_limited' })
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(1)

    // Anna, elsewhere, is not affected.
    const anna = await login(app, '198.51.100.7', 'anna', PASSWORD)
    expect(anna.status).toBe(200)
    expect(await anna.json()).toMatchObject({ user: { login: 'anna' } })
    // From the attacked address she waits (a delay, not a lock), then logs in, which resets the counter.
    const waiting = await login(app, ATTACKER, 'anna', PASSWORD)
    expect(waiting.status).toBe(429)
    advance(retryAfter(waiting))
    expect((await login(app, ATTACKER, 'anna', PASSWORD)).status).toBe(200)
    expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(401)
  })

  it.skipIf(skip)('the delay after the free failures doubles (1 s, 2 s, 4 s …) up to 15 minutes', async () => {
    const app = server({ loginThrottle: { perPair: 2 } })
    for (let i = 0; i < 2; i++) expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(401)
    const waits: number[] = []
    for (let i = 0; i < 12; i++) {
      const refused = await login(app, ATTACKER, 'anna', WRONG)
      expect(refused.status).toBe(429)
      waits.push(retryAfter(refused))
      advance(retryAfter(refused) - 0.5)
      expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(429) // not a moment early
      advance(0.5)
      expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(401)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900])
    // A day without attempts and the counter starts over.
    advance(24 * 3600 + 1)
    expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(401)
    expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(401)
    expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(429)
  })

  it.skipIf(skip)('a long attack from one address never delays the real user at another, new address', async () => {
    const app = server({ loginThrottle: { perPair: 3, perLogin: 5 } })
    let checked = 0
    for (let i = 0; i < 40; i++) {
      const r = await login(app, ATTACKER, 'anna', WRONG)
      if (r.status === 401) checked++
      else advance(retryAfter(r))
    }
    expect(checked).toBeGreaterThan(5) // more failures than the login's own allowance
    expect((await login(app, '198.51.100.7', 'anna', PASSWORD)).status).toBe(200)
  })

  it.skipIf(skip)('a distributed attack delays the login only at addresses never used before; known addresses log in', async () => {
    const app = server({ loginThrottle: { perPair: 2, perLogin: 4 } })
    expect((await login(app, '198.51.100.7', 'anna', PASSWORD)).status).toBe(200) // Anna's office
    const statuses: number[] = []
    for (let bot = 1; bot <= 6; bot++) {
      for (let i = 0; i < 2; i++) statuses.push((await login(app, `203.0.113.${bot}`, 'anna', WRONG)).status)
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(4)
    expect((await login(app, '198.51.100.7', 'anna', PASSWORD)).status).toBe(200)
    const hotel = await login(app, '192.0.2.44', 'anna', PASSWORD)
    expect(hotel.status).toBe(429)
    advance(retryAfter(hotel))
    expect((await login(app, '192.0.2.44', 'anna', PASSWORD)).status).toBe(200)
    // Other logins are not affected.
    expect((await login(app, '192.0.2.45', 'ben', PASSWORD)).status).toBe(200)
  })

  it.skipIf(skip)('behind trusted proxies each client counts on its own: an attacker cannot lock out everyone, nor hide behind a forged header', async () => {
    const app = server({ trustedProxies: parseTrustedProxies('10.0.0.0/24'), loginThrottle: { perAddress: 5, perPair: 3 } })
    const viaProxy = (forwardedFor: string, user: string, password: string) => login(app, PROXY, user, password, { 'x-forwarded-for': forwardedFor })
    const spray: number[] = []
    for (let i = 0; i < 8; i++) spray.push((await viaProxy(`6.6.6.${i}, ${ATTACKER}`, i % 2 ? 'anna' : `user${i}`, WRONG)).status)
    expect(spray).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
    // Everyone else behind the same proxy: Anna, and Ben who never logged in before.
    expect((await viaProxy('198.51.100.7', 'anna', PASSWORD)).status).toBe(200)
    expect((await viaProxy('198.51.100.8', 'ben', PASSWORD)).status).toBe(200)
    // Straight to the server, a forged X-Forwarded-For does not change the address counted.
    const direct: number[] = []
    for (let i = 0; i < 4; i++) direct.push((await login(app, '203.0.113.99', 'ben', WRONG, { 'x-forwarded-for': `198.51.100.${i}` })).status)
    expect(direct).toEqual([401, 401, 401, 429])
  })

  it.skipIf(skip)('without TRUSTED_PROXIES everyone behind a proxy shares its address; who logged in there before still logs in', async () => {
    const app = server({ loginThrottle: { perAddress: 5 } })
    expect((await login(app, PROXY, 'anna', PASSWORD)).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await login(app, PROXY, `user${i}`, WRONG, { 'x-forwarded-for': `6.6.6.${i}` })).status).toBe(401)
    expect((await login(app, PROXY, 'user9', WRONG)).status).toBe(429)
    expect((await login(app, PROXY, 'ben', PASSWORD)).status).toBe(429) // new here: waits like the attacker
    expect((await login(app, PROXY, 'anna', PASSWORD)).status).toBe(200) // known here
  })

  it.skipIf(skip)('a login, client id or device name with a NUL or an unpaired surrogate is refused with 400 before the store is touched', async () => {
    const app = server()
    for (const [user, extra] of [
      ['an\u0000na', {}],
      ['\ud800anna', {}],
      ['anna\udc00', {}],
      ['anna', { clientId: 'c\u00001' }],
      ['anna', { deviceName: 'Laptop\u0000' }],
    ] as const) {
      const r = await login(app, ATTACKER, user, PASSWORD, {}, extra)
      expect(r.status, JSON.stringify(user)).toBe(400)
      expect(await r.json()).toMatchObject({ error: 'bad_request' })
    }
    expect(await ts.store.db.selectFrom('login_throttle').selectAll().execute()).toEqual([])
    expect(await verified()).toBe(0)
    // Characters outside the BMP are fine (a login that does not exist: 401, not 400 or 500).
    expect((await login(app, ATTACKER, 'anna😀', PASSWORD)).status).toBe(401)
    expect((await login(app, ATTACKER, 'anna', PASSWORD)).status).toBe(200)
  })

  it.skipIf(skip)('an admin can let a user who mistyped too often try again at once', async () => {
    const app = server({ loginThrottle: { perPair: 1 } })
    expect((await login(app, ATTACKER, 'anna', WRONG)).status).toBe(401)
    expect((await login(app, ATTACKER, 'anna', PASSWORD)).status).toBe(429)
    expect(await unblockLogin(ts.store, ' Anna ')).toBeGreaterThan(0)
    expect((await login(app, ATTACKER, 'anna', PASSWORD)).status).toBe(200)
  })

  it.skipIf(skip)('pruning deletes ended sessions, idle counters and the old login log, and keeps what is live', async () => {
    const { db } = ts.store
    const day = 86_400_000
    const t = clock.now.getTime()
    const iso = (ms: number) => new Date(ms).toISOString()
    const users = await db.selectFrom('users').select('id').execute()
    const session = (name: string, expires: number, revoked: number | null) => ({
      token_hash: hashToken(name), user_id: users[0]!.id, client_id: name, device_name: '', created_at: iso(t - 100 * day), expires_at: iso(expires), revoked_at: revoked === null ? null : iso(revoked),
    })
    await db.insertInto('sessions').values([
      session('live', t + 10 * day, null),
      session('expired-long-ago', t - 31 * day, null),
      session('expired-recently', t - 2 * day, null),
      session('revoked-long-ago', t + 10 * day, t - 40 * day),
      session('revoked-recently', t + 10 * day, t - 1 * day),
    ]).execute()
    await db.insertInto('login_throttle').values([
      { login: 'anna', address: '1.1.1.1', attempts: 3, last_at: t - 2 * day, last_success_at: null }, // idle
      { login: 'anna', address: '2.2.2.2', attempts: 0, last_at: t - 30 * day, last_success_at: t - 30 * day }, // known address
      { login: 'anna', address: '3.3.3.3', attempts: 0, last_at: t - 100 * day, last_success_at: t - 100 * day }, // known long ago
      { login: '', address: '4.4.4.4', attempts: 7, last_at: t - 3600_000, last_success_at: null }, // current
      { login: 'ben', address: '', attempts: 60, last_at: t - 25 * 3600_000, last_success_at: null }, // idle
    ]).execute()
    await db.insertInto('login_attempts').values([
      { id: 'old', login: 'anna', ip: '1.1.1.1', at: iso(t - 31 * day), success: 0 },
      { id: 'new', login: 'anna', ip: '1.1.1.1', at: iso(t - 29 * day), success: 1 },
    ]).execute()

    expect(await pruneAuthData(db, clock.now)).toEqual({ sessions: 2, throttle: 3, attempts: 1 })
    expect((await db.selectFrom('sessions').select('client_id').orderBy('client_id').execute()).map((s) => s.client_id))
      .toEqual(['expired-recently', 'live', 'revoked-recently'])
    expect((await db.selectFrom('login_throttle').select('address').orderBy('address').execute()).map((r) => r.address)).toEqual(['2.2.2.2', '4.4.4.4'])
    expect((await db.selectFrom('login_attempts').select('id').execute()).map((r) => r.id)).toEqual(['new'])

    // The server's timer runs the same pruning at start and on its interval.
    advance(31 * 86_400)
    const stop = startPruning(ts.store, { clock: () => clock.now, intervalMs: 60_000 })
    await stop()
    expect((await db.selectFrom('sessions').select('client_id').execute()).map((s) => s.client_id)).toEqual(['live'])
    expect(await db.selectFrom('login_attempts').select('id').execute()).toEqual([])
  })
})
