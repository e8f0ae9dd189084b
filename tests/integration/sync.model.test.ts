// Model-based property test (fast-check): three laptops and one server, random creates, edits,
// deletes, syncs, lost and duplicated requests, crashes while applying a pull and restarts.
// Afterwards: every client equals the server's view of its scopes, every operation was applied
// exactly once, and every value a user typed is either current, seen and replaced by a later
// edit, or kept in a conflict.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { insertSynced, updateSynced, deleteSynced } from '../../db/sync/synced-writes'
import { newId } from '../../db/ids'
import type { FetchLike } from '../../electron/main/sync/transport'
import { canSee } from '../../server/sync/scope'
import type { Role } from '../../shared/sync/tables'
import { connectClient, postgresAvailable, startHarness, type Harness, type TestClient } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
const LOGINS = ['anna', 'ben', 'max'] as const
const FIELDS = ['city', 'notes', 'name'] as const
type Fault = 'none' | 'lost_response' | 'duplicate' | 'dropped' | 'crash_in_pull'

type Command =
  | { kind: 'create'; client: number }
  | { kind: 'edit'; client: number; pick: number; field: (typeof FIELDS)[number] }
  | { kind: 'delete'; client: number; pick: number }
  | { kind: 'sync'; client: number; fault: Fault }
  | { kind: 'restart'; client: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), client: fc.nat(2) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(2), pick: fc.nat(20), field: fc.constantFrom(...FIELDS) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), client: fc.nat(2), pick: fc.nat(20) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), client: fc.nat(2), fault: fc.constantFrom<Fault>('none', 'none', 'lost_response', 'duplicate', 'dropped', 'crash_in_pull') }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('restart' as const), client: fc.nat(2) }), weight: 1 },
)

interface Written {
  rowId: string
  field: string
  old: string | null
  value: string
}

function faulty(fault: Fault): (inner: FetchLike) => FetchLike {
  let armed = true
  return (inner) => async (url, init) => {
    if (!armed || fault === 'none' || fault === 'crash_in_pull') return inner(url, init)
    armed = false
    if (fault === 'dropped') throw new TypeError('fetch failed')
    await inner(url, init)
    if (fault === 'lost_response') throw new TypeError('fetch failed')
    return inner(url, init) // duplicate: the same request arrives twice; the client sees the second answer
  }
}

async function run(h: Harness, commands: Command[]): Promise<void> {
  const clients: TestClient[] = []
  for (const login of LOGINS) clients.push(await connectClient(h, login))
  const written: Written[] = []
  let counter = 0
  const now = () => new Date(Date.UTC(2026, 10, 20, 9, 0, counter++)).toISOString()
  const live = async (c: TestClient) =>
    (await c.ctx.db.selectFrom('companies').select(['id', 'name', 'city', 'notes']).where('deleted_at', 'is', null).orderBy('local_seq').execute())
  try {
    for (const cmd of commands) {
      const c = clients[cmd.client]!
      if (cmd.kind === 'create') {
        const id = newId()
        const name = `Firma ${counter}`
        await c.ctx.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id, name, status: 'prospect', city: '', notes: '' }, now()))
        written.push({ rowId: id, field: 'name', old: null, value: name })
      } else if (cmd.kind === 'edit' || cmd.kind === 'delete') {
        const rows = await live(c)
        const row = rows[cmd.pick % Math.max(rows.length, 1)]
        if (!row) continue
        if (cmd.kind === 'delete') {
          await c.ctx.db.transaction().execute((trx) => deleteSynced(trx, 'companies', row.id, now()))
        } else {
          const value = `${cmd.field}-${c.name}-${counter}`
          await c.ctx.db.transaction().execute((trx) => updateSynced(trx, 'companies', row.id, { [cmd.field]: value }, now()))
          written.push({ rowId: row.id, field: cmd.field, old: row[cmd.field], value })
        }
      } else if (cmd.kind === 'restart') {
        await c.restart()
      } else {
        h.setFetch(faulty(cmd.fault))
        let crashed = false
        const deps = cmd.fault === 'crash_in_pull'
          ? { ...c.deps, afterChange: (i: number) => { if (i === 0 && !crashed) { crashed = true; throw new Error('crash while applying a pull') } } }
          : c.deps
        const { syncOnce } = await import('../../electron/main/sync/engine')
        await syncOnce(deps).catch(() => {})
        h.setFetch(null)
        if (cmd.fault === 'crash_in_pull') await c.restart()
      }
    }
    // Quiescence: everyone syncs until nothing is left to exchange.
    for (let round = 0; round < 2; round++) for (const c of clients) await c.sync()

    const serverRows = await h.store.db.selectFrom('sync_rows').selectAll().execute()
    const users = await h.store.db.selectFrom('users').select(['login', 'role', 'team_id']).execute()
    let totalOps = 0
    for (const c of clients) {
      expect(await c.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
      const seq = await c.ctx.db.selectFrom('sqlite_sequence' as never).select('seq' as never).where('name' as never, '=', 'sync_outbox' as never).executeTakeFirst() as { seq: number } | undefined
      totalOps += seq?.seq ?? 0
      const user = users.find((u) => u.login === c.name)!
      const actor = { role: user.role as Role, teamId: user.team_id }
      const expected = serverRows
        .filter((r) => r.table_name === 'companies' && !r.deleted && canSee(actor, r.scope_id))
        .map((r) => { const d = JSON.parse(r.data); return { id: r.id, name: d.name, city: d.city, notes: d.notes } })
        .sort((a, b) => a.id.localeCompare(b.id))
      const mine = (await live(c)).sort((a, b) => a.id.localeCompare(b.id))
      expect(mine).toEqual(expected)
      const conflicts = serverRows.filter((r) => r.table_name === 'sync_conflicts' && canSee(actor, r.scope_id)).length
      const localConflicts = await c.ctx.db.selectFrom('sync_conflicts').selectAll().execute()
      expect(localConflicts).toHaveLength(conflicts)
    }
    // Exactly once: one stored result per operation any client ever wrote, none twice.
    const ops = await h.store.db.selectFrom('sync_ops').select(['op_id']).execute()
    expect(ops.length).toBe(totalOps)
    // Nothing dropped silently.
    const conflictValues = new Set<string>()
    for (const r of serverRows.filter((r) => r.table_name === 'sync_conflicts')) {
      const d = JSON.parse(r.data)
      conflictValues.add(`${d.row_id}:${d.field}:${d.client_value}`)
      conflictValues.add(`${d.row_id}:${d.field}:${d.server_value}`)
    }
    for (const w of written) {
      const row = serverRows.find((r) => r.table_name === 'companies' && r.id === w.rowId)
      if (!row) throw new Error(`a written row never reached the server: ${w.rowId}`)
      const current = JSON.parse(row.data)[w.field]
      const seenAndReplaced = written.some((o) => o.rowId === w.rowId && o.field === w.field && o.old === w.value)
      const kept = current === w.value || seenAndReplaced || conflictValues.has(`${w.rowId}:${w.field}:${JSON.stringify(w.value)}`)
      if (!kept) throw new Error(`value lost: ${JSON.stringify(w)}; server has ${JSON.stringify(current)}`)
    }
  } finally {
    for (const c of clients) await c.cleanup()
  }
}

describe('sync model: three clients, one server', () => {
  const runs = (kind: 'sqlite' | 'postgres', numRuns: number) => async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 35 }), async (commands) => {
        const h = await startHarness(kind)
        try {
          await run(h, commands)
        } finally {
          await h.cleanup()
        }
      }),
      { numRuns, endOnFailure: true },
    )
  }
  it('converges, applies every operation once and loses no value (SQLite store)', runs('sqlite', 40), 240_000)
  it.skipIf(!pgOk)('converges, applies every operation once and loses no value (PostgreSQL store)', runs('postgres', 15), 240_000)
})
