// Sync trust: pulled rows this laptop cannot apply are set aside (quarantine) instead of blocking the
// page; sent revisions no longer carry the sender's logo path (the logo is the device's own).
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  // Local only: one row per record that arrived but could not be applied, with the reason; a later,
  // valid version of the record replaces it (and removes this row).
  `CREATE TABLE sync_quarantine (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data TEXT,
    error TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id))`,
  `UPDATE offer_revisions SET snapshot = json_remove(snapshot, '$.letter.seller.logoPath')
    WHERE json_valid(snapshot) AND json_extract(snapshot, '$.letter.seller.logoPath') IS NOT NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
