// SQL for local-only data: device settings, users known to this device, the outbox size.
import type { Kysely } from 'kysely'
import type { Database } from '../database.types'

export async function readSettings(db: Kysely<Database>): Promise<Record<string, string>> {
  const rows = await db.selectFrom('app_settings').selectAll().execute()
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}

export async function writeSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db.insertInto('app_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

export function listUsers(db: Kysely<Database>) {
  return db.selectFrom('users').selectAll().where('deleted_at', 'is', null).orderBy('display_name').execute()
}

export async function userExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined
}

export async function insertUser(db: Kysely<Database>, user: { id: string; display_name: string; email: string; role: string }): Promise<void> {
  await db.insertInto('users').values({ ...user, team_id: '', server_version: null, deleted_at: null }).execute()
}

export async function pendingOperationCount(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
