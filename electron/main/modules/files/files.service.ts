// Attaching, listing and reading files of a record (docs/files.md). The bytes are checked before anything is
// written: not empty, within the limit, a type taken by its content; then the blob is stored under its hash and
// the synced `attachments` row with its outbox operation is written in one transaction.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced } from '../../../../db/platform/synced-writes'
import { attachmentById, isOffline, listAttachments, recordBlob, recordCompany, setOffline, type AttachmentRow } from '../../../../db/modules/files'
import {
  DEFAULT_MAX_FILE_BYTES, RECORD_COLUMN, displayName, previewKind, sniffFile, type AttachmentItem, type AttachmentRecordKind, type FileAttachInput,
  type FileContent, type FileRecordRef, type RecordFiles,
} from '../../../../shared/modules/files'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { readBlob, sha256Of, writeBlob } from './blob-store'
import { lettersOf } from './letters'

export interface FilePlaces {
  /** `Anhaenge/` next to the database. */
  blobDir: string
  /** `Dokumente/` next to the database (generated letters). */
  documentsDir: string
  /** Per-file limit in bytes (KUNDENREISE_MAX_FILE_BYTES, else 25 MB). */
  maxBytes: number
}

export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.KUNDENREISE_MAX_FILE_BYTES)
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_FILE_BYTES
}

const KIND_OF_COLUMN: Array<[AttachmentRecordKind, 'case_id' | 'contract_id' | 'offer_id' | 'contact_id']> = [
  ['case', 'case_id'], ['contract', 'contract_id'], ['offer', 'offer_id'], ['contact', 'contact_id'],
]

export function toItem(row: AttachmentRow): AttachmentItem {
  const recordKind = KIND_OF_COLUMN.find(([, column]) => row[column])?.[0] ?? 'company'
  return {
    id: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256, createdAt: row.created_at, createdBy: row.created_by,
    recordKind, present: Number(row.present) === 1, pending: Number(row.present) === 1 && Number(row.uploaded) === 0, preview: previewKind(row.mime),
  }
}

async function companyOf(ctx: ServiceContext, ref: FileRecordRef): Promise<string> {
  const companyId = await recordCompany(ctx.db, ref.kind, ref.id)
  if (!companyId) throw new AppError('not_found', 'files.error.record')
  return companyId
}

export async function listFiles(ctx: ServiceContext, places: FilePlaces, ref: FileRecordRef): Promise<RecordFiles> {
  await companyOf(ctx, ref)
  const [rows, offline, letters] = await Promise.all([listAttachments(ctx.db, ref.kind, ref.id), isOffline(ctx.db, ref.kind, ref.id), lettersOf(ctx.db, places.documentsDir, ref)])
  return { files: rows.map(toItem), letters, offline, maxBytes: places.maxBytes }
}

/** Refuses bad bytes with a field error on `file`, before anything is written. */
export async function checkBytes(bytes: Uint8Array, name: string, maxBytes: number): Promise<string> {
  if (bytes.length === 0) throw new AppError('validation', 'files.error.empty', { file: 'files.error.empty' })
  if (bytes.length > maxBytes) throw new AppError('validation', 'files.error.tooLarge', { file: 'files.error.tooLarge' })
  const sniffed = await sniffFile(bytes, name)
  if (!sniffed.ok) {
    const key = `files.error.${sniffed.reason}`
    throw new AppError('validation', key, { file: key })
  }
  return sniffed.mime
}

export async function attachFile(ctx: ServiceContext, places: FilePlaces, input: FileAttachInput): Promise<AttachmentItem> {
  const companyId = await companyOf(ctx, input)
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const name = displayName(input.name)
  const mime = await checkBytes(bytes, name, places.maxBytes)
  const sha256 = sha256Of(bytes)
  await writeBlob(places.blobDir, sha256, bytes)
  const id = newId()
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const record = input.kind === 'company' ? {} : { [RECORD_COLUMN[input.kind]]: input.id }
    await insertSynced(trx, 'attachments', { id, company_id: companyId, ...record, sha256, size: bytes.length, mime, name, created_by: ctx.userName.slice(0, 64) }, now)
  })
  await recordBlob(ctx.db, sha256, bytes.length, false, now)
  const row = await attachmentById(ctx.db, id)
  return toItem(row!)
}

export async function removeFile(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  if (!(await attachmentById(ctx.db, id))) throw new AppError('not_found', 'files.error.record')
  await ctx.db.transaction().execute((trx) => deleteSynced(trx, 'attachments', id, nowIso(ctx)))
  return { ok: true }
}

export async function markOffline(ctx: ServiceContext, input: FileRecordRef & { offline: boolean }): Promise<{ offline: boolean }> {
  await companyOf(ctx, input)
  await setOffline(ctx.db, input.kind, input.id, input.offline)
  return { offline: input.offline }
}

/** Fetches a blob the laptop does not hold (from the sync server); null when it cannot now. */
export type BlobFetcher = (sha256: string) => Promise<Uint8Array | null>

/** A file's bytes: from the blob folder, else fetched, checked against its hash and kept. */
export async function fileContent(db: Kysely<Database>, places: FilePlaces, id: string, fetch: BlobFetcher | null, now: string): Promise<FileContent> {
  const row = await attachmentById(db, id)
  if (!row) throw new AppError('not_found', 'files.error.record')
  let bytes: Uint8Array | null = await readBlob(places.blobDir, row.sha256)
  if (!bytes) {
    bytes = fetch ? await fetch(row.sha256) : null
    if (!bytes) throw new AppError('conflict', 'files.error.unavailable')
    if (sha256Of(bytes) !== row.sha256) throw new AppError('conflict', 'files.error.damaged')
    await writeBlob(places.blobDir, row.sha256, bytes)
    await recordBlob(db, row.sha256, bytes.length, true, now)
  }
  return { name: row.name, mime: row.mime, base64: Buffer.from(bytes).toString('base64'), preview: previewKind(row.mime) }
}
