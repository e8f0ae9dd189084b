// The sync server killed (kill -9) in the middle of a file's upload: what arrived is never listed nor served —
// the blob becomes visible only once its bytes hashed to its name — the laptop keeps the file pending, and the
// next sync uploads it whole. Real server process, SQLite store.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import { pendingUploads } from '../../db/modules/files'
import { newId } from '../../db/platform/ids'
import { insertSynced } from '../../db/platform/synced-writes'
import { downloadBlob, serverHasBlob, type BlobSession, type FetchLike } from '../../electron/main/modules/files/blob-client'
import { syncBlobs } from '../../electron/main/modules/files/blob-sync'
import { attachFile } from '../../electron/main/modules/files/files.service'
import { syncOnce } from '../../electron/main/modules/sync/engine'
import { httpTransport } from '../../electron/main/modules/sync/transport'
import { openStore } from '../../server/store/open-store'
import { photo, placesIn } from '../helpers/files-fixture'
import { SERVER_PASSWORD, startServerProcess, type ServerProcess } from '../helpers/server-process'
import { tempDir } from '../helpers/temp-db'

const MB = 1024 * 1024
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function storedBlob(server: ServerProcess, sha256: string) {
  const store = await openStore(server.storeUrl)
  try {
    const blob = await store.db.selectFrom('blobs').select(['complete', 'upload_id']).where('sha256', '=', sha256).executeTakeFirst()
    const chunks = await store.db.selectFrom('blob_chunks').select(['upload_id', 'idx']).where('sha256', '=', sha256).execute()
    return { complete: blob ? Number(blob.complete) : null, uploadId: blob?.upload_id, chunks }
  } finally {
    await store.close()
  }
}

/** Streams a PUT's body slowly and kills the server once `after` bytes are on their way: the upload never ends. */
const killDuring = (server: ServerProcess, after: number): FetchLike => (url, init) => {
  if (init.method !== 'PUT') return fetch(url, init)
  const bytes = init.body as Uint8Array
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= after) {
        await new Promise((resolve) => setTimeout(resolve, 500)) // the server writes what it has received
        await server.kill9()
        controller.error(new Error('connection cut'))
        return
      }
      const part = bytes.subarray(sent, sent + 256 * 1024)
      sent += part.length
      controller.enqueue(part)
    },
  })
  return fetch(url, { ...init, body, duplex: 'half' } as RequestInit)
}

describe('a file upload cut by a killed server (real server process)', () => {
  it('serves no partial blob, keeps the file pending, and the next sync completes it', async () => {
    const server = await startServerProcess()
    cleanups.push(() => server.cleanup())
    const dir = tempDir()
    const database = await openDatabase(path.join(dir, 'anna.sqlite'))
    cleanups.push(() => database.close().catch(() => {}))
    const transport = httpTransport(server.url)
    const { token } = await transport.login({ login: 'anna', password: SERVER_PASSWORD, clientId: database.clientId })
    const ctx = { db: database.db, clock: () => new Date(), userId: '', userName: 'Anna Becker' }
    const companyId = newId()
    await database.db.transaction().execute((trx) => insertSynced(trx, 'companies', { id: companyId, name: 'Hafenkran Service GmbH', status: 'customer' }, new Date().toISOString()))
    const bytes = photo(6 * MB, 9)
    const file = await attachFile(ctx, placesIn(dir), { kind: 'company', id: companyId, name: 'Kran.png', dataBase64: bytes.toString('base64') })
    await syncOnce({ db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: ctx.clock })

    const cut: BlobSession = { serverUrl: server.url, token, fetch: killDuring(server, 3 * MB) }
    await expect(syncBlobs(database.db, placesIn(dir).blobDir, cut, ctx.clock)).rejects.toMatchObject({ name: 'BlobTransferError', status: 0 })
    expect(await server.exited()).toBeNull() // killed by a signal, not ended

    // What arrived lies in the store as chunks of an unfinished upload; nothing lists or serves it.
    const partial = await storedBlob(server, file.sha256)
    expect(partial.complete).toBe(0)
    expect(partial.chunks.length).toBeGreaterThan(0)
    expect(partial.chunks.length).toBeLessThan(6)
    await server.start()
    const session: BlobSession = { serverUrl: server.url, token, fetch }
    expect(await serverHasBlob(session, file.sha256)).toBe(false)
    expect(await downloadBlob(session, file.sha256)).toBeNull()
    expect(await pendingUploads(database.db)).toBe(1)

    // The next sync uploads it whole: served, and only the finished upload's chunks are kept.
    expect(await syncBlobs(database.db, placesIn(dir).blobDir, session, ctx.clock)).toEqual({ uploaded: 1, fetched: 0, refused: 0 })
    expect(await pendingUploads(database.db)).toBe(0)
    const served = await downloadBlob(session, file.sha256)
    expect(served && Buffer.from(served).equals(bytes)).toBe(true)
    const done = await storedBlob(server, file.sha256)
    expect(done.complete).toBe(1)
    expect(done.chunks.map((c) => c.idx).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5])
    expect(new Set(done.chunks.map((c) => c.upload_id))).toEqual(new Set([done.uploadId]))
  }, 120_000)
})
