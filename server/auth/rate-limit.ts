// Login throttling kept in the store, so it holds across several server instances.
import type { Kysely } from 'kysely'
import { newId } from '../../db/ids'
import type { ServerDatabase } from '../store/schema'

export const WINDOW_MINUTES = 15
export const MAX_FAILURES_PER_LOGIN = 10
export const MAX_FAILURES_PER_IP = 50

export async function isThrottled(db: Kysely<ServerDatabase>, login: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString()
  const count = async (column: 'login' | 'ip', value: string) =>
    Number((await db.selectFrom('login_attempts').select((eb) => eb.fn.countAll().as('n'))
      .where(column, '=', value).where('at', '>', since).where('success', '=', 0).executeTakeFirstOrThrow()).n)
  return (await count('login', login)) >= MAX_FAILURES_PER_LOGIN || (await count('ip', ip)) >= MAX_FAILURES_PER_IP
}

export async function recordAttempt(db: Kysely<ServerDatabase>, login: string, ip: string, success: boolean, now: Date): Promise<void> {
  await db.insertInto('login_attempts').values({ id: newId(), login, ip, at: now.toISOString(), success: success ? 1 : 0 }).execute()
}
