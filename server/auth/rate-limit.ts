// Login throttling kept in the store, so it holds across several server instances.
//
// Three kinds of counter (rows of `login_throttle`):
// - pair (login, address): the guesses one address may make at one login. After `perPair` failures
//   each further attempt must wait progressively longer since the last one (1 s, 2 s, 4 s … 15 min).
//   A successful login resets it and makes the address *known* for that login.
// - address ('', address): attempts from one address at logins not known there (password spraying).
// - login (login, ''): attempts at one login from addresses not known for it (a distributed attack).
// Address and login counters are charged only while the pair is within its first `perPair`
// failures: an address already delayed on a login is held back by its pair counter, so one
// address can never use up a login's counter and delay the real user elsewhere. Known addresses
// skip both, so the real user keeps logging in from where they did before even during a
// distributed attack; only addresses never used before wait then.
//
// Every attempt is counted BEFORE the password is verified, in one conditional upsert per counter
// (`insert … on conflict do update … where <allowed> returning`), so concurrent attempts cannot all
// pass a check made before any of them was recorded. A refused claim charges nothing; claims already
// made for an attempt that is then refused are given back.
import { sql, type Kysely } from 'kysely'
import { newId } from '../../db/platform/ids'
import type { ServerDatabase } from '../store/schema'
import { throttleKey } from './client-address'

export interface ThrottleLimits {
  /** Failed logins of one login from one address before delays start. */
  perPair: number
  /** Attempts from one address at logins not known there before delays start. */
  perAddress: number
  /** Attempts at one login from addresses not known for it before delays start. */
  perLogin: number
  /** The first delay; each further attempt doubles it, up to `maxDelayMs`. */
  firstDelayMs: number
  maxDelayMs: number
  /** A counter starts over after this long without attempts. */
  windowMs: number
  /** A successful login keeps its address known for the login this long. */
  knownMs: number
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perPair: 10,
  perAddress: 100,
  perLogin: 50,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3_600_000,
  knownMs: 90 * 86_400_000,
}

interface Bucket {
  login: string
  address: string
  free: number
}

export type Reservation =
  | { ok: true; login: string; address: string; pair: Bucket; charged: Bucket[] }
  | { ok: false; retryAfterSeconds: number }

/** How long an attempt must wait after the last one when `attempts` were counted before it. */
export function delayMs(attempts: number, free: number, limits: ThrottleLimits): number {
  if (attempts < free) return 0
  return Math.min(limits.firstDelayMs * 2 ** Math.min(attempts - free, 40), limits.maxDelayMs)
}

/** The same as `delayMs`, as SQL over the stored row (a CASE over the few doubling steps). */
function delaySql(free: number, limits: ThrottleLimits) {
  const arms = []
  for (let n = free; delayMs(n, free, limits) < limits.maxDelayMs; n++) {
    arms.push(sql`when ${sql.lit(n)} then ${sql.lit(delayMs(n, free, limits))}`)
  }
  return arms.length === 0
    ? sql`${sql.lit(limits.maxDelayMs)}`
    : sql`(case login_throttle.attempts ${sql.join(arms, sql` `)} else ${sql.lit(limits.maxDelayMs)} end)`
}

/** Counts one attempt on `bucket` if it is allowed now; false (and nothing counted) if it is not. */
async function claim(db: Kysely<ServerDatabase>, bucket: Bucket, now: number, limits: ThrottleLimits): Promise<boolean> {
  const windowStart = now - limits.windowMs
  const row = await db.insertInto('login_throttle')
    .values({ login: bucket.login, address: bucket.address, attempts: 1, last_at: now, last_success_at: null })
    .onConflict((oc) => oc.columns(['login', 'address'])
      .doUpdateSet({
        attempts: sql<number>`case when login_throttle.last_at < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
        last_at: now,
      })
      .where(sql<boolean>`login_throttle.last_at < ${windowStart}
        or login_throttle.attempts < ${bucket.free}
        or login_throttle.last_at + ${delaySql(bucket.free, limits)} <= ${now}`))
    .returning('attempts')
    .executeTakeFirst()
  return row !== undefined
}

async function giveBack(db: Kysely<ServerDatabase>, bucket: Bucket): Promise<void> {
  await db.updateTable('login_throttle').set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('login', '=', bucket.login).where('address', '=', bucket.address).where('attempts', '>', 0).execute()
}

async function refusal(db: Kysely<ServerDatabase>, bucket: Bucket, now: number, limits: ThrottleLimits): Promise<Reservation> {
  const row = await db.selectFrom('login_throttle').select(['attempts', 'last_at'])
    .where('login', '=', bucket.login).where('address', '=', bucket.address).executeTakeFirst()
  const waitMs = row ? Number(row.last_at) + delayMs(Number(row.attempts), bucket.free, limits) - now : 0
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
}

/**
 * Counts a login attempt before the password is checked. `ok: false` means: answer 429 with
 * Retry-After, do not verify the password. `login` is the normalised login, `address` the client's.
 */
export async function reserveLoginAttempt(
  db: Kysely<ServerDatabase>, login: string, address: string, now: Date, limits: ThrottleLimits = DEFAULT_THROTTLE,
): Promise<Reservation> {
  const t = now.getTime()
  const key = throttleKey(address)
  const pair: Bucket = { login, address: key, free: limits.perPair }
  // Which counters apply depends on the pair's state; reading it first (not atomically) is safe:
  // a stale read only charges counters that are given back, or skips them for an attempt the
  // pair's own claim below limits anyway.
  const state = await db.selectFrom('login_throttle').select(['attempts', 'last_at', 'last_success_at'])
    .where('login', '=', login).where('address', '=', key).executeTakeFirst()
  const known = state?.last_success_at != null && Number(state.last_success_at) > t - limits.knownMs
  const pairDelayed = state !== undefined && Number(state.last_at) >= t - limits.windowMs && Number(state.attempts) >= limits.perPair
  const charged: Bucket[] = []
  if (!known && !pairDelayed) {
    // Address and login first, so a flood refused there writes no new pair rows.
    for (const bucket of [{ login: '', address: key, free: limits.perAddress }, { login, address: '', free: limits.perLogin }]) {
      if (!(await claim(db, bucket, t, limits))) {
        for (const c of charged) await giveBack(db, c)
        return refusal(db, bucket, t, limits)
      }
      charged.push(bucket)
    }
  }
  if (!(await claim(db, pair, t, limits))) {
    for (const c of charged) await giveBack(db, c)
    return refusal(db, pair, t, limits)
  }
  return { ok: true, login, address, pair, charged }
}

/**
 * After the password check: a success resets the pair, makes the address known for the login and
 * gives back what the address and login counters were charged; a failure stays counted. Both are
 * written to `login_attempts` (audit log, pruned by time).
 */
export async function settleLoginAttempt(db: Kysely<ServerDatabase>, reservation: Extract<Reservation, { ok: true }>, success: boolean, now: Date): Promise<void> {
  const { pair, charged, login, address } = reservation
  if (success) {
    await db.updateTable('login_throttle').set({ attempts: 0, last_success_at: now.getTime() })
      .where('login', '=', pair.login).where('address', '=', pair.address).execute()
    for (const c of charged) await giveBack(db, c)
  }
  await db.insertInto('login_attempts').values({ id: newId(), login, ip: address, at: now.toISOString(), success: success ? 1 : 0 }).execute()
}

/** Admin: forget the counters of one login (not the addresses it is known at), e.g. after a support call. */
export async function clearLoginThrottle(db: Kysely<ServerDatabase>, login: string): Promise<number> {
  const result = await db.updateTable('login_throttle').set({ attempts: 0 }).where('login', '=', login).where('attempts', '>', 0).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
