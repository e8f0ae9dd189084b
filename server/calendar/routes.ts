// The calendar subscription's endpoints (docs/calendar-feed.md): the token is managed with the laptop's
// session (Bearer, as the sync endpoints); the feed itself is opened by the token in its URL alone.
import type { Context, Hono } from 'hono'
import type { SyncErrorBody } from '../../shared/modules/sync'
import { resolveClientAddress, type TrustedProxies } from '../auth/client-address'
import { actorForToken, type Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import { feedEntries, writeFeed } from './feed'
import { catchUpCalendar } from './projection'
import { countFeedFailure, DEFAULT_FEED_THROTTLE, feedRetryAfter, type FeedThrottle } from './throttle'
import { calendarTokenStatus, feedOwnerForToken, resetCalendarToken, revokeCalendarToken } from './tokens'

export interface CalendarRouteOptions {
  store: Store
  clock: () => Date
  /** The address laptops and calendars reach the server at (behind a proxy); by default the request's own. */
  publicUrl?: string
  peerAddress?: (c: Context) => string | undefined
  trustedProxies: TrustedProxies
  feedThrottle?: FeedThrottle
}

type Env = { Variables: { actor: Actor } }

const unauthenticated = (c: Context) => c.json({ error: 'unauthenticated', message: 'login required' } satisfies SyncErrorBody, 401)

/** Feed addresses are secrets: no cache, proxy or referrer keeps them or what they answer. */
const PRIVATE_HEADERS = { 'cache-control': 'private, no-store, max-age=0', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' }

export function feedUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/calendar/feed/${token}.ics`
}

export function mountCalendarRoutes(app: Hono<Env>, options: CalendarRouteOptions): void {
  const { store, clock } = options
  const db = store.db
  const throttle = options.feedThrottle ?? DEFAULT_FEED_THROTTLE

  app.use('/calendar/token', async (c, next) => {
    const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '')?.[1]
    const actor = token ? await actorForToken(db, token, clock()) : null
    if (!actor) return unauthenticated(c)
    c.set('actor', actor)
    c.header('cache-control', PRIVATE_HEADERS['cache-control'])
    await next()
  })

  app.get('/calendar/token', async (c) => c.json(await calendarTokenStatus(db, c.get('actor').userId)))

  /** A new address; the old one stops working. The token is in this answer only: the store keeps its hash. */
  app.post('/calendar/token', async (c) => {
    const { token, createdAt } = await resetCalendarToken(db, c.get('actor').userId, clock())
    // The first fetch of the feed should not pay for catching up the projection.
    await catchUpCalendar(db)
    return c.json({ url: feedUrl(options.publicUrl || new URL(c.req.url).origin, token), createdAt })
  })

  app.delete('/calendar/token', async (c) => {
    await revokeCalendarToken(db, c.get('actor').userId, clock())
    return c.json({ active: false, createdAt: null })
  })

  app.get('/calendar/feed/:file', async (c) => {
    const now = clock()
    const address = resolveClientAddress(options.peerAddress?.(c), c.req.header('x-forwarded-for'), options.trustedProxies)
    // A valid token is answered whatever others behind the same address got wrong (an office behind one NAT keeps
    // its calendars while one misconfigured client guesses); only a wrong one meets the throttle. Unknown, revoked
    // and a disabled user's token take the same path and get the same answer.
    const owner = await feedOwnerForToken(db, c.req.param('file').replace(/\.ics$/, ''))
    if (!owner) {
      const retryAfter = await feedRetryAfter(db, address, now, throttle)
      if (retryAfter > 0) {
        c.header('Retry-After', String(retryAfter))
        return c.json({ error: 'rate_limited', message: 'too many requests, try again later' } satisfies SyncErrorBody, 429)
      }
      await countFeedFailure(db, address, now, throttle)
      return unauthenticated(c)
    }
    await catchUpCalendar(db)
    const body = writeFeed(await feedEntries(db, owner, now), now)
    return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="kundenreise.ics"', ...PRIVATE_HEADERS })
  })
}
