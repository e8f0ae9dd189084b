// The files' part of a sync run (docs/files.md), after the push: blobs whose attachment the server has
// acknowledged are uploaded (a HEAD first: another laptop may have sent the same bytes), then the blobs of
// records marked "offline verfügbar" and of next week's appointments' customers are fetched ahead of need.
// A network failure fails the run (it is tried again with the sync); a refused file does not block the others.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { blobsToPrefetch, blobsToUpload, markUploaded, recordBlob } from '../../../../db/modules/files'
import { PREFETCH_DAYS } from '../../../../shared/modules/files'
import { berlinLocalTime } from '../../../../shared/platform/berlin-time'
import { BlobTransferError, downloadBlob, serverHasBlob, uploadBlob, type BlobSession } from './blob-client'
import { readBlob, writeBlob } from './blob-store'

export interface BlobSyncSummary {
  uploaded: number
  fetched: number
  /** Blobs the server refused (too large, over the team's quota, wrong content); they stay pending. */
  refused: number
}

const DAY_MS = 86_400_000

export async function syncBlobs(db: Kysely<Database>, blobDir: string, session: BlobSession, clock: () => Date): Promise<BlobSyncSummary> {
  const summary: BlobSyncSummary = { uploaded: 0, fetched: 0, refused: 0 }
  for (const blob of await blobsToUpload(db)) {
    const bytes = await readBlob(blobDir, blob.sha256)
    if (!bytes) {
      await db.deleteFrom('local_blobs').where('sha256', '=', blob.sha256).execute() // gone or damaged here: nothing to send
      continue
    }
    try {
      if (!(await serverHasBlob(session, blob.sha256))) await uploadBlob(session, blob.sha256, bytes)
      await markUploaded(db, blob.sha256)
      summary.uploaded++
    } catch (err) {
      if (!(err instanceof BlobTransferError) || err.status === 0 || err.status >= 500 || err.status === 401) throw err
      summary.refused++
      console.warn(`[files] upload refused (${err.status}): ${err.message}`)
    }
  }
  const now = clock().getTime()
  for (const blob of await blobsToPrefetch(db, berlinLocalTime(new Date(now).toISOString()), berlinLocalTime(new Date(now + PREFETCH_DAYS * DAY_MS).toISOString()))) {
    const bytes = await downloadBlob(session, blob.sha256).catch((err: unknown) => {
      if (err instanceof BlobTransferError && err.status !== 0 && err.status < 500 && err.status !== 401) return null
      throw err
    })
    if (!bytes) continue // not on the server yet (its laptop has not synced) or not for this user
    await writeBlob(blobDir, blob.sha256, bytes)
    await recordBlob(db, blob.sha256, bytes.length, true, clock().toISOString())
    summary.fetched++
  }
  return summary
}
