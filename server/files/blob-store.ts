// The sync server's file store (docs/files.md): blobs in chunks in its own database, SQLite or PostgreSQL, so
// several server instances behind a load balancer share them. Behind this small interface an object store can
// be added later. An upload writes its chunks under its own upload id; only when the whole upload hashed to
// its name is the blob marked complete — a broken upload (a killed server, a cut connection) is never listed
// nor served, and the next upload of the same blob starts over.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'

/** Chunk size in the database: large enough for few rows, small enough to stream. */
export const CHUNK_BYTES = 1024 * 1024

export interface BlobInfo {
  sha256: string
  size: number
  complete: boolean
}

export interface BlobStore {
  info(sha256: string): Promise<BlobInfo | null>
  /** Starts an upload of `size` bytes; answers its id. */
  begin(sha256: string, size: number): Promise<string>
  writeChunk(sha256: string, uploadId: string, index: number, bytes: Uint8Array): Promise<void>
  /** Marks the upload's chunks as the blob (unless another upload completed first) and drops any other chunks. */
  complete(sha256: string, uploadId: string): Promise<void>
  /** Drops an upload's chunks (its hash did not match). */
  abort(sha256: string, uploadId: string): Promise<void>
  /** The complete blob's bytes chunk by chunk; null when there is no complete blob. */
  read(sha256: string): Promise<AsyncIterable<Uint8Array> | null>
  /** Total bytes of the complete blobs among `sha256s`. */
  sizeOf(sha256s: string[]): Promise<number>
  /** Every blob (complete or not) last written before `iso`. */
  listBefore(iso: string): Promise<string[]>
  /** Drops the blob and all its chunks. */
  remove(sha256: string): Promise<void>
}

/** The store in the server's own database: SQLite (`blob`) or PostgreSQL (`bytea`), the same SQL through Kysely. */
export function databaseBlobStore(store: Pick<Store, 'db'>): BlobStore {
  const db: Kysely<ServerDatabase> = store.db
  const now = () => new Date().toISOString()
  return {
    async info(sha256) {
      const row = await db.selectFrom('blobs').select(['sha256', 'size', 'complete']).where('sha256', '=', sha256).executeTakeFirst()
      return row ? { sha256: row.sha256, size: Number(row.size), complete: Number(row.complete) === 1 } : null
    },
    async begin(sha256, size) {
      const uploadId = randomUUID()
      await db.insertInto('blobs').values({ sha256, size, complete: 0, upload_id: uploadId, updated_at: now() })
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ size, upload_id: uploadId, updated_at: now() }).where('blobs.complete', '=', 0)).execute()
      return uploadId
    },
    async writeChunk(sha256, uploadId, index, bytes) {
      await db.insertInto('blob_chunks').values({ sha256, upload_id: uploadId, idx: index, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }).execute()
    },
    async complete(sha256, uploadId) {
      await db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('blobs').set({ complete: 1, upload_id: uploadId, updated_at: now() })
          .where('sha256', '=', sha256).where('complete', '=', 0).executeTakeFirst()
        const kept = Number(done.numUpdatedRows) === 1 ? uploadId
          : (await trx.selectFrom('blobs').select('upload_id').where('sha256', '=', sha256).executeTakeFirstOrThrow()).upload_id
        await trx.deleteFrom('blob_chunks').where('sha256', '=', sha256).where('upload_id', '!=', kept).execute()
      })
    },
    async abort(sha256, uploadId) {
      await db.deleteFrom('blob_chunks').where('sha256', '=', sha256).where('upload_id', '=', uploadId).execute()
    },
    async read(sha256) {
      const blob = await db.selectFrom('blobs').select(['upload_id', 'complete']).where('sha256', '=', sha256).executeTakeFirst()
      if (!blob || Number(blob.complete) !== 1) return null
      const count = await db.selectFrom('blob_chunks').select((eb) => eb.fn.max('idx').as('last')).where('sha256', '=', sha256).where('upload_id', '=', blob.upload_id).executeTakeFirst()
      const last = count?.last === null || count?.last === undefined ? -1 : Number(count.last)
      return (async function* chunks() {
        for (let idx = 0; idx <= last; idx++) {
          const row = await db.selectFrom('blob_chunks').select('bytes').where('sha256', '=', sha256).where('upload_id', '=', blob.upload_id).where('idx', '=', idx).executeTakeFirstOrThrow()
          yield row.bytes
        }
      })()
    },
    async sizeOf(sha256s) {
      let total = 0
      for (let i = 0; i < sha256s.length; i += 500) {
        const row = await db.selectFrom('blobs').select((eb) => eb.fn.sum<number>('size').as('total'))
          .where('sha256', 'in', sha256s.slice(i, i + 500)).where('complete', '=', 1).executeTakeFirst()
        total += Number(row?.total ?? 0)
      }
      return total
    },
    async listBefore(iso) {
      return (await db.selectFrom('blobs').select('sha256').where('updated_at', '<', iso).execute()).map((r) => r.sha256)
    },
    async remove(sha256) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('blob_chunks').where('sha256', '=', sha256).execute()
        await trx.deleteFrom('blobs').where('sha256', '=', sha256).execute()
      })
    },
  }
}
