// Wrong feed tokens are counted per client address in the login throttle's table (so it holds across
// server instances), under a name no login can have ('#' is not allowed in logins). Guessing a 256-bit
// token is hopeless anyway; this keeps a client that hammers the server with bad addresses at bay.
// Only failures count: calendar clients poll a working address every few minutes and write nothing.
import { sql, type Kysely } from 'kysely'
import { throttleKey } from '../auth/client-address'
import { delayMs, DEFAULT_THROTTLE, type ThrottleLimits } from '../auth/rate-limit'
import type { ServerDatabase } from '../store/schema'

export const FEED_THROTTLE_LOGIN = '#calendar-feed'

/**
 * Failures one address may cause in the window before each further request must wait (1 s, 2 s … 15 min):
 * generous, since a whole office behind one address may have calendars polling an address revoked long ago.
 */
export const FEED_FREE_FAILURES = 100

export interface FeedThrottle {
  free: number
  limits: ThrottleLimits
}

export const DEFAULT_FEED_THROTTLE: FeedThrottle = { free: FEED_FREE_FAILURES, limits: DEFAULT_THROTTLE }

/** Seconds the address must still wait, or 0. `login` names the counter (the integration API keeps its own). */
export async function feedRetryAfter(db: Kysely<ServerDatabase>, address: string, now: Date, throttle: FeedThrottle = DEFAULT_FEED_THROTTLE, login = FEED_THROTTLE_LOGIN): Promise<number> {
  const row = await db.selectFrom('login_throttle').select(['attempts', 'last_at'])
    .where('login', '=', login).where('address', '=', throttleKey(address)).executeTakeFirst()
  if (!row || Number(row.last_at) < now.getTime() - throttle.limits.windowMs) return 0
  const waitMs = Number(row.last_at) + delayMs(Number(row.attempts), throttle.free, throttle.limits) - now.getTime()
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0
}

export async function countFeedFailure(db: Kysely<ServerDatabase>, address: string, now: Date, throttle: FeedThrottle = DEFAULT_FEED_THROTTLE, login = FEED_THROTTLE_LOGIN): Promise<void> {
  const t = now.getTime()
  const windowStart = t - throttle.limits.windowMs
  await db.insertInto('login_throttle')
    .values({ login, address: throttleKey(address), attempts: 1, last_at: t, last_success_at: null })
    .onConflict((oc) => oc.columns(['login', 'address']).doUpdateSet({
      attempts: sql<number>`case when login_throttle.last_at < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
      last_at: t,
    }))
    .execute()
}
