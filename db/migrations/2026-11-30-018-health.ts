// Issue 17, the Customer Health Score. `team_settings` is synced with the team (scope `team` by team_id): one row
// per team and key, its id derived from both, the value JSON checked by the key's schema (the health weights,
// targets and bands first; later issues put rights and cadences here). `company_health` and `health_history`
// are local and derived, like company_journey: every laptop computes them from synced facts in the transaction
// that changes a fact (docs/health-score.md). No foreign key to companies: sync evicts and purges companies
// directly, and a full recompute drops the rows of companies that are gone.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE team_settings (${SYNC_COLUMNS},
    team_id TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL,
    value TEXT NOT NULL)`,
  `CREATE INDEX team_settings_team_key ON team_settings(team_id, key) ${LIVE}`,
  `CREATE TABLE company_health (
    company_id TEXT PRIMARY KEY,
    score INTEGER NOT NULL,
    light TEXT NOT NULL,
    reasons TEXT NOT NULL,
    components TEXT NOT NULL,
    computed_at TEXT NOT NULL)`,
  `CREATE INDEX company_health_light ON company_health(light, score)`,
  `CREATE INDEX company_health_score ON company_health(score)`,
  `CREATE TABLE health_history (
    company_id TEXT NOT NULL,
    week TEXT NOT NULL,
    score INTEGER NOT NULL,
    PRIMARY KEY (company_id, week)) WITHOUT ROWID`,
  // The score reads a company's overdue open follow-ups; no index led from the company before.
  `CREATE INDEX follow_ups_company_open ON follow_ups(company_id, due_date) WHERE deleted_at IS NULL AND status = 'open'`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
