// Calendar subscription tokens: random, shown once, stored as SHA-256, one active per user, apart from
// the login and its sessions (logging out or a new password leaves the calendar subscribed).
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Role } from '../../shared/modules/sync'
import { hashToken } from '../auth/sessions'
import type { ServerDatabase } from '../store/schema'

type Db = Kysely<ServerDatabase>

/** 32 random bytes, base64url: 43 characters. */
export const CALENDAR_TOKEN = /^[A-Za-z0-9_-]{43}$/

export interface CalendarTokenStatus {
  active: boolean
  createdAt: string | null
}

export async function calendarTokenStatus(db: Db, userId: string): Promise<CalendarTokenStatus> {
  const row = await db.selectFrom('calendar_tokens').select('created_at').where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return { active: !!row, createdAt: row?.created_at ?? null }
}

/** A new token for the user; the one they had stops working in the same transaction. */
export async function resetCalendarToken(db: Db, userId: string, now: Date): Promise<{ token: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url')
  const createdAt = now.toISOString()
  const attempt = () => db.transaction().execute(async (trx) => {
    await trx.updateTable('calendar_tokens').set({ revoked_at: createdAt }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute()
    await trx.insertInto('calendar_tokens').values({ token_hash: hashToken(token), user_id: userId, created_at: createdAt, revoked_at: null }).execute()
  })
  try {
    await attempt()
  } catch (err) {
    // Two resets at once (PostgreSQL): the other one's token became active first; this one replaces it.
    if (!/unique|duplicate/i.test(String((err as Error)?.message))) throw err
    await attempt()
  }
  return { token, createdAt }
}

export async function revokeCalendarToken(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('calendar_tokens').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute()
}

export interface FeedOwner {
  userId: string
  role: Role
  teamId: string
}

/**
 * Whose feed a token opens, or null: unknown, revoked, or its user disabled — one query by the token's hash
 * for every case, so the answer and its path are the same whatever made it fail.
 */
export async function feedOwnerForToken(db: Db, token: string): Promise<FeedOwner | null> {
  const row = await db.selectFrom('calendar_tokens').innerJoin('users', 'users.id', 'calendar_tokens.user_id')
    .select(['users.id', 'users.role', 'users.team_id'])
    .where('calendar_tokens.token_hash', '=', hashToken(token))
    .where('calendar_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst()
  return row && CALENDAR_TOKEN.test(token) ? { userId: row.id, role: row.role, teamId: row.team_id } : null
}
