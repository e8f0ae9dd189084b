// Looking for an erased person everywhere a laptop or the sync server could still hold them: the bytes of
// the database file and its WAL, every table (the full-text shadow tables included) and the index's own
// vocabulary, the generated documents (DOCX unzipped), and every table of the server's store.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.types'
import type { Store } from '../../server/store/open-store'

/** Where the needles were found; empty means nowhere. */
export type Findings = string[]

const lower = (s: string) => s.toLowerCase()

/** The raw bytes of a file (and its -wal), searched for each needle in UTF-8 and UTF-16LE, case-insensitively. */
export function scanFileBytes(file: string, needles: string[]): Findings {
  const found: Findings = []
  for (const suffix of ['', '-wal']) {
    if (!existsSync(file + suffix)) continue
    const bytes = readFileSync(file + suffix)
    const latin = lower(bytes.toString('latin1'))
    const utf16 = lower(bytes.toString('utf16le'))
    for (const needle of needles) {
      if (latin.includes(lower(needle)) || utf16.includes(lower(needle))) found.push(`${path.basename(file + suffix)}: ${needle}`)
    }
  }
  return found
}

/** Every table of a laptop's database, each row as text. */
export async function scanLaptopTables(db: Kysely<Database>, needles: string[]): Promise<Findings> {
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
  const found: Findings = []
  for (const table of tables) {
    const rows = (await sql.raw<Record<string, unknown>>(`select * from "${table}"`).execute(db)).rows
    const text = lower(JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)))
    for (const needle of needles) if (text.includes(lower(needle))) found.push(`${table}: ${needle}`)
  }
  return found
}

/** The terms the full-text indexes still hold (segments are prefix-compressed, so bytes alone may miss one). */
export async function scanIndexTerms(db: Kysely<Database>, trigrams: string[]): Promise<Findings> {
  const found: Findings = []
  for (const table of ['companies', 'contacts', 'touchpoints']) {
    await sql.raw(`create virtual table if not exists temp.vocab_${table} using fts5vocab(main, '${table}_fts', 'row')`).execute(db)
    const terms = (await sql.raw<{ term: string }>(`select term from temp.vocab_${table}`).execute(db)).rows.map((r) => r.term)
    for (const trigram of trigrams) if (terms.includes(lower(trigram))) found.push(`${table}_fts: ${trigram}`)
    await sql.raw(`drop table temp.vocab_${table}`).execute(db)
  }
  return found
}

/** Every file of a documents folder; DOCX files are unzipped and each part searched. */
export async function scanDocuments(dir: string, needles: string[]): Promise<Findings> {
  if (!existsSync(dir)) return []
  const found: Findings = []
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, name))
    const texts = [bytes.toString('latin1')]
    if (name.endsWith('.docx')) {
      const zip = await JSZip.loadAsync(bytes)
      for (const part of Object.values(zip.files)) if (!part.dir) texts.push(await part.async('string'))
    }
    for (const needle of needles) if (texts.some((t) => lower(t).includes(lower(needle)))) found.push(`${name}: ${needle}`)
  }
  return found
}

/** Every table of the server's store (SQLite or the test's PostgreSQL schema), each row as text. */
export async function scanServerTables(store: Store, needles: string[]): Promise<Findings> {
  const tables = store.kind === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(store.db)).rows.map((r) => r.name)
  const found: Findings = []
  for (const table of tables) {
    const rows = (await sql.raw<Record<string, unknown>>(`select * from "${table}"`).execute(store.db)).rows
    const text = lower(JSON.stringify(rows))
    for (const needle of needles) if (text.includes(lower(needle))) found.push(`server ${table}: ${needle}`)
  }
  return found
}
