// Tables of attached files (migration 024, docs/files.md).
import type { Default, SyncColumns } from '../../platform/sync-columns'

/** Synced: one file on one record. Every column but the tombstone is fixed once written. */
export interface AttachmentTable extends SyncColumns {
  company_id: string
  contact_id: string | null
  offer_id: string | null
  contract_id: string | null
  case_id: string | null
  /** 64 lower-case hex digits; the only thing the file's place on disk is derived from. */
  sha256: string
  size: number
  /** Sniffed from the bytes, never taken from the name. */
  mime: string
  /** Display only (sanitised). */
  name: string
  created_by: Default<string>
}

/** Local: the blobs present in `Anhaenge/`, and whether the sync server has them. */
export interface LocalBlobTable {
  sha256: string
  size: number
  uploaded: Default<number>
  stored_at: string
}

/** Local: records whose files this laptop keeps ("offline verfügbar"). */
export interface OfflineRecordTable {
  record_kind: string
  record_id: string
}
