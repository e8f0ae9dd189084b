// The work list counts open tasks and promises from roll-ups per owner and due day (tasks_day_counts,
// promises_day_counts, migration 043), kept by triggers. Whatever happens to tasks and promises — written by the
// services or applied by a pull — the roll-ups must hold exactly what counting the open rows gives, their migration's
// fill must give the same, and the counts the work list reads must be those of the rows themselves for any range,
// owner and day.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { statements } from '../../db/migrations/2026-12-02-043-open-day-counts'
import { dueCountColumns, dueWithin, toSourceCounts } from '../../db/platform/due-range'
import { promiseCounts } from '../../electron/main/modules/offers/promise-items'
import { taskCounts } from '../../electron/main/modules/planning/task-items'
import { openTestDb, type TestDb } from '../helpers/temp-db'
import { seededRandom } from '../helpers/seeded-random'
import { refill } from '../helpers/roll-up'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  await sql`PRAGMA foreign_keys = OFF`.execute(t.ctx.db)
})
afterEach(async () => t.cleanup())

const NOW = '2026-06-15T10:00:00.000Z'
const TABLES = ['tasks', 'promises'] as const
type Table = (typeof TABLES)[number]
let seq = 0

async function insert(table: Table, due: string, owner: string, status: string, deleted: boolean): Promise<string> {
  const id = `${table}-${String(++seq).padStart(5, '0')}`
  const row = { id, created_at: NOW, updated_at: NOW, company_id: 'c1', title: 'Rückruf', due_date: due, owner_id: owner, status: status as never, deleted_at: deleted ? NOW : null }
  if (table === 'tasks') await t.ctx.db.insertInto('tasks').values(row).execute()
  else await t.ctx.db.insertInto('promises').values(row).execute()
  return id
}

const rollUp = (table: Table) => t.ctx.db.selectFrom(`${table}_day_counts` as 'tasks_day_counts').selectAll().orderBy('owner_id').orderBy('due_date').execute()
/** The roll-up as its definition says: the open, live rows per owner and day. */
const counted = (table: Table) => t.ctx.db.selectFrom(table as 'tasks').select(['owner_id', 'due_date', (eb) => eb.fn.countAll<number>().as('n')])
  .where('status', '=', 'open').where('deleted_at', 'is', null).groupBy(['owner_id', 'due_date']).orderBy('owner_id').orderBy('due_date').execute()

describe('open tasks and promises per owner and day (migration 043)', () => {
  it('follow inserts, completions, moves, reassignments, deletions and removals, and match their fill', async () => {
    const r = seededRandom(43)
    const ids: Record<Table, string[]> = { tasks: [], promises: [] }
    const day = () => `2026-06-${String(1 + r.int(20)).padStart(2, '0')}`
    for (let round = 0; round < 8; round++) {
      for (let op = 0; op < 40; op++) {
        const table = r.pick(TABLES)
        const id = ids[table].length > 0 ? r.pick(ids[table]) : null
        switch (r.int(6)) {
          case 0: case 1: ids[table].push(await insert(table, day(), r.pick(['u1', 'u2', 'u3']), r.pick(['open', 'open', 'done', 'cancelled']), r.next() < 0.1)); break
          case 2: if (id) await t.ctx.db.updateTable(table as 'tasks').set({ status: r.pick(['open', 'done']) as never }).where('id', '=', id).execute(); break
          case 3: if (id) await t.ctx.db.updateTable(table as 'tasks').set({ due_date: day(), owner_id: r.pick(['u1', 'u2']) }).where('id', '=', id).execute(); break
          case 4: if (id) await t.ctx.db.updateTable(table as 'tasks').set({ deleted_at: r.next() < 0.5 ? NOW : null, title: 'geändert' }).where('id', '=', id).execute(); break
          default: if (id) await t.ctx.db.deleteFrom(table as 'tasks').where('id', '=', id).execute()
        }
      }
      for (const table of TABLES) expect(await rollUp(table), `${table} round ${round}`).toEqual(await counted(table))
      // The counts the work list reads, against the rows themselves.
      for (let i = 0; i < 5; i++) {
        const [a, b] = [day(), day()].sort() as [string, string]
        const q = { ownerId: r.next() < 0.5 ? r.pick(['u1', 'u2', 'u3']) : '', from: r.next() < 0.3 ? '' : a, to: b, today: day() }
        for (const [table, count] of [['tasks', taskCounts], ['promises', promiseCounts]] as const) {
          let direct = t.ctx.db.selectFrom(table as 'tasks').where('status', '=', 'open').where('deleted_at', 'is', null).where(dueWithin(sql.ref('due_date'), q))
          if (q.ownerId) direct = direct.where('owner_id', '=', q.ownerId)
          expect(await count(t.ctx, q), `${table} ${JSON.stringify(q)}`).toEqual(toSourceCounts(await direct.select(dueCountColumns(sql.ref('due_date'), q.today)).executeTakeFirst()))
        }
      }
    }
    expect(ids.tasks.length + ids.promises.length).toBeGreaterThan(50)
    const kept = await Promise.all(TABLES.map(rollUp))
    expect(kept.every((rows) => rows.length > 3)).toBe(true)
    await refill(t.ctx.db, ['tasks_day_counts', 'promises_day_counts'], statements)
    expect(await Promise.all(TABLES.map(rollUp))).toEqual(kept)
  })
})
