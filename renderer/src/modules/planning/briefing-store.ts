// The offline store of visit briefings: the answer of `briefing.upcoming` (each briefing with its PDF) kept in
// the browser's IndexedDB, so the briefing page can show a visit's briefing and hand out its PDF when main
// cannot be reached (a laptop in a customer's lobby, web mode without a network). Each fetch replaces the
// whole store: what is kept is always one complete answer. Without IndexedDB (a private window) nothing is
// kept and the page says so when offline.
import type { BriefingFile } from '../../../../shared/modules/planning'
import { shownDatabase } from '../../lib/api'

/** A kept briefing, marked with the database it came from: the demo's never shows for the user's own data. */
type KeptFile = BriefingFile & { database?: string }

const DB_NAME = 'kundenreise-briefings'
const STORE = 'briefings'

/**
 * Opens the store, creating it when missing — also when something opened the database without a version
 * (which makes an empty one): then it is upgraded once more to add the store.
 */
function openStore(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'))
    // Without a version: whatever version it has (a new database gets version 1, and the store in its upgrade).
    const request = version ? indexedDB.open(DB_NAME, version) : indexedDB.open(DB_NAME)
    request.onupgradeneeded = () => {
      if (request.result.objectStoreNames.contains(STORE)) return
      const store = request.result.createObjectStore(STORE, { keyPath: 'appointmentId' })
      store.createIndex('companyId', 'companyId')
    }
    request.onsuccess = () => {
      const db = request.result
      if (db.objectStoreNames.contains(STORE)) return resolve(db)
      const next = db.version + 1
      db.close()
      openStore(next).then(resolve, reject)
    }
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused'))
  })
}

const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
  tx.oncomplete = () => resolve()
  tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
  tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'))
})

const result = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
  request.onsuccess = () => resolve(request.result)
  request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'))
})

/** Replaces the kept briefings with `files` (one transaction: a failed write keeps the old set). */
export async function keepBriefings(files: BriefingFile[]): Promise<void> {
  const db = await openStore()
  try {
    const tx = db.transaction(STORE, 'readwrite')
    const store = tx.objectStore(STORE)
    store.clear()
    for (const file of files) store.put({ ...file, database: shownDatabase() } satisfies KeptFile)
    await done(tx)
  } finally {
    db.close()
  }
}

/**
 * The kept briefing of an appointment; without one, the customer's earliest kept briefing (the page opened
 * without `appointmentId` prepares the next visit). Null when nothing is kept or IndexedDB is unavailable.
 */
export async function keptBriefing(companyId: string, appointmentId: string): Promise<BriefingFile | null> {
  let db: IDBDatabase
  try {
    db = await openStore()
  } catch {
    return null
  }
  try {
    const store = db.transaction(STORE, 'readonly').objectStore(STORE)
    const mine = (file: KeptFile | undefined): file is KeptFile => Boolean(file) && file!.companyId === companyId && file!.database === shownDatabase()
    if (appointmentId) {
      const file = (await result(store.get(appointmentId))) as KeptFile | undefined
      return mine(file) ? file : null
    }
    const files = ((await result(store.index('companyId').getAll(companyId))) as KeptFile[]).filter(mine)
    return files.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null
  } catch {
    return null
  } finally {
    db.close()
  }
}
