// Issue 17: early-warning triggers. `trigger_rules` holds a team's edits of the shipped rules (one row per team and
// signal, its id derived from both, so two laptops editing the same shipped rule meet as one record); a signal
// without a row holds as shipped. `trigger_firings` records each firing once (its id derived from the signal, the
// company and the occasion), synced with the company; the task a firing makes names it (`tasks.trigger_firing_id`).
// A lost offer may carry the date the customer named to be contacted again (`offers.recontact_on`).
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE trigger_rules (${SYNC_COLUMNS},
    team_id TEXT NOT NULL DEFAULT '',
    signal TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    threshold INTEGER NOT NULL,
    action TEXT NOT NULL DEFAULT 'task_owner',
    target_user_id TEXT,
    updated_by TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX trigger_rules_team ON trigger_rules(team_id, signal) ${LIVE}`,
  `CREATE TABLE trigger_firings (${SYNC_COLUMNS},
    company_id TEXT NOT NULL,
    signal TEXT NOT NULL,
    occasion TEXT NOT NULL,
    fired_on TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT 'task_owner',
    assignee_id TEXT NOT NULL DEFAULT '',
    task_id TEXT,
    related_type TEXT,
    related_id TEXT,
    message_key TEXT NOT NULL,
    message_params TEXT NOT NULL DEFAULT '{}')`,
  `CREATE INDEX trigger_firings_company ON trigger_firings(company_id, fired_on) ${LIVE}`,
  `CREATE INDEX trigger_firings_fired_on ON trigger_firings(fired_on, signal) ${LIVE}`,
  `ALTER TABLE tasks ADD COLUMN trigger_firing_id TEXT`,
  `ALTER TABLE offers ADD COLUMN recontact_on TEXT`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
