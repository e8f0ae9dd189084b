// Sync with the server: companies belong to a team (the scope rule of docs/sync.md), and conflicts
// pulled from the server live in a synced table, so resolving one syncs like any edit.
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `ALTER TABLE companies ADD COLUMN team_id TEXT NOT NULL DEFAULT ''`,
  `CREATE TABLE sync_conflicts (
    local_seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    server_version INTEGER,
    deleted_at TEXT,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL,
    server_value TEXT,
    client_value TEXT,
    server_user TEXT NOT NULL DEFAULT '',
    server_at TEXT NOT NULL DEFAULT '',
    client_user TEXT NOT NULL DEFAULT '',
    client_at TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT)`,
  `CREATE INDEX sync_conflicts_open ON sync_conflicts(created_at) WHERE resolved_at IS NULL AND deleted_at IS NULL`,
  `CREATE INDEX sync_conflicts_row ON sync_conflicts(table_name, row_id)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
