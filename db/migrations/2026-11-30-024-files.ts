// Issue 18: files on companies, contacts, offers, contracts and cases (docs/files.md). `attachments` is synced
// metadata: the record (company_id always; at most one of contact/offer/contract/case), the SHA-256 of the bytes,
// size, the type sniffed from the content and the display name. The bytes lie next to the database in
// `Anhaenge/<aa>/<sha256>`; `local_blobs` (local only) says which are here and which still wait for upload,
// `offline_records` (local only) which records the rep marked "offline verfügbar".
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE attachments (${SYNC_COLUMNS},
    company_id TEXT NOT NULL,
    contact_id TEXT,
    offer_id TEXT,
    contract_id TEXT,
    case_id TEXT,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX attachments_company ON attachments(company_id, created_at) ${LIVE}`,
  `CREATE INDEX attachments_sha ON attachments(sha256) ${LIVE}`,
  `CREATE TABLE local_blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0,
    stored_at TEXT NOT NULL)`,
  `CREATE TABLE offline_records (
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id))`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
