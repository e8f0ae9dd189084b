// Reads and local bookkeeping of attached files (docs/files.md). Writes of `attachments` go through the
// synced-write path (electron/main/modules/files); `local_blobs` and `offline_records` are this laptop's own.
import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../database.types'
import { RECORD_COLUMN, type AttachmentRecordKind } from '../../../shared/modules/files'
import type { AttachmentTable } from './files.table'

const RECORD_TABLE = { company: 'companies', contact: 'contacts', offer: 'offers', contract: 'contracts', case: 'cases' } as const

/** The company of a live record (a company is its own), or null when there is no such record. */
export async function recordCompany(db: Kysely<Database>, kind: AttachmentRecordKind, id: string): Promise<string | null> {
  if (kind === 'company') {
    const row = await db.selectFrom('companies').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    return row?.id ?? null
  }
  const row = await db.selectFrom(RECORD_TABLE[kind]).select('company_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.company_id ?? null
}

export type AttachmentRow = Selectable<AttachmentTable> & { present: number; uploaded: number | null }

/** A record's live files, newest first; a company's list holds the files of all its records. */
export async function listAttachments(db: Kysely<Database>, kind: AttachmentRecordKind, id: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments as a').leftJoin('local_blobs as b', 'b.sha256', 'a.sha256')
    .selectAll('a').select([sql<number>`b.sha256 is not null`.as('present'), 'b.uploaded'])
    .where(`a.${RECORD_COLUMN[kind]}`, '=', id).where('a.deleted_at', 'is', null)
    .orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').execute()
}

export async function attachmentById(db: Kysely<Database>, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments as a').leftJoin('local_blobs as b', 'b.sha256', 'a.sha256')
    .selectAll('a').select([sql<number>`b.sha256 is not null`.as('present'), 'b.uploaded'])
    .where('a.id', '=', id).where('a.deleted_at', 'is', null).executeTakeFirst()
}

/** A blob now lies complete in the blob folder (`uploaded`: the server has it too, as for a downloaded one). */
export async function recordBlob(db: Kysely<Database>, sha256: string, size: number, uploaded: boolean, now: string): Promise<void> {
  await db.insertInto('local_blobs').values({ sha256, size, uploaded: uploaded ? 1 : 0, stored_at: now })
    .onConflict((oc) => oc.column('sha256').doUpdateSet(uploaded ? { uploaded: 1 } : { size })).execute()
}

export async function markUploaded(db: Kysely<Database>, sha256: string): Promise<void> {
  await db.updateTable('local_blobs').set({ uploaded: 1 }).where('sha256', '=', sha256).execute()
}

/**
 * Blobs the server still needs: here, not yet uploaded, and named by a live attachment the server has
 * acknowledged (it serves a file only to the scope of such a row, so it takes none before the row).
 */
export async function blobsToUpload(db: Kysely<Database>): Promise<Array<{ sha256: string; size: number }>> {
  return db.selectFrom('local_blobs as b').select(['b.sha256', 'b.size']).where('b.uploaded', '=', 0)
    .where((eb) => eb.exists(eb.selectFrom('attachments as a').select(sql`1`.as('one'))
      .whereRef('a.sha256', '=', 'b.sha256').where('a.deleted_at', 'is', null).where('a.server_version', 'is not', null)))
    .orderBy('b.stored_at').execute()
}

/** Uploads still waiting (for the status line and tests). */
export async function pendingUploads(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('local_blobs').select((eb) => eb.fn.countAll<number>().as('n')).where('uploaded', '=', 0).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function isOffline(db: Kysely<Database>, kind: AttachmentRecordKind, id: string): Promise<boolean> {
  return !!(await db.selectFrom('offline_records').select('record_id').where('record_kind', '=', kind).where('record_id', '=', id).executeTakeFirst())
}

export async function setOffline(db: Kysely<Database>, kind: AttachmentRecordKind, id: string, offline: boolean): Promise<void> {
  if (offline) await db.insertInto('offline_records').values({ record_kind: kind, record_id: id }).onConflict((oc) => oc.doNothing()).execute()
  else await db.deleteFrom('offline_records').where('record_kind', '=', kind).where('record_id', '=', id).execute()
}

/**
 * Blobs to fetch ahead of need: files of records marked "offline verfügbar" and of the customers with an
 * appointment from `from` to `to` (German wall-clock "YYYY-MM-DDTHH:MM"), not yet on this laptop.
 */
export async function blobsToPrefetch(db: Kysely<Database>, from: string, to: string): Promise<Array<{ sha256: string; size: number }>> {
  const rows = await sql<{ sha256: string; size: number }>`
    select distinct a.sha256, a.size from attachments a
    where a.deleted_at is null and a.sha256 not in (select sha256 from local_blobs)
      and (exists (select 1 from offline_records o where
             (o.record_kind = 'company' and o.record_id = a.company_id) or (o.record_kind = 'contact' and o.record_id = a.contact_id)
          or (o.record_kind = 'offer' and o.record_id = a.offer_id) or (o.record_kind = 'contract' and o.record_id = a.contract_id)
          or (o.record_kind = 'case' and o.record_id = a.case_id))
        or a.company_id in (select p.company_id from appointments p where p.deleted_at is null and p.status != 'cancelled'
          and p.starts_at >= ${from} and p.starts_at < ${to}))
    order by a.sha256`.execute(db)
  return rows.rows
}
