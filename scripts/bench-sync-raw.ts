// The ceiling for a first download (issue 20, scope 4): the same rows written into a fresh laptop database by raw
// sqlite3 — one transaction, 100 rows per statement, no HTTP, no JSON, no checks — with the laptop's schema,
// indexes and search triggers. The bench prints the download's rows per second as a share of this.
import { rmSync } from 'node:fs'
import path from 'node:path'
import sqlite3 from 'sqlite3'
import { openDatabase } from '../db/database'
import type { ImportRow } from '../server/admin/import'
import type { SyncValue } from '../shared/modules/sync'
import { tempDir } from '../tests/helpers/temp-db'

const ROWS_PER_STATEMENT = 100
const run = (db: sqlite3.Database, statement: string) => new Promise<void>((resolve, reject) => db.run(statement, (err) => (err ? reject(err) : resolve())))

export async function rawInsertRowsPerSecond(dataset: ImportRow[]): Promise<number> {
  const dir = tempDir()
  const file = path.join(dir, 'raw.sqlite')
  try {
    await (await openDatabase(file)).close() // the laptop's schema, as a first download finds it
    const db = new sqlite3.Database(file)
    const columnsOf = new Map<string, Set<string>>()
    for (const table of new Set(dataset.map((r) => r.table))) {
      const rows = await new Promise<Array<{ name: string }>>((resolve, reject) => db.all(`select name from pragma_table_info('${table}')`, (err, r) => (err ? reject(err) : resolve(r as Array<{ name: string }>))))
      columnsOf.set(table, new Set(rows.map((r) => r.name)))
    }
    const now = new Date().toISOString()
    const started = performance.now()
    await run(db, 'begin')
    // Consecutive rows of one table and column set go in one statement of up to 100 rows, as the download writes them.
    let batch: { key: string; table: string; columns: string[]; values: SyncValue[][] } | null = null
    const flush = async (b: NonNullable<typeof batch>) => {
      const tuple = `(${b.columns.map(() => '?').join(', ')})`
      await new Promise<void>((resolve, reject) => db.run(`insert into "${b.table}" (${b.columns.map((c) => `"${c}"`).join(', ')}) values ${b.values.map(() => tuple).join(', ')}`, b.values.flat(), (err) => (err ? reject(err) : resolve())))
    }
    for (const [index, row] of dataset.entries()) {
      const known = columnsOf.get(row.table)!
      const values: Record<string, SyncValue> = { id: row.id, server_version: index + 1, created_at: now, updated_at: now }
      for (const [column, value] of Object.entries(row.data)) if (known.has(column)) values[column] = value
      const columns = Object.keys(values)
      const key = `${row.table}:${columns.join(',')}`
      if (batch && (batch.key !== key || batch.values.length === ROWS_PER_STATEMENT)) {
        await flush(batch)
        batch = null
      }
      batch ??= { key, table: row.table, columns, values: [] }
      batch.values.push(columns.map((c) => values[c] ?? null))
    }
    if (batch) await flush(batch)
    await run(db, 'commit')
    const seconds = (performance.now() - started) / 1000
    await new Promise<void>((resolve) => db.close(() => resolve()))
    return dataset.length / seconds
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
