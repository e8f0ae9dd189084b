// Integration keys: one per sending system, created, listed and revoked with the admin CLI. The key is shown
// once at creation; the store keeps its SHA-256 only. Each key names the kinds of data it may post (here
// `erp_facts`, `leads` and `service_requests`), so a leaked ERP key cannot post leads.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { newId } from '../../db/platform/ids'
import { AdminError } from '../admin/accounts'
import { hashToken } from '../auth/sessions'
import type { ServerDatabase } from '../store/schema'

type Db = Kysely<ServerDatabase>

/** What a key may post; each is one endpoint of the family `/integrations/v1/…`. */
export const INTEGRATION_KINDS = ['erp_facts', 'leads', 'service_requests'] as const
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number]

/** `kr_` and 32 random bytes, base64url: 46 characters. */
export const INTEGRATION_KEY = /^kr_[A-Za-z0-9_-]{43}$/

export interface IntegrationKey {
  id: string
  name: string
  kinds: IntegrationKind[]
}

export interface IntegrationKeyListed extends IntegrationKey {
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

const kindsOf = (text: string): IntegrationKind[] => text.split(' ').filter((k): k is IntegrationKind => (INTEGRATION_KINDS as readonly string[]).includes(k))

export async function createIntegrationKey(db: Db, name: string, kinds: readonly string[], now = new Date()): Promise<{ id: string; key: string }> {
  const trimmed = name.trim()
  if (!/^[\p{L}\p{N} ._-]{2,80}$/u.test(trimmed)) throw new AdminError('name: 2–80 letters, digits, spaces, . _ -')
  const unknown = kinds.filter((k) => !(INTEGRATION_KINDS as readonly string[]).includes(k))
  if (kinds.length === 0 || unknown.length > 0) throw new AdminError(`kinds must be some of ${INTEGRATION_KINDS.join(', ')}`)
  if (await db.selectFrom('integration_keys').select('id').where('name', '=', trimmed).executeTakeFirst()) throw new AdminError(`an integration key "${trimmed}" exists already`)
  const key = `kr_${randomBytes(32).toString('base64url')}`
  const id = newId(now.getTime())
  await db.insertInto('integration_keys').values({
    id, name: trimmed, key_hash: hashToken(key), kinds: [...new Set(kinds)].join(' '), created_at: now.toISOString(), revoked_at: null, last_used_at: null,
  }).execute()
  return { id, key }
}

export async function listIntegrationKeys(db: Db): Promise<IntegrationKeyListed[]> {
  const rows = await db.selectFrom('integration_keys').selectAll().orderBy('created_at').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, kinds: kindsOf(r.kinds), createdAt: r.created_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at }))
}

/** Revoked at once: the next post with it is refused. By name or id. */
export async function revokeIntegrationKey(db: Db, nameOrId: string, now = new Date()): Promise<void> {
  const result = await db.updateTable('integration_keys').set({ revoked_at: now.toISOString() })
    .where((eb) => eb.or([eb('name', '=', nameOrId.trim()), eb('id', '=', nameOrId.trim())])).where('revoked_at', 'is', null).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw new AdminError(`no active integration key "${nameOrId}"`)
}

/** The active key a request presents, or null (unknown, revoked, malformed: the same answer). */
export async function integrationKeyFor(db: Db, key: string, now: Date): Promise<IntegrationKey | null> {
  if (!INTEGRATION_KEY.test(key)) return null
  const row = await db.selectFrom('integration_keys').select(['id', 'name', 'kinds']).where('key_hash', '=', hashToken(key)).where('revoked_at', 'is', null).executeTakeFirst()
  if (!row) return null
  // Last used to the minute: written at most once a minute, so a busy sender's posts do not each pay a write.
  await db.updateTable('integration_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000).toISOString())])).execute()
  return { id: row.id, name: row.name, kinds: kindsOf(row.kinds) }
}
