// Foundation schema: customers, the local sync bookkeeping, search indexes. Released: never edit, add a new migration.
import { sql, type Kysely } from 'kysely'

/** German sort key (DIN 5007-1): umlauts as their base letter, ß as ss, case-folded. */
const sortKey = (expr: string) =>
  `lower(replace(replace(replace(replace(replace(replace(replace(${expr},'Ä','a'),'ä','a'),'Ö','o'),'ö','o'),'Ü','u'),'ü','u'),'ß','ss'))`

const syncColumns = `
  local_seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT`

/** External-content FTS5 (trigram: substring search, case- and accent-insensitive) kept current by triggers. */
const ftsFor = (table: string, columns: string[]) => {
  const cols = columns.join(', ')
  const newCols = columns.map((c) => `new.${c}`).join(', ')
  const oldCols = columns.map((c) => `old.${c}`).join(', ')
  return [
    `CREATE VIRTUAL TABLE ${table}_fts USING fts5(${cols}, content='${table}', content_rowid='local_seq', tokenize='trigram remove_diacritics 1')`,
    `CREATE TRIGGER ${table}_fts_ai AFTER INSERT ON ${table} BEGIN
       INSERT INTO ${table}_fts(rowid, ${cols}) VALUES (new.local_seq, ${newCols}); END`,
    `CREATE TRIGGER ${table}_fts_ad AFTER DELETE ON ${table} BEGIN
       INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) VALUES ('delete', old.local_seq, ${oldCols}); END`,
    `CREATE TRIGGER ${table}_fts_au AFTER UPDATE OF ${cols} ON ${table} BEGIN
       INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) VALUES ('delete', old.local_seq, ${oldCols});
       INSERT INTO ${table}_fts(rowid, ${cols}) VALUES (new.local_seq, ${newCols}); END`,
  ]
}

const live = 'WHERE deleted_at IS NULL'

export const statements: string[] = [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'field_sales',
    team_id TEXT NOT NULL DEFAULT '',
    server_version INTEGER,
    deleted_at TEXT)`,
  `CREATE TABLE companies (${syncColumns},
    name TEXT NOT NULL,
    sort_name TEXT GENERATED ALWAYS AS (${sortKey('name')}) VIRTUAL,
    customer_number TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    federal_state TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    segment TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    owner_id TEXT NOT NULL DEFAULT '',
    lead_source TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX companies_sort_name ON companies(sort_name) ${live}`,
  `CREATE INDEX companies_status ON companies(status, sort_name) ${live}`,
  `CREATE INDEX companies_federal_state ON companies(federal_state, sort_name) ${live}`,
  `CREATE INDEX companies_segment ON companies(segment, sort_name) ${live}`,
  `CREATE INDEX companies_owner ON companies(owner_id, sort_name) ${live}`,
  `CREATE INDEX companies_customer_number ON companies(customer_number) ${live}`,
  `CREATE INDEX companies_city ON companies(city, sort_name) ${live}`,
  `CREATE INDEX companies_updated_at ON companies(updated_at) ${live}`,
  `CREATE TABLE personas (${syncColumns},
    name TEXT NOT NULL,
    motto TEXT NOT NULL DEFAULT '',
    who TEXT NOT NULL DEFAULT '',
    why_goals TEXT NOT NULL DEFAULT '',
    wants_to_know TEXT NOT NULL DEFAULT '',
    job_function TEXT NOT NULL DEFAULT '',
    language_style TEXT NOT NULL DEFAULT '',
    information_prejudices TEXT NOT NULL DEFAULT '',
    worries TEXT NOT NULL DEFAULT '',
    information_channels TEXT NOT NULL DEFAULT '',
    values_attitudes TEXT NOT NULL DEFAULT '',
    contact_channel TEXT NOT NULL DEFAULT '',
    trigger_events TEXT NOT NULL DEFAULT '',
    former_customer TEXT NOT NULL DEFAULT 'unknown',
    knows_competitors TEXT NOT NULL DEFAULT '')`,
  `CREATE TABLE contacts (${syncColumns},
    company_id TEXT NOT NULL REFERENCES companies(id),
    salutation TEXT NOT NULL DEFAULT 'none',
    title TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL,
    sort_name TEXT GENERATED ALWAYS AS (${sortKey("last_name || ' ' || first_name")}) VIRTUAL,
    job_function TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    mobile TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'de',
    buying_role TEXT NOT NULL DEFAULT '',
    attitude TEXT NOT NULL DEFAULT '',
    influence TEXT NOT NULL DEFAULT '',
    worries TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    persona_id TEXT REFERENCES personas(id),
    notes TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX contacts_company ON contacts(company_id, sort_name) ${live}`,
  `CREATE INDEX contacts_sort_name ON contacts(sort_name) ${live}`,
  `CREATE INDEX contacts_buying_role ON contacts(buying_role, sort_name) ${live}`,
  `CREATE INDEX contacts_persona ON contacts(persona_id) ${live}`,
  `CREATE INDEX contacts_updated_at ON contacts(updated_at) ${live}`,
  `CREATE TABLE touchpoints (${syncColumns},
    company_id TEXT NOT NULL REFERENCES companies(id),
    contact_id TEXT REFERENCES contacts(id),
    occurred_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    mode TEXT NOT NULL,
    station TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX touchpoints_company ON touchpoints(company_id, occurred_at) ${live}`,
  `CREATE INDEX touchpoints_occurred_at ON touchpoints(occurred_at) ${live}`,
  `CREATE INDEX touchpoints_station ON touchpoints(station, occurred_at) ${live}`,
  `CREATE INDEX touchpoints_channel ON touchpoints(channel, occurred_at) ${live}`,
  `CREATE INDEX touchpoints_contact ON touchpoints(contact_id) ${live}`,
  `CREATE TABLE company_journey (
    company_id TEXT PRIMARY KEY REFERENCES companies(id),
    station TEXT,
    reason TEXT NOT NULL,
    computed_at TEXT NOT NULL)`,
  `CREATE INDEX company_journey_station ON company_journey(station)`,
  `CREATE TABLE app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // AUTOINCREMENT: client_seq must never be reused, even after acknowledged operations are removed.
  // No secondary indexes: the outbox holds only unpushed operations, and every write pays for an index.
  `CREATE TABLE sync_outbox (
    client_seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
    base_version INTEGER,
    fields TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT)`,
  ...ftsFor('companies', ['name', 'customer_number', 'city', 'industry']),
  ...ftsFor('contacts', ['first_name', 'last_name', 'email', 'job_function']),
  ...ftsFor('touchpoints', ['summary']),
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
