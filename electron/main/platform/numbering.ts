// Document numbers made on the device without a round trip: A-2026-7KQ3M-0001 (offers), V-… (contracts),
// S-… (cases). The device code comes from the database's client id, the counter is per device and year.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.types'

type Db = Kysely<Database>

/**
 * A short code of this device, part of every offer number it gives: two laptops numbering offline
 * at the same moment can never produce the same number (A-2026-7KQ3M-0001).
 */
export function deviceCode(clientId: string): string {
  let hash = 0x811c9dc5
  for (const char of clientId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ' // Crockford base 32: no I, L, O, U
  let code = ''
  for (let i = 0; i < 5; i++) code += alphabet[(hash >>> (i * 5)) & 31]
  return code
}

async function clientId(db: Db): Promise<string> {
  return (await db.selectFrom('sync_state').select('value').where('key', '=', 'client_id').executeTakeFirstOrThrow()).value
}

/**
 * The code in this device's numbers: hashed from the client id, or the one the file was given (the demo
 * database's DEMO0 — never a real code, which has no O — so a demo number never equals a real one).
 */
async function deviceCodeOf(db: Db): Promise<string> {
  const own = await db.selectFrom('app_settings').select('value').where('key', '=', 'deviceCode').executeTakeFirst()
  return own?.value ?? deviceCode(await clientId(db))
}

/** The next number of this device for the year: A-2026-7KQ3M-0001 for offers, V-… for contracts. */
export async function nextNumber(db: Db, table: 'offers' | 'contracts' | 'cases', letter: string, year: string): Promise<string> {
  const prefix = `${letter}-${year}-${await deviceCodeOf(db)}-`
  // Longest first, then highest: 10000 comes after 9999 although it sorts before it as text.
  const last = await db.selectFrom(table).select('number').where('number', 'like', `${prefix}%`)
    .orderBy(sql`length(number)`, 'desc').orderBy('number', 'desc').limit(1).executeTakeFirst()
  const next = last ? Number(last.number.slice(prefix.length)) + 1 : 1
  return `${prefix}${String(next).padStart(4, '0')}`
}

