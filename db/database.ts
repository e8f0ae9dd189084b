// Opens the local database safely: refuses files that are not ours, corrupt or newer, then migrates.
import { existsSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs'
import { Kysely, Migrator, sql, type MigrationProvider } from 'kysely'
import { newId } from './platform/ids'
import { restoreIndexes } from './platform/deferred-indexes'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { openHandle, type DatabaseKey, type SqliteHandle } from './platform/sqlite/sqlite3-handle'
import { Sqlite3Dialect } from './platform/sqlite/sqlite3-dialect'
import type { Database } from './database.types'
import { rowProblem } from '../shared/modules/sync'
import { setRowCheck } from './platform/synced-writes'
import { setCompanyRefreshHooks, setJourneyFacts } from './modules/customers'
import { CONTRACT_JOURNEY_FACTS, CONTRACT_JOURNEY_FLIPS, setUndecidedRenewalOffer } from './modules/contracts'
import { OFFER_JOURNEY_FACTS, REFERRAL_STATUS_FROM_OFFERS, undecidedOffer } from './modules/offers'
import { SERVICE_JOURNEY_FACTS, SERVICE_JOURNEY_FLIPS, setReferralStatusQuery } from './modules/service'
import { HEALTH_REFRESH_HOOK, triggerRefreshHook } from './modules/success'

// Every synced write is checked against the row schemas the sync server validates pushes with.
setRowCheck(rowProblem)
// A module's business predicates that a module below it needs (docs/architecture.md, "Business predicates"):
// the journey's facts about offers, contracts and the use phase, a referral's status from the offers, and
// which of a contract's renewal offers is still undecided.
setJourneyFacts({ ...OFFER_JOURNEY_FACTS, ...CONTRACT_JOURNEY_FACTS, ...SERVICE_JOURNEY_FACTS }, [CONTRACT_JOURNEY_FLIPS, SERVICE_JOURNEY_FLIPS])
setReferralStatusQuery(REFERRAL_STATUS_FROM_OFFERS)
setUndecidedRenewalOffer(undecidedOffer)
// What follows a customer's facts after the journey, in order (issue 17 adds the health score, then the triggers).
setCompanyRefreshHooks([HEALTH_REFRESH_HOOK, triggerRefreshHook])

/** PRAGMA application_id of Kundenreise databases ("KREI"). */
export const APPLICATION_ID = 0x4b524549

export type DatabaseProblem = 'not_sqlite' | 'not_ours' | 'corrupt' | 'newer_version' | 'cannot_open' | 'wrong_key'

/** A database the app must not touch. `message` is an i18n key; `detail` is for the log. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`errors.db.${problem}`)
    this.name = 'DatabaseOpenError'
  }
}

export interface AppDatabase {
  db: Kysely<Database>
  handle: SqliteHandle
  path: string
  clientId: string
  close(): Promise<void>
}

const SQLITE_HEADER = 'SQLite format 3\0'

function readHeader(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(16)
    const read = readSync(fd, buffer, 0, 16, 0)
    return buffer.subarray(0, read).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/** The file holds an unencrypted SQLite database (an encrypted one starts with random bytes). */
const isPlain = (path: string) => existsSync(path) && statSync(path).size > 0 && readHeader(path) === SQLITE_HEADER

/** Looks at an existing file read-only, so a file we refuse is left exactly as it was. */
async function inspectExisting(path: string, key: DatabaseKey | null): Promise<void> {
  if (!existsSync(path) || statSync(path).size === 0) return
  const encrypted = key !== null && !isPlain(path)
  if (!encrypted && readHeader(path) !== SQLITE_HEADER) throw new DatabaseOpenError('not_sqlite', path, 'missing SQLite header')
  let handle: SqliteHandle
  try {
    handle = await openHandle(path, 'readonly', encrypted ? key : null)
  } catch (err) {
    // An encrypted file that this key does not open: another device's file, or a lost key — never "repair" it.
    throw new DatabaseOpenError(encrypted ? 'wrong_key' : 'cannot_open', path, String(err))
  }
  try {
    const [app] = await handle.all<{ application_id: number }>('PRAGMA application_id')
    const [version] = await handle.all<{ user_version: number }>('PRAGMA user_version')
    const [tables] = await handle.all<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    const applicationId = app?.application_id ?? 0
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || (tables?.n ?? 0) > 0)) {
      throw new DatabaseOpenError('not_ours', path, `application_id ${applicationId}, ${tables?.n} tables`)
    }
    if ((version?.user_version ?? 0) > SCHEMA_VERSION) {
      throw new DatabaseOpenError('newer_version', path, `schema ${version?.user_version} > ${SCHEMA_VERSION}`)
    }
    // Cheap checks only, so start-up stays fast on large files: the schema must be readable and the
    // file as long as its header says. The full scan runs after start-up (quickCheck, below).
    await handle.all('SELECT name, sql FROM sqlite_master')
    const [pages] = await handle.all<{ page_count: number }>('PRAGMA page_count')
    const [pageSize] = await handle.all<{ page_size: number }>('PRAGMA page_size')
    // After a crash, committed pages may still sit in the write-ahead log, not yet in the file.
    const walSize = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0
    if ((pages?.page_count ?? 0) * (pageSize?.page_size ?? 0) > statSync(path).size + walSize) {
      throw new DatabaseOpenError('corrupt', path, 'file shorter than its page count')
    }
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err
    throw new DatabaseOpenError('corrupt', path, String(err))
  } finally {
    await handle.close()
  }
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${String(error)}`)
  }
}

/**
 * Encrypts an unencrypted database file in place: SQLCipher copies it into an encrypted twin
 * (`sqlcipher_export`, then the two PRAGMAs it does not copy), the original is kept as `<file>.unencrypted-backup`
 * until the twin has opened with the key and passed the quick check, then removed (it holds the personal data the
 * encryption is for). A crash in between leaves either the original or the backup and the twin, which the next
 * start finishes (`finishEncryption`).
 */
export async function encryptInPlace(path: string, key: DatabaseKey): Promise<void> {
  const twin = `${path}.encrypting`
  const backup = `${path}.unencrypted-backup`
  rmSync(twin, { force: true })
  const plain = await openHandle(path, 'readwrite', null, true)
  try {
    await plain.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    const [version] = await plain.all<{ user_version: number }>('PRAGMA user_version')
    await plain.run(`ATTACH DATABASE ? AS encrypted KEY "x'${key.toString('hex')}'"`, [twin])
    await plain.all("SELECT sqlcipher_export('encrypted')")
    await plain.exec(`PRAGMA encrypted.user_version = ${Number(version?.user_version ?? 0)}; PRAGMA encrypted.application_id = ${APPLICATION_ID}`)
    await plain.exec('DETACH DATABASE encrypted')
  } finally {
    await plain.close()
  }
  const check = await openHandle(twin, 'readonly', key)
  try {
    const rows = await check.all<{ quick_check: string }>('PRAGMA quick_check(1)')
    if (rows[0]?.quick_check !== 'ok') throw new Error(`encrypted copy failed its check: ${rows[0]?.quick_check}`)
  } finally {
    await check.close()
  }
  renameSync(path, backup)
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  renameSync(twin, path)
  rmSync(backup, { force: true })
}

/** After a crash during `encryptInPlace`: the twin is complete once the original was moved to the backup. */
function finishEncryption(path: string): void {
  const twin = `${path}.encrypting`
  const backup = `${path}.unencrypted-backup`
  if (!existsSync(path) && existsSync(backup) && existsSync(twin)) renameSync(twin, path)
  else if (!existsSync(path) && existsSync(backup)) renameSync(backup, path)
  if (existsSync(path) && !isPlain(path)) rmSync(backup, { force: true })
  rmSync(twin, { force: true })
}

export interface OpenOptions {
  /** Encrypts the file with SQLCipher (an unencrypted one is encrypted in place first); null: unencrypted. */
  key?: DatabaseKey | null
}

/** Whether the file at `path` is encrypted (it exists and does not start with SQLite's plain header). */
export const isEncryptedFile = (path: string): boolean => existsSync(path) && statSync(path).size > 0 && !isPlain(path)

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<AppDatabase> {
  const key = options.key ?? null
  if (key) {
    finishEncryption(path)
    if (isPlain(path)) {
      // Only a file we would open unencrypted is encrypted: a foreign or newer one is refused untouched.
      await inspectExisting(path, null)
      await encryptInPlace(path, key)
    }
  }
  await inspectExisting(path, key)
  let handle: SqliteHandle
  try {
    handle = await openHandle(path, 'readwrite', key)
  } catch (err) {
    throw new DatabaseOpenError('cannot_open', path, String(err))
  }
  await handle.exec('PRAGMA busy_timeout = 5000')
  // Deleted content is overwritten, not just unlinked: an erased person leaves no bytes in freed pages.
  await handle.exec('PRAGMA secure_delete = ON')
  // WAL with synchronous=NORMAL: a crash of the app or the OS process never loses a committed
  // transaction; only a power cut may lose the last few, never corrupt the file.
  await handle.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY')
  // Marked as ours before the first table exists, so a crash during set-up never makes it "foreign".
  await handle.exec(`PRAGMA application_id = ${APPLICATION_ID}`)
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(handle) })
  try {
    // A first download stopped by the app's end left indexes to be built: the schema is whole before migrations run.
    const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'sync_state'`.execute(db)
    if (Number(rows[0]?.n) > 0) await restoreIndexes(db)
    await migrate(db)
    await handle.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`)
    const clientId = await ensureClientId(db)
    return { db, handle, path, clientId, close: () => db.destroy() }
  } catch (err) {
    await db.destroy()
    throw err
  }
}

async function ensureClientId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('sync_state').select('value').where('key', '=', 'client_id').executeTakeFirst()
  if (row) return row.value
  const clientId = newId()
  await db.insertInto('sync_state').values({ key: 'client_id', value: clientId }).execute()
  return clientId
}

export type Integrity = 'checking' | 'ok' | 'corrupt'

/**
 * The full structural check, on a second read-only connection so the app keeps working meanwhile
 * (WAL lets readers run beside the writer). Seconds on a large file, hence not at start-up.
 */
export async function quickCheck(path: string, key: DatabaseKey | null = null): Promise<{ integrity: Exclude<Integrity, 'checking'>; detail: string }> {
  let handle: SqliteHandle | null = null
  try {
    handle = await openHandle(path, 'readonly', key)
    const rows = await handle.all<{ quick_check: string }>('PRAGMA quick_check(5)')
    const detail = rows.map((r) => r.quick_check).join('; ')
    return { integrity: detail === 'ok' ? 'ok' : 'corrupt', detail }
  } catch (err) {
    return { integrity: 'corrupt', detail: String(err) }
  } finally {
    await handle?.close()
  }
}
