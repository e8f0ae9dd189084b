// The laptop's calendar subscription channels (calendarFeed.status/create/revoke) with its sync session, and
// the server's throttle of wrong feed addresses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { SyncController } from '../../electron/main/modules/sync'
import { createApp } from '../../server/app'
import { FEED_THROTTLE_LOGIN } from '../../server/calendar/throttle'
import { resetCalendarToken } from '../../server/calendar/tokens'
import type { CalendarFeedCreated } from '../../shared/modules/planning'
import { PASSWORD, startHarness, type Harness } from '../helpers/sync-harness'
import { openTestDb, type TestDb } from '../helpers/temp-db'

describe('calendar subscription on the laptop', () => {
  let h: Harness
  let t: TestDb
  let sync: SyncController
  beforeEach(async () => {
    h = await startHarness('sqlite')
    t = await openTestDb()
    sync = new SyncController({ ctx: t.ctx, clientId: t.database.clientId, fetchImpl: h.fetch })
    t.app.sync = sync
  })
  afterEach(async () => {
    await sync.stop()
    await t.cleanup()
    await h.cleanup()
  })

  it('is unavailable without a server, works with the session, and says offline when the server cannot be reached', async () => {
    expect(await dispatch(t.app, 'calendarFeed.status', {})).toEqual({ ok: true, data: { available: false, active: false, createdAt: null } })
    expect(await dispatch(t.app, 'calendarFeed.create', {})).toMatchObject({ ok: false, error: { message: 'errors.calendarFeedNotConnected' } })

    await sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    expect(await dispatch(t.app, 'calendarFeed.status', {})).toEqual({ ok: true, data: { available: true, active: false, createdAt: null } })
    const answer = await dispatch(t.app, 'calendarFeed.create', {})
    if (!answer.ok) throw new Error(JSON.stringify(answer.error))
    const created = answer as { data: CalendarFeedCreated }
    expect(created.data.url).toMatch(/^http:\/\/sync\.test\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/)
    expect((await h.fetch(created.data.url, { method: 'GET' })).status).toBe(200)
    expect(await dispatch(t.app, 'calendarFeed.status', {})).toEqual({ ok: true, data: { available: true, active: true, createdAt: created.data.createdAt } })
    // The address is not kept on the laptop.
    const state = await t.ctx.db.selectFrom('sync_state').select('value').execute()
    expect(state.some((r) => r.value.includes(created.data.url.slice(-47, -4)))).toBe(false)

    expect(await dispatch(t.app, 'calendarFeed.revoke', {})).toEqual({ ok: true, data: { available: true, active: false, createdAt: null } })
    expect((await h.fetch(created.data.url, { method: 'GET' })).status).toBe(401)

    h.setFetch(() => async () => {
      throw new TypeError('fetch failed')
    })
    expect(await dispatch(t.app, 'calendarFeed.create', {})).toMatchObject({ ok: false, error: { message: 'errors.calendarFeedOffline' } })
    expect(await dispatch(t.app, 'calendarFeed.status', {})).toMatchObject({ ok: false, error: { message: 'errors.calendarFeedOffline' } })
  })

  it('a session the server no longer accepts is "signed out", not a failure of the feed', async () => {
    await sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await sync.syncNow() // the run connect started is over: the next request to the server is this one
    await h.store.db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).execute()
    expect(await dispatch(t.app, 'calendarFeed.create', {})).toMatchObject({ ok: false, error: { message: 'errors.calendarFeedLoggedOut' } })
  })
})

describe('throttling wrong feed addresses', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness('sqlite')
  })
  afterEach(async () => h.cleanup())

  it('after the free failures an address waits (429, Retry-After); a right address, from there or elsewhere, still works', async () => {
    const limits = { perPair: 10, perAddress: 100, perLogin: 50, firstDelayMs: 60_000, maxDelayMs: 15 * 60_000, windowMs: 86_400_000, knownMs: 90 * 86_400_000 }
    let peer = '203.0.113.7'
    const app = createApp({ store: h.store, clock: () => h.clock.now, peerAddress: () => peer, feedThrottle: { free: 3, limits } })
    const get = (path: string) => app.request(`http://sync.test${path}`)
    const wrong = `/calendar/feed/${'w'.repeat(43)}.ics`
    for (let i = 0; i < 3; i++) expect((await get(wrong)).status).toBe(401)
    const refused = await get(wrong)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    const row = await h.store.db.selectFrom('login_throttle').select('attempts').where('login', '=', FEED_THROTTLE_LOGIN).executeTakeFirstOrThrow()
    expect(row.attempts).toBe(3) // a refused request is not counted again
    // A colleague behind the same address with a valid subscription is not locked out by someone else's guesses.
    const user = await h.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
    const { token } = await resetCalendarToken(h.store.db, user.id, h.clock.now)
    expect((await get(`/calendar/feed/${token}.ics`)).status).toBe(200)
    // Another address is not held back; after the delay this one may try again.
    peer = '198.51.100.2'
    expect((await get(wrong)).status).toBe(401)
    peer = '203.0.113.7'
    h.clock.now = new Date(h.clock.now.getTime() + 61_000)
    expect((await get(wrong)).status).toBe(401)
  })
})
