// What an erasure leaves outside the rows, removed after its transaction committed: the generated
// letters addressed to the person, and the database file's own remnants — free-text index segments,
// freed pages and the write-ahead log. Runs on the laptop that erases and on each laptop that pulls it.
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { childPath, recordTag } from '../../platform/documents/document-files'

const FTS_TABLES = ['companies', 'contacts', 'touchpoints'] as const

/**
 * The documents folder of this database: `Dokumente/` next to its file (as the letter handlers save
 * them), found from the open connection itself — never from synced data.
 */
export async function documentsDirOf(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db)
  const file = rows.find((r) => r.name === 'main')?.file
  return file ? path.join(path.dirname(file), 'Dokumente') : null
}

/**
 * Removes the generated letters of these offers and contracts (any revision, drafts too): their file
 * names end in the record's tag (document-files.ts). They are made again from the redacted snapshot on demand.
 */
export async function removeDocuments(db: Kysely<Database>, recordIds: readonly string[]): Promise<number> {
  const dir = await documentsDirOf(db)
  if (!dir || recordIds.length === 0) return 0
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0 // no documents folder: nothing was ever generated here
  }
  const endings = recordIds.flatMap((id) => ['docx', 'pdf'].map((extension) => `-${recordTag(id)}.${extension}`))
  let removed = 0
  for (const name of names) {
    if (!endings.some((ending) => name.endsWith(ending))) continue
    await rm(childPath(dir, name), { force: true })
    removed++
  }
  return removed
}

/**
 * The person's bytes must not survive in the file: secure_delete zeroes what is freed from now on on this
 * connection, `optimize` merges each full-text index into fresh segments, VACUUM rewrites every page
 * (including pages freed before secure_delete was on), and a TRUNCATE checkpoint empties the WAL.
 */
export async function scrubDatabase(db: Kysely<Database>): Promise<void> {
  await secureDelete(db)
  for (const table of FTS_TABLES) await sql.raw(`INSERT INTO ${table}_fts(${table}_fts) VALUES ('optimize')`).execute(db)
  await sql`VACUUM`.execute(db)
  for (let attempt = 0; attempt < 20; attempt++) {
    const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
    if (!rows[0] || Number(rows[0].busy) === 0) return
    await new Promise((resolve) => setTimeout(resolve, 50)) // a reader (the background integrity check) holds the WAL
  }
  throw new Error('the WAL could not be truncated after an erasure: a reader kept it busy')
}

/** Freed pages are zeroed on this connection (the database has one); set before an erasure writes. */
export async function secureDelete(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db)
}
