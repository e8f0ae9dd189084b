// The global version order (docs/sync.md, "Global sequence"). On SQLite one writer at a time takes numbers from a
// counter stored at commit. On PostgreSQL writers run side by side: numbers come from a SEQUENCE and each writer
// publishes the smallest number it holds until it commits, so a pull hands out only versions below every writer
// still running (the stable version) and never skips a row that commits late.
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'

/**
 * The PostgreSQL advisory lock every writer holds to its commit: shared by pushes, which exclude each other row by
 * row (`select … for update`), exclusive for every other writer (imports, erasures, integrations, accounts, intake),
 * which read and write across rows without row locks.
 */
export const WRITERS_LOCK_KEY = 4711

/** Shared: a push that may run beside other pushes. Exclusive: alone, as every writer was before (the default). */
export type WriteMode = 'shared' | 'exclusive'

export interface Sequencer {
  next(): number
  readonly current: number
  /**
   * Whether a stored row's version was taken by another writer after this one took its numbers (PostgreSQL, pushes
   * side by side): that writer committed first, so numbering the row from this writer's numbers would move its
   * version backwards, below its own field versions. The push is run again with new numbers (`StaleNumbers`).
   */
  takenAfterMine(version: number): boolean
}

/** A shared writer used more numbers than it reserved: its transaction is rolled back and run again with more. */
export class SequenceExhausted extends Error {
  constructor() {
    super('sequence_exhausted')
  }
}

/** A row this writer must rewrite carries a version taken after its own numbers: run again with new ones. */
export class StaleNumbers extends Error {
  constructor() {
    super('stale_numbers')
  }
}

export interface WriteOptions {
  mode?: WriteMode
  /** Shared mode: numbers to reserve up front (a push: its operations and some room for conflicts and resends). */
  numbers?: number
}

/** A transaction PostgreSQL aborted because of a concurrent writer: run again (deadlock, serialization failure). */
const RETRY_CODES = new Set(['40P01', '40001'])
/** A unique key another push inserted first (a new client, the same mail filed twice, a customer number): run again. */
const UNIQUE_VIOLATION = '23505'
const MAX_ATTEMPTS = 6

/**
 * Runs `work` in one transaction as a writer. Numbers it takes become visible at commit and are handed out by pulls
 * only once every writer holding a smaller one has finished (`stableVersion`): cursor order stays safe although
 * several pushes commit at the same time. On PostgreSQL the transaction is run again when a concurrent writer made it
 * fail (deadlock, a raced insert of the same key, too few numbers reserved); `work` must not act outside it.
 */
export async function writeWithSequence<T>(
  store: Store, work: (trx: Transaction<ServerDatabase>, seq: Sequencer) => Promise<T>, options: WriteOptions = {},
): Promise<T> {
  return withWriterSlot(store, async () => {
    if (store.kind !== 'postgres') return store.db.transaction().execute((trx) => withSequence(trx, work))
    const mode = options.mode ?? 'exclusive'
    let reserve = Math.max(1, options.numbers ?? 64)
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.db.transaction().execute(async (trx) => {
          if (mode === 'exclusive') return numberedAlone(trx, work)
          return work(trx, reservedSequencer(await beginWrite(trx, false, reserve)))
        })
      } catch (err) {
        const code = (err as { code?: string }).code ?? ''
        const retry = err instanceof SequenceExhausted || err instanceof StaleNumbers || RETRY_CODES.has(code) || (mode === 'shared' && code === UNIQUE_VIOLATION)
        if (attempt >= MAX_ATTEMPTS || !retry) throw err
        if (err instanceof SequenceExhausted) reserve *= 8
      }
    }
  })
}

/** Takes the writers' lock (shared or exclusive) and `reserve` numbers, the first of them registered (migration 012). */
async function beginWrite(trx: Kysely<ServerDatabase>, exclusive: boolean, reserve: number): Promise<number[]> {
  return (await sql<{ v: Array<string | number> }>`select sync_begin_write(${exclusive}, ${reserve}) as v`.execute(trx)).rows[0]!.v.map(Number)
}

/**
 * PostgreSQL, the writer alone (the writers' lock held exclusively): no other writer takes a number before this
 * commit, so the numbers run on from the first one and the sequence is moved past them at the end.
 */
async function numberedAlone<D extends Kysely<ServerDatabase>, T>(trx: D, work: (trx: D, seq: Sequencer) => Promise<T>): Promise<T> {
  const first = (await beginWrite(trx, true, 1))[0]!
  let current = first - 1
  const sequencer: Sequencer = {
    next: () => ++current,
    get current() {
      return current
    },
    takenAfterMine: () => false, // alone: no other writer took numbers meanwhile
  }
  const result = await work(trx, sequencer)
  if (current > first) await sql`select setval('sync_version', ${current})`.execute(trx)
  return result
}

function reservedSequencer(numbers: number[]): Sequencer {
  let i = 0
  const mine = new Set(numbers)
  return {
    takenAfterMine: (version) => version >= numbers[0]! && !mine.has(version),
    next: () => {
      if (i >= numbers.length) throw new SequenceExhausted()
      return numbers[i++]!
    },
    get current() {
      return i === 0 ? numbers[0]! - 1 : numbers[i - 1]!
    },
  }
}

/**
 * Writers of this process wait here, in memory, not on pool connections: a writer waiting in PostgreSQL holds one
 * of the pool's ten connections, and a burst of pushes that took them all left none for pulls and logins (500 laptops
 * syncing at once: every sync ended with the last push). PostgreSQL: up to six writers at a time (four connections
 * stay for reads); SQLite: one, its only writer.
 */
async function withWriterSlot<T>(store: Store, run: () => Promise<T>): Promise<T> {
  let slots = writerSlots.get(store)
  if (!slots) writerSlots.set(store, (slots = { free: store.kind === 'postgres' ? 6 : 1, waiting: [] }))
  if (slots.free > 0) slots.free--
  else await new Promise<void>((resolve) => slots.waiting.push(resolve))
  try {
    return await run()
  } finally {
    const nextWriter = slots.waiting.shift()
    if (nextWriter) nextWriter()
    else slots.free++
  }
}

const writerSlots = new WeakMap<Store, { free: number; waiting: Array<() => void> }>()

/**
 * Numbers inside a transaction that is the only writer: a SQLite store's, from its counter row; a PostgreSQL
 * migration's (m006), from the counter before migration 012 made the sequence and from the sequence after it.
 */
export async function withSequence<D extends Kysely<ServerDatabase>, T>(trx: D, work: (trx: D, seq: Sequencer) => Promise<T>): Promise<T> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter
    && (await sql<{ r: string | null }>`select to_regclass('sync_version')::text as r`.execute(trx)).rows[0]?.r) return numberedAlone(trx, work)
  const start = Number((await trx.selectFrom('sync_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq)
  let current = start
  const sequencer: Sequencer = {
    next: () => ++current,
    get current() {
      return current
    },
    takenAfterMine: () => false, // the only writer
  }
  const result = await work(trx, sequencer)
  if (current !== start) await trx.updateTable('sync_counter').set({ seq: current }).where('id', '=', 1).execute()
  return result
}

/**
 * The highest version a reader may hand out: every version up to it is committed or will never exist. SQLite: the
 * counter (its one writer stores it at commit). PostgreSQL: below the smallest number a running writer holds, else
 * the sequence's last number (`sync_stable_version()`, migration 012).
 */
export async function stableVersion(db: Kysely<ServerDatabase>): Promise<number> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return Number((await sql<{ v: string | number }>`select sync_stable_version() as v`.execute(db)).rows[0]!.v)
  }
  return Number((await db.selectFrom('sync_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq)
}
