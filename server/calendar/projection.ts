// The calendar projection, caught up from `sync_rows` on demand (docs/calendar-feed.md).
//
// Every write path of the server (push, merges, erasure, customer numbers, the admin import) gives the rows
// it changes a new `sync_rows.version` from the global sequence, and `sync_rows` holds each row's current
// state. So "every row of the feed's tables with version > mark" is exactly what changed since the last
// catch-up, whoever wrote it, without a hook in any write path. The mark is the sequence counter read
// *before* the rows: a counter value is published in the same commit as its rows, so every row up to it
// is visible. Two catch-ups at once are harmless: each write keeps the newer source version only.
import { sql, type Kysely } from 'kysely'
import type { ServerDatabase } from '../store/schema'
import { stableVersion } from '../sync/sequence'
import { CALENDAR_SOURCE_TABLES, projectRow, type Projected, type SourceRow } from './project-row'

type Db = Kysely<ServerDatabase>

/** Rows read and written per step (one transaction each), so a first catch-up on a large store stays bounded in memory. */
export const CATCH_UP_PAGE = 5000
/** A catch-up of this many rows (the first one) refreshes the planner's statistics of the calendar tables. */
const ANALYZE_AFTER = 5000
/** Rows per insert statement (parameter limits of SQLite and PostgreSQL). */
const CHUNK = 200

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK))
  return out
}

async function write(db: Db, projected: Projected[]): Promise<void> {
  const items = projected.flatMap((p) => (p.item ? [p.item] : []))
  const members = projected.flatMap((p) => (p.member ? [p.member] : []))
  const names = projected.flatMap((p) => (p.name ? [p.name] : []))
  for (const chunk of chunks(items)) {
    await db.insertInto('calendar_items').values(chunk)
      .onConflict((oc) => oc.columns(['table_name', 'row_id']).doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'), scope_id: eb.ref('excluded.scope_id'), company_id: eb.ref('excluded.company_id'), offer_id: eb.ref('excluded.offer_id'),
        hidden: eb.ref('excluded.hidden'), starts_at: eb.ref('excluded.starts_at'), all_day: eb.ref('excluded.all_day'), start_value: eb.ref('excluded.start_value'),
        end_value: eb.ref('excluded.end_value'), cancelled: eb.ref('excluded.cancelled'), sequence: eb.ref('excluded.sequence'), kind: eb.ref('excluded.kind'),
        title: eb.ref('excluded.title'), location: eb.ref('excluded.location'),
      })).where((eb) => eb('calendar_items.version', '<=', eb.ref('excluded.version'))))
      .execute()
  }
  for (const chunk of chunks(members)) {
    await db.insertInto('calendar_members').values(chunk)
      .onConflict((oc) => oc.columns(['source_table', 'source_id']).doUpdateSet((eb) => ({
        item_table: eb.ref('excluded.item_table'), item_id: eb.ref('excluded.item_id'), user_id: eb.ref('excluded.user_id'), version: eb.ref('excluded.version'),
      })).where((eb) => eb('calendar_members.version', '<=', eb.ref('excluded.version'))))
      .execute()
  }
  for (const chunk of chunks(names)) {
    await db.insertInto('calendar_names').values(chunk)
      .onConflict((oc) => oc.columns(['table_name', 'row_id']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), version: eb.ref('excluded.version') }))
        .where((eb) => eb('calendar_names.version', '<=', eb.ref('excluded.version'))))
      .execute()
  }
}

export interface CatchUp {
  /** Source rows projected. */
  rows: number
  mark: number
}

const running = new WeakMap<Db, Promise<CatchUp>>()

/**
 * Brings the projection up to the store's current sequence. Requests that arrive while this instance
 * catches up wait for that run instead of doing the same work beside it (a first catch-up of a large store
 * takes seconds; the server starts one at start-up).
 */
export function catchUpCalendar(db: Db, pageSize = CATCH_UP_PAGE): Promise<CatchUp> {
  const current = running.get(db)
  if (current) return current.catch(() => undefined).then(() => catchUpCalendar(db, pageSize))
  const run = catchUp(db, pageSize).finally(() => running.delete(db))
  running.set(db, run)
  return run
}

async function catchUp(db: Db, pageSize: number): Promise<CatchUp> {
  let rows = 0
  for (;;) {
    const mark = Number((await db.selectFrom('calendar_projection').select('mark').where('id', '=', 1).executeTakeFirstOrThrow()).mark)
    const counter = await stableVersion(db)
    if (counter <= mark) return { rows, mark }
    const page: SourceRow[] = await db.selectFrom('sync_rows').select(['table_name', 'id', 'scope_id', 'version', 'deleted', 'data'])
      .where('version', '>', mark).where('version', '<=', counter).where('table_name', 'in', CALENDAR_SOURCE_TABLES)
      .orderBy('version').limit(pageSize).execute()
    const next = page.length < pageSize ? counter : Number(page[page.length - 1]!.version)
    await db.transaction().execute(async (trx) => {
      await write(trx, page.map(projectRow))
      await trx.updateTable('calendar_projection').set({ mark: next }).where('id', '=', 1).where('mark', '<', next).execute()
    })
    rows += page.length
    // Statistics taken while the tables were empty (an import's ANALYZE) would make the feed's join scan them.
    if (page.length < pageSize && rows >= ANALYZE_AFTER) await sql`analyze calendar_items`.execute(db).then(() => sql`analyze calendar_members`.execute(db)).then(() => sql`analyze calendar_names`.execute(db))
  }
}
