// A pull reads each of the user's scopes on its own and merges them (server/sync/pull.ts, changedRows): page by page
// it must hand out exactly the visible rows, in version order, none twice, none of another team.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../server/auth/sessions'
import { pull } from '../../server/sync/pull'
import { writeWithSequence } from '../../server/sync/sequence'
import { ORG_SCOPE, teamScope } from '../../shared/modules/sync'
import { openTestStore, postgresAvailable, STORE_KINDS, type TestStore } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const rep: Actor = { userId: 'u1', login: 'anna', displayName: 'Anna', role: 'field_sales', teamId: 'nord', clientId: 'c1' }
const manager: Actor = { ...rep, userId: 'u2', login: 'leitung', role: 'manager', teamId: '', clientId: 'c2' }
const clock = () => new Date('2026-11-20T09:00:00.000Z')

describe.each(STORE_KINDS)('pulling several scopes on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  let t: TestStore
  beforeEach(async () => {
    if (!skip) t = await openTestStore(kind)
  })
  afterEach(async () => {
    if (!skip) await t.cleanup()
  })

  /** Rows spread over the org scope, the rep's team and two other teams, versions interleaved; a few deleted. */
  async function fill(): Promise<Array<{ id: string; scope: string; version: number }>> {
    const scopes = [ORG_SCOPE, teamScope('nord'), teamScope('sued'), teamScope('west'), teamScope('nord'), teamScope('nord'), teamScope('sued')]
    const rows = Array.from({ length: 61 }, (_, i) => ({ id: `row-${String(i).padStart(3, '0')}`, scope: scopes[(i * 5) % scopes.length]!, version: 10 + i * 3 }))
    // Written as a writer does, so the store's sequence has handed out these versions (a pull hands out no version
    // the sequence has not reached: PostgreSQL's stable version).
    await writeWithSequence(t.store, async (trx, seq) => {
      await trx.insertInto('sync_rows').values(rows.map((r, i) => ({
        table_name: 'companies', id: r.id, scope_id: r.scope, parent_id: null, version: r.version, deleted: i % 9 === 0 ? 1 : 0,
        data: JSON.stringify({ name: r.id }), field_versions: '{}', created_seq: r.version, updated_by: 'test',
      }))).execute()
      while (seq.current < rows[rows.length - 1]!.version) seq.next()
    })
    return rows
  }

  async function pullAllPages(actor: Actor, limit: number): Promise<Array<{ id: string; seq: number }>> {
    const out: Array<{ id: string; seq: number }> = []
    let cursor = 0
    for (let page = 0; page < 100; page++) {
      const response = await pull(t.store, actor, { clientId: actor.clientId, cursor, limit, withRemaining: true }, clock)
      out.push(...response.changes.map((c) => ({ id: c.id, seq: c.seq })))
      cursor = response.cursor
      if (!response.hasMore) return out
    }
    throw new Error('pull did not end')
  }

  it.skipIf(skip)('a rep gets the org and team rows page by page in version order, and nothing of other teams', async () => {
    const rows = await fill()
    const visible = rows.filter((r) => r.scope === ORG_SCOPE || r.scope === teamScope('nord'))
    for (const limit of [1, 4, 7, 1000]) {
      const pulled = await pullAllPages(rep, limit)
      expect(pulled).toEqual(visible.map((r) => ({ id: r.id, seq: r.version })))
    }
  })

  it.skipIf(skip)('a manager gets every row in version order', async () => {
    const rows = await fill()
    expect(await pullAllPages(manager, 5)).toEqual(rows.map((r) => ({ id: r.id, seq: r.version })))
  })

  it.skipIf(skip)('the remaining count of a first download counts the rep\'s scopes only', async () => {
    const rows = await fill()
    const visible = rows.filter((r) => r.scope === ORG_SCOPE || r.scope === teamScope('nord'))
    const first = await pull(t.store, rep, { clientId: rep.clientId, cursor: 0, limit: 5, withRemaining: true }, clock)
    expect(first.remaining).toBe(visible.length)
    expect(first.changes.map((c) => c.id)).toEqual(visible.slice(0, 5).map((r) => r.id))
  })
})
