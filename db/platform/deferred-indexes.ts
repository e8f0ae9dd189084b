// A first download writes the touchpoints without their secondary indexes and builds them once at its end (issue 20,
// scope 4): kept current row by row, the secondary indexes of 200,000 touchpoints (five that every row enters, two
// partial ones) cost about twice what the rows themselves do (random inserts into five B-trees), while CREATE INDEX
// sorts once. Only the touchpoints: the company and contact
// lists, their search and the touchpoints' own search (FTS, kept by its triggers) stay as fast as before while the
// download goes on; a company's timeline reads its touchpoints by a scan meanwhile.
//
// The dropped indexes' definitions are kept in sync_state (local bookkeeping, read from sqlite_master, never synced), in
// the transaction that drops them. They are built again at the end of the download, when a download run fails
// part-way, and, should the app stop before that, when the database is next opened, before its migrations run:
// outside a running download the schema is whole.
import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from '../database.types'

export const DEFERRED_INDEX_TABLES = ['touchpoints'] as const
const STATE_KEY = 'deferred_indexes'

interface DeferredIndex {
  name: string
  sql: string
}

type Db = Pick<Kysely<Database>, 'executeQuery'>

async function stored(db: Db): Promise<DeferredIndex[]> {
  const { rows } = await db.executeQuery<{ value: string }>(CompiledQuery.raw('select value from sync_state where key = ?', [STATE_KEY]))
  return rows[0] ? (JSON.parse(rows[0].value) as DeferredIndex[]) : []
}

/** Drops the secondary indexes of the deferred tables (not the primary key nor `id`'s uniqueness the upserts need). */
export async function deferIndexes(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const tables = DEFERRED_INDEX_TABLES.map(() => '?').join(', ')
    // sql is null for the automatic indexes (primary key, UNIQUE): those stay.
    const { rows } = await trx.executeQuery<DeferredIndex>(CompiledQuery.raw(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables}) order by name`, [...DEFERRED_INDEX_TABLES],
    ))
    if (rows.length === 0) return 0
    const all = [...(await stored(trx)), ...rows]
    await trx.executeQuery(CompiledQuery.raw('insert into sync_state (key, value) values (?, ?) on conflict(key) do update set value = excluded.value', [STATE_KEY, JSON.stringify(all)]))
    for (const index of rows) await trx.executeQuery(CompiledQuery.raw(`drop index "${index.name.replace(/"/g, '""')}"`))
    return rows.length
  })
}

/** Builds the dropped indexes again (a no-op when none are deferred). */
export async function restoreIndexes(db: Kysely<Database>): Promise<number> {
  const deferred = await stored(db)
  if (deferred.length === 0) return 0
  await db.transaction().execute(async (trx) => {
    for (const index of deferred) {
      // The definition as SQLite itself wrote it in sqlite_master; IF NOT EXISTS makes a repeated restore harmless.
      await trx.executeQuery(CompiledQuery.raw(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `)))
    }
    await trx.executeQuery(CompiledQuery.raw('delete from sync_state where key = ?', [STATE_KEY]))
  })
  return deferred.length
}

/** Names of the indexes now deferred (for tests and the bench). */
export async function deferredIndexNames(db: Db): Promise<string[]> {
  return (await stored(db)).map((i) => i.name)
}
