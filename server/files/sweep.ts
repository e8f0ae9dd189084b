// Blobs no live attachment names any more leave the server's store: after a push that held an erasure
// (DSGVO Art. 17: the file attached to the person is purged with them, docs/files.md), so their bytes do
// not outlive the row. Only blobs last written before the sweep began are considered: one a colleague is
// uploading right now, under an attachment row pushed after the sweep read the rows, is never touched.
import { sql } from 'kysely'
import { isSha256 } from '../../shared/modules/files'
import type { Store } from '../store/open-store'
import type { BlobStore } from './blob-store'

export async function sweepUnreferencedBlobs(store: Store, blobs: BlobStore, now: Date): Promise<number> {
  const startedAt = now.toISOString()
  const candidates = await blobs.listBefore(startedAt)
  if (candidates.length === 0) return 0
  const rows = await store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'attachments').where('deleted', '=', 0).execute()
  const named = new Set(rows.map((r) => (JSON.parse(r.data) as { sha256?: unknown }).sha256).filter((s): s is string => typeof s === 'string' && isSha256(s)))
  let removed = 0
  for (const sha256 of candidates) {
    if (named.has(sha256)) continue
    await blobs.remove(sha256)
    removed++
  }
  // PostgreSQL keeps the deleted chunks as dead tuples until vacuumed; SQLite zeroes them (secure_delete).
  if (removed > 0 && store.kind === 'postgres') await sql`VACUUM blob_chunks`.execute(store.db)
  if (removed > 0) console.warn(`[files] swept ${removed} blob(s) no attachment names after an erasure`)
  return removed
}
