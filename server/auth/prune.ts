// Deletes what the account tables no longer need: ended sessions, idle throttle counters, old
// entries of the login audit log. Run hourly by server/main.ts (every instance; the deletes are
// idempotent) and callable directly.
import type { Kysely } from 'kysely'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import { DEFAULT_THROTTLE, type ThrottleLimits } from './rate-limit'

/** Expired or revoked sessions are kept this long (to tell "ended" from "never existed" when debugging). */
export const ENDED_SESSION_DAYS = 30
/** Verified login attempts (audit log) are kept this long. */
export const LOGIN_LOG_DAYS = 30
export const PRUNE_INTERVAL_MS = 3_600_000

export interface PruneResult {
  sessions: number
  throttle: number
  attempts: number
}

export async function pruneAuthData(db: Kysely<ServerDatabase>, now: Date, limits: ThrottleLimits = DEFAULT_THROTTLE): Promise<PruneResult> {
  const t = now.getTime()
  const endedBefore = new Date(t - ENDED_SESSION_DAYS * 86_400_000).toISOString()
  const sessions = await db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', endedBefore), eb('revoked_at', '<', endedBefore)]))
    .executeTakeFirst()
  // A counter idle for its window starts over anyway; a pair row stays while its address is known.
  const throttle = await db.deleteFrom('login_throttle')
    .where('last_at', '<', t - limits.windowMs)
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', t - limits.knownMs)]))
    .executeTakeFirst()
  // A revoked calendar address answers 401 like an unknown one, with or without its row.
  await db.deleteFrom('calendar_tokens').where('revoked_at', '<', endedBefore).execute()
  const attempts = await db.deleteFrom('login_attempts').where('at', '<', new Date(t - LOGIN_LOG_DAYS * 86_400_000).toISOString()).executeTakeFirst()
  return { sessions: Number(sessions.numDeletedRows), throttle: Number(throttle.numDeletedRows), attempts: Number(attempts.numDeletedRows) }
}

/**
 * Prunes now and then every `intervalMs`; the timer does not keep the process alive. The returned
 * stop() waits for a run in progress, so the store can be closed right after it.
 */
export function startPruning(store: Store, options: { intervalMs?: number; clock?: () => Date; limits?: ThrottleLimits } = {}): () => Promise<void> {
  const clock = options.clock ?? (() => new Date())
  let running: Promise<void> | null = null
  const run = () => {
    running ??= pruneAuthData(store.db, clock(), options.limits)
      .then(() => {}, (err: unknown) => console.error('[server] pruning sessions and login counters failed:', err))
      .finally(() => {
        running = null
      })
  }
  run()
  const timer = setInterval(run, options.intervalMs ?? PRUNE_INTERVAL_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
