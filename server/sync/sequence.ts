// The global, gap-free sequence: taken inside the writers' lock, stored at commit (docs/sync.md).
import type { Kysely, Transaction } from 'kysely'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'

/** The PostgreSQL advisory lock all writers take (`Store.lockWriters`). */
export const WRITERS_LOCK_KEY = 4711

export interface Sequencer {
  next(): number
  readonly current: number
}

/**
 * Runs `work` in one transaction holding the writers' lock. Sequence numbers it takes become
 * visible only at commit, and no other writer can take one before that commit: cursor order is
 * commit order, so a pull never skips a row that commits late.
 */
export async function writeWithSequence<T>(store: Store, work: (trx: Transaction<ServerDatabase>, seq: Sequencer) => Promise<T>): Promise<T> {
  // The writers of this process queue here, in memory, one at a time, not in PostgreSQL: a writer waiting for the
  // lock holds one of the pool's ten connections, so a burst of pushes took them all and every pull and login of
  // this instance waited behind the whole queue (500 laptops syncing at once: every sync ended with the last push).
  // The lock itself is still taken: other instances (and other processes) write to the same store.
  const previous = writerQueues.get(store) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((resolve) => (release = resolve))
  writerQueues.set(store, previous.then(() => mine))
  await previous
  try {
    return await store.db.transaction().execute(async (trx) => {
      await store.lockWriters(trx)
      return withSequence(trx, work)
    })
  } finally {
    release()
  }
}

/** Per store: settles when the last writer queued in this process has finished. */
const writerQueues = new WeakMap<Store, Promise<void>>()

/** Numbers taken inside a transaction that already holds the writers' lock (a push, a migration). */
export async function withSequence<D extends Kysely<ServerDatabase>, T>(trx: D, work: (trx: D, seq: Sequencer) => Promise<T>): Promise<T> {
  const start = Number((await trx.selectFrom('sync_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq)
  let current = start
  const sequencer: Sequencer = {
    next: () => ++current,
    get current() {
      return current
    },
  }
  const result = await work(trx, sequencer)
  if (current !== start) await trx.updateTable('sync_counter').set({ seq: current }).where('id', '=', 1).execute()
  return result
}

export async function currentSequence(db: Kysely<ServerDatabase>): Promise<number> {
  return Number((await db.selectFrom('sync_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq)
}
