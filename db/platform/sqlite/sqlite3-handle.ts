// Promise wrappers around one sqlite3 (npm) connection, with a cache of prepared statements.
import { createRequire } from 'node:module'
import sqlite3 from 'sqlite3'

export interface RunResult {
  changes: number
  lastID: number
}

export interface SqliteHandle {
  readonly path: string
  all<R>(sql: string, params?: readonly unknown[]): Promise<R[]>
  run(sql: string, params?: readonly unknown[]): Promise<RunResult>
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

const STATEMENT_CACHE_SIZE = 200

/** A database key: 32 random bytes, given to SQLCipher as a raw key (no passphrase derivation). */
export type DatabaseKey = Buffer

type Driver = typeof sqlite3
let cipherDriver: Driver | null | undefined

/**
 * SQLCipher (@journeyapps/sqlcipher: the sqlite3 API on SQLCipher's SQLite) where it is installed — an
 * optional dependency, built on Linux and macOS; null where it is not (Windows, a failed build).
 */
export function sqlcipherDriver(): Driver | null {
  if (cipherDriver === undefined) {
    try {
      cipherDriver = createRequire(import.meta.url)('@journeyapps/sqlcipher') as Driver
    } catch {
      cipherDriver = null
    }
  }
  return cipherDriver
}

/**
 * Opens one connection. With a key the connection is SQLCipher's and the key is its first statement, as
 * SQLCipher requires; a wrong key or a file that is not encrypted fails at the first read (SQLITE_NOTADB).
 */
export async function openHandle(path: string, mode: 'readonly' | 'readwrite', key: DatabaseKey | null = null, cipher = key !== null): Promise<SqliteHandle> {
  // `cipher` without a key: SQLCipher's library on an unencrypted file (to export it into an encrypted one).
  const driver = cipher ? sqlcipherDriver() : sqlite3
  if (!driver) throw new Error('SQLCipher is not available on this system')
  const flags = mode === 'readonly' ? driver.OPEN_READONLY : driver.OPEN_READWRITE | driver.OPEN_CREATE
  const handle = await new Promise<SqliteHandle>((resolve, reject) => {
    const db: sqlite3.Database = new driver.Database(path, flags, (err) => (err ? reject(err) : resolve(wrap(db, path))))
  })
  if (!key) return handle
  try {
    await handle.exec(`PRAGMA key = "x'${key.toString('hex')}'"; PRAGMA cipher_log_level = NONE`)
    await handle.all('SELECT count(*) FROM sqlite_master')
    return handle
  } catch (err) {
    await handle.close()
    throw err
  }
}

function wrap(db: sqlite3.Database, path: string): SqliteHandle {
  // Map keeps insertion order, so the first key is the least recently used statement.
  const statements = new Map<string, sqlite3.Statement>()

  const prepare = (sql: string): Promise<sqlite3.Statement> => {
    const cached = statements.get(sql)
    if (cached) {
      statements.delete(sql)
      statements.set(sql, cached)
      return Promise.resolve(cached)
    }
    return new Promise((resolve, reject) => {
      const stmt: sqlite3.Statement = db.prepare(sql, (err) => {
        if (err) return reject(err)
        statements.set(sql, stmt)
        if (statements.size > STATEMENT_CACHE_SIZE) {
          const [oldestSql, oldest] = statements.entries().next().value as [string, sqlite3.Statement]
          statements.delete(oldestSql)
          oldest.finalize()
        }
        resolve(stmt)
      })
    })
  }

  return {
    path,
    async all<R>(sql: string, params: readonly unknown[] = []) {
      const stmt = await prepare(sql)
      return new Promise<R[]>((resolve, reject) =>
        stmt.all(params as unknown[], (err: Error | null, rows: R[]) => (err ? reject(err) : resolve(rows))),
      )
    },
    async run(sql: string, params: readonly unknown[] = []) {
      const stmt = await prepare(sql)
      return new Promise<RunResult>((resolve, reject) =>
        stmt.run(params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err)
          else resolve({ changes: this.changes, lastID: this.lastID })
        }),
      )
    },
    exec(sql: string) {
      return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())))
    },
    async close() {
      for (const stmt of statements.values()) stmt.finalize()
      statements.clear()
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())))
    },
  }
}
