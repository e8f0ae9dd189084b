// Column blocks shared by migrations from 005 on. Released migrations use them: never edit, add new ones.

/** The bookkeeping columns of every synced table (ARCHITECTURE: data conventions). */
export const SYNC_COLUMNS = `
  local_seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT`

/** Partial-index condition: rows not deleted. */
export const LIVE = 'WHERE deleted_at IS NULL'
