// Pushes run side by side on PostgreSQL (server/sync/sequence.ts, docs/sync.md "Global sequence"): a pull hands out
// only versions below every writer still running, a row two pushes change is changed by one after the other, and a
// customer number two pushes claim at once ends with one holder. Without the stable version a reader pulling while
// pushes commit out of order moves its cursor past rows that commit late and never receives them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { newId } from '../../db/platform/ids'
import { createTeam } from '../../server/admin/accounts'
import type { Actor } from '../../server/auth/sessions'
import { scopeChecksums } from '../../server/sync/checksum'
import { pull } from '../../server/sync/pull'
import { push } from '../../server/sync/push'
import { teamScope, type PushOp, type PushRequest, type SyncValue } from '../../shared/modules/sync'
import { openTestStore, postgresAvailable, type TestStore } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const NOW = '2026-11-20T09:00:00.000Z'
const clock = () => new Date(NOW)

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

/** Hooks that hold a push open right before its commit (its numbers taken, its rows written) until `release`. */
function heldOpen(): { hooks: { beforeCommit(): Promise<void> }; holding: Promise<void>; release(): void } {
  const hold = deferred()
  const holding = deferred()
  return {
    hooks: {
      beforeCommit: async () => {
        holding.resolve()
        await hold.promise
      },
    },
    holding: holding.promise,
    release: hold.resolve,
  }
}

describe('writers side by side on PostgreSQL', () => {
  let t: TestStore
  let teamA: string
  let teamB: string
  const seqs = new Map<string, number>()
  const actor = (clientId: string, teamId: string, role: Actor['role'] = 'field_sales'): Actor =>
    ({ userId: `u-${clientId}`, login: clientId, displayName: clientId, role, teamId, clientId })
  const insertOp = (client: string, table: string, rowId: string, fields: Record<string, SyncValue>): PushOp => {
    const clientSeq = (seqs.get(client) ?? 0) + 1
    seqs.set(client, clientSeq)
    return {
      opId: crypto.randomUUID(), clientSeq, table, rowId, kind: 'insert', baseVersion: null, schemaVersion: SCHEMA_VERSION, createdAt: NOW,
      fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { old: null, new: v }])),
    }
  }
  const company = (client: string, name: string, number = ''): PushOp =>
    insertOp(client, 'companies', newId(), { created_at: NOW, name, status: 'prospect', customer_number: number })
  const request = (a: Actor, ops: PushOp[]): PushRequest => ({ clientId: a.clientId, schemaVersion: SCHEMA_VERSION, ops })

  beforeEach(async () => {
    if (!pgOk) return
    seqs.clear()
    t = await openTestStore('postgres')
    teamA = await createTeam(t.store, 'Team A')
    teamB = await createTeam(t.store, 'Team B')
  })
  afterEach(async () => {
    if (pgOk) await t.cleanup()
  })

  it.skipIf(!pgOk)('a push commits while an earlier one still runs, and no pull hands out its rows before the earlier one ends', async () => {
    const first = actor('laptop-a', teamA)
    const second = actor('laptop-b', teamB)
    const manager = actor('manager', '', 'manager')
    const held = heldOpen()
    const slow = push(t.store, first, request(first, [company('laptop-a', 'Früh GmbH')]), clock, held.hooks)
    await held.holding // the first push has its number and has written its row, not committed
    let early: Awaited<ReturnType<typeof pull>>
    let fast: Awaited<ReturnType<typeof push>>
    try {
      fast = await push(t.store, second, request(second, [company('laptop-b', 'Spät KG')]), clock)
      expect(fast.results[0]!.status).toBe('applied')
      early = await pull(t.store, manager, { clientId: manager.clientId, cursor: 0, limit: 100 }, clock)
      // The later push has committed, but its version is above the running one's: not handed out yet.
      expect(early.changes.map((c) => c.table)).not.toContain('companies')
    } finally {
      held.release()
    }
    const slowResult = await slow
    const late = await pull(t.store, manager, { clientId: manager.clientId, cursor: early.cursor, limit: 100 }, clock)
    const versions = late.changes.filter((c) => c.table === 'companies').map((c) => c.seq)
    expect(versions).toEqual([slowResult.results[0]!.version, fast.results[0]!.version])
    expect(versions[0]!).toBeLessThan(versions[1]!)
  })

  it.skipIf(!pgOk)('a reader pulling without pause while 24 laptops push at once receives every row exactly once', async () => {
    const laptops = Array.from({ length: 24 }, (_, i) => actor(`laptop-${i}`, i % 2 ? teamA : teamB))
    const reader = actor('reader', '', 'manager')
    const received = new Map<string, number>()
    let cursor = 0
    let pushing = true
    const readOnce = async () => {
      const page = await pull(t.store, reader, { clientId: reader.clientId, cursor, limit: 7 }, clock)
      for (const change of page.changes) if (change.table === 'companies') received.set(change.id, (received.get(change.id) ?? 0) + 1)
      cursor = page.cursor
      return page
    }
    const readerLoop = (async () => {
      while (pushing) await readOnce()
    })()
    const pushed = await Promise.all(laptops.map(async (a) => {
      const ids: string[] = []
      for (let round = 0; round < 4; round++) {
        const ops = [company(a.clientId, `${a.clientId} ${round} a`), company(a.clientId, `${a.clientId} ${round} b`)]
        const response = await push(t.store, a, request(a, ops), clock)
        expect(response.results.map((r) => r.status)).toEqual(['applied', 'applied'])
        ids.push(...ops.map((o) => o.rowId))
      }
      return ids
    }))
    pushing = false
    await readerLoop
    while ((await readOnce()).hasMore);
    const all = pushed.flat()
    expect(all).toHaveLength(24 * 4 * 2)
    expect([...received.keys()].sort()).toEqual([...all].sort())
    expect([...received.values()].every((n) => n === 1)).toBe(true)
  })

  it.skipIf(!pgOk)('two pushes editing the same field at once: the second waits for the first and records a conflict', async () => {
    const a = actor('laptop-a', teamA)
    const b = actor('laptop-b', teamA)
    const created = company('laptop-a', 'Gemeinsam GmbH')
    const base = (await push(t.store, a, request(a, [created]), clock)).results[0]!.version!
    const edit = (client: string, name: string): PushOp => {
      const clientSeq = (seqs.get(client) ?? 0) + 1
      seqs.set(client, clientSeq)
      return {
        opId: crypto.randomUUID(), clientSeq, table: 'companies', rowId: created.rowId, kind: 'update', baseVersion: base, schemaVersion: SCHEMA_VERSION, createdAt: NOW,
        fields: { name: { old: 'Gemeinsam GmbH', new: name } },
      }
    }
    const held = heldOpen()
    const firstEdit = push(t.store, a, request(a, [edit('laptop-a', 'Anna sagt GmbH')]), clock, held.hooks)
    await held.holding
    let secondDone = false
    const secondEdit = push(t.store, b, request(b, [edit('laptop-b', 'Ben sagt GmbH')]), clock).then((r) => {
      secondDone = true
      return r
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    held.release()
    expect(secondDone).toBe(false) // it waited on the row the first push held
    expect((await firstEdit).results[0]!.status).toBe('applied')
    expect((await secondEdit).results[0]!.status).toBe('conflict')
    const row = await t.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'companies').where('id', '=', created.rowId).executeTakeFirstOrThrow()
    expect(JSON.parse(row.data).name).toBe('Anna sagt GmbH')
    const conflicts = await t.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'sync_conflicts').execute()
    expect(conflicts.map((c) => JSON.parse(JSON.parse(c.data).client_value))).toEqual(['Ben sagt GmbH'])
  })

  it.skipIf(!pgOk)('two teams claiming the same customer number at once: one company holds it, the other is kept without it', async () => {
    const a = actor('laptop-a', teamA)
    const b = actor('laptop-b', teamB)
    // The first has claimed the number and not committed when the second looks for a holder and finds none: its claim
    // waits on the first's key and fails when the first commits; the push runs again and finds the holder.
    const held = heldOpen()
    const first = push(t.store, a, request(a, [company('laptop-a', 'Erste GmbH', 'K-4711')]), clock, held.hooks)
    await held.holding
    const second = push(t.store, b, request(b, [company('laptop-b', 'Zweite GmbH', 'k-4711 ')]), clock)
    await new Promise((resolve) => setTimeout(resolve, 300))
    held.release()
    const results = await Promise.all([first, second])
    expect(results.map((r) => r.results[0]!.status)).toEqual(['applied', 'conflict'])
    const holders = await t.store.db.selectFrom('customer_numbers').selectAll().execute()
    expect(holders).toHaveLength(1)
    const companies = await t.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'companies').execute()
    expect(companies.map((c) => JSON.parse(c.data).customer_number).sort()).toEqual(['', 'K-4711'])
  })

  it.skipIf(!pgOk)('a push that needs more numbers than it reserved runs again with more: a company deleted with 120 contacts', async () => {
    const a = actor('laptop-a', teamA)
    const created = company('laptop-a', 'Groß GmbH')
    const contacts = Array.from({ length: 120 }, (_, i) => insertOp('laptop-a', 'contacts', newId(), { created_at: NOW, company_id: created.rowId, last_name: `Kontakt ${i}` }))
    await push(t.store, a, request(a, [created, ...contacts]), clock)
    const clientSeq = (seqs.get('laptop-a') ?? 0) + 1
    seqs.set('laptop-a', clientSeq)
    // One operation reserves 33 numbers; the delete takes one for the company and one for each contact.
    const deleted = await push(t.store, a, request(a, [{
      opId: crypto.randomUUID(), clientSeq, table: 'companies', rowId: created.rowId, kind: 'delete', baseVersion: null, schemaVersion: SCHEMA_VERSION, createdAt: NOW, fields: {},
    }]), clock)
    expect(deleted.results[0]!.status).toBe('applied')
    const rows = await t.store.db.selectFrom('sync_rows').select(['version', 'deleted']).where('table_name', '=', 'contacts').execute()
    expect(rows).toHaveLength(120)
    expect(rows.every((r) => Number(r.deleted) === 1)).toBe(true)
    expect(new Set(rows.map((r) => Number(r.version))).size).toBe(120)
    expect(Math.min(...rows.map((r) => Number(r.version)))).toBeGreaterThan(deleted.results[0]!.version!)
  })

  it.skipIf(!pgOk)('a checksum waits for a push still running below a committed one, so the pull after it receives both', async () => {
    const first = actor('laptop-a', teamA)
    const second = actor('laptop-b', teamA)
    const manager = actor('manager', '', 'manager')
    const held = heldOpen()
    const slow = push(t.store, first, request(first, [company('laptop-a', 'Lang GmbH')]), clock, held.hooks)
    await held.holding
    let answered = false
    try {
      await push(t.store, second, request(second, [company('laptop-b', 'Kurz KG')]), clock)
      const sums = scopeChecksums(t.store, manager).then((r) => {
        answered = true
        return r
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(answered).toBe(false)
      held.release()
      await slow
      const team = (await sums).find((s) => s.scope === teamScope(teamA))
      const page = await pull(t.store, manager, { clientId: manager.clientId, cursor: 0, limit: 100 }, clock)
      const companies = page.changes.filter((c) => c.table === 'companies')
      expect(team).toEqual({ scope: teamScope(teamA), count: 2, sum: companies.reduce((sum, c) => sum + c.seq, 0) })
    } finally {
      held.release()
    }
  })

  it.skipIf(!pgOk)('the same push sent again while the first is still running gets the first one\'s answers, not a refusal', async () => {
    const a = actor('laptop-a', teamA)
    await push(t.store, a, request(a, [company('laptop-a', 'Vorher GmbH')]), clock) // the laptop's row exists
    const sent = request(a, [company('laptop-a', 'Einmal GmbH'), company('laptop-a', 'Zweimal KG')])
    const held = heldOpen()
    const original = push(t.store, a, sent, clock, held.hooks)
    await held.holding
    const again = push(t.store, a, sent, clock) // waits for the laptop's row the original holds
    await new Promise((resolve) => setTimeout(resolve, 300))
    held.release()
    const [first, second] = await Promise.all([original, again])
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(second.results.map((r) => [r.status, r.version])).toEqual(first.results.map((r) => ['duplicate', r.version]))
    expect(await t.store.db.selectFrom('sync_rows').select('id').where('table_name', '=', 'companies').execute()).toHaveLength(3)
  })

  it.skipIf(!pgOk)('a push that took its numbers before another committed a change of the same row runs again with newer ones', async () => {
    const a = actor('laptop-a', teamA)
    const b = actor('laptop-b', teamA)
    const c = actor('laptop-c', teamA)
    const created = company('laptop-a', 'Reihenfolge GmbH')
    const base = (await push(t.store, a, request(a, [created]), clock)).results[0]!.version!
    const edit = (client: string, baseVersion: number, column: string, value: string): PushOp => {
      const clientSeq = (seqs.get(client) ?? 0) + 1
      seqs.set(client, clientSeq)
      return {
        opId: crypto.randomUUID(), clientSeq, table: 'companies', rowId: created.rowId, kind: 'update', baseVersion, schemaVersion: SCHEMA_VERSION, createdAt: NOW,
        fields: { [column]: { old: null, new: value } },
      }
    }
    // The first push has its numbers and waits before reading the row; the second takes later numbers and commits first.
    const hold = deferred()
    const started = deferred()
    const early = push(t.store, a, request(a, [edit('laptop-a', base, 'name', 'Reihenfolge AG')]), clock, {
      afterBegin: async () => {
        started.resolve()
        await hold.promise
      },
    })
    await started.promise
    let later: Awaited<ReturnType<typeof push>>
    try {
      later = await push(t.store, b, request(b, [edit('laptop-b', base, 'city', 'Bremen')]), clock)
    } finally {
      hold.resolve()
    }
    const earlyResult = await early
    expect(earlyResult.results[0]!.status).toBe('applied')
    // The row's version never goes back below a field's version: the first push ran again with numbers after the second's.
    expect(earlyResult.results[0]!.version!).toBeGreaterThan(later.results[0]!.version!)
    const row = await t.store.db.selectFrom('sync_rows').select(['version', 'field_versions', 'data']).where('table_name', '=', 'companies').where('id', '=', created.rowId).executeTakeFirstOrThrow()
    const fieldVersions = Object.values(JSON.parse(row.field_versions) as Record<string, [number]>).map((v) => v[0])
    expect(Math.max(...fieldVersions)).toBe(Number(row.version))
    expect(JSON.parse(row.data)).toMatchObject({ name: 'Reihenfolge AG', city: 'Bremen' })
    // A colleague who pulled the row edits the city on top of it: no conflict.
    const third = await push(t.store, c, request(c, [edit('laptop-c', Number(row.version), 'city', 'Bremerhaven')]), clock)
    expect(third.results[0]!.status).toBe('applied')
  })
})
