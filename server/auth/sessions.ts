// Opaque bearer tokens: random, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ServerDatabase } from '../store/schema'
import type { Role } from '../../shared/modules/sync'

export const SESSION_DAYS = 90

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export interface Actor {
  userId: string
  login: string
  displayName: string
  role: Role
  teamId: string
  clientId: string
}

export async function createSession(db: Kysely<ServerDatabase>, userId: string, clientId: string, deviceName: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.insertInto('sessions').values({
    token_hash: hashToken(token),
    user_id: userId,
    client_id: clientId,
    device_name: deviceName,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    revoked_at: null,
  }).execute()
  return token
}

export async function actorForToken(db: Kysely<ServerDatabase>, token: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.login', 'users.display_name', 'users.role', 'users.team_id', 'sessions.client_id'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  return { userId: row.id, login: row.login, displayName: row.display_name, role: row.role, teamId: row.team_id, clientId: row.client_id }
}

export async function revokeSession(db: Kysely<ServerDatabase>, token: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('token_hash', '=', hashToken(token)).execute()
}

/**
 * A laptop that runs on a restored or copied database takes a new client id: the same login gets a
 * session for it, ending no later than the one it comes from (the old one stays, for the original).
 */
export async function rebindSession(db: Kysely<ServerDatabase>, token: string, newClientId: string, now: Date): Promise<string | null> {
  const old = await db.selectFrom('sessions').select(['user_id', 'device_name', 'expires_at']).where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null).where('expires_at', '>', now.toISOString()).executeTakeFirst()
  if (!old) return null
  const fresh = randomBytes(32).toString('base64url')
  await db.insertInto('sessions').values({
    token_hash: hashToken(fresh), user_id: old.user_id, client_id: newClientId, device_name: old.device_name,
    created_at: now.toISOString(), expires_at: old.expires_at, revoked_at: null,
  }).execute()
  return fresh
}
