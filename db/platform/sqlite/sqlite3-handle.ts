// Promise wrappers around one sqlite3 (npm) connection, with a cache of prepared statements.
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

export function openHandle(path: string, mode: 'readonly' | 'readwrite'): Promise<SqliteHandle> {
  const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(path, flags, (err) => (err ? reject(err) : resolve(wrap(db, path))))
  })
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
