// Issue 20: a local, derived roll-up of first follow-ups (kind 'after_first', not cancelled, not deleted) per
// planned month, owner and company segment: how many were due and how many were done on time (before the
// end of the planned German day), kept exact by triggers (service writes and applied pulls alike). The
// order-rate report's follow-up discipline read every first follow-up of its range (~95,000 index entries
// for two years on the large set); it now reads whole months from here and only the partial months at the
// edges (and up to today) from follow_ups. Never synced: every device derives the same.
import { sql, type Kysely } from 'kysely'

/**
 * The instant at which the German day `day` ends, for any year: the summer-time rule of db/platform/berlin-sql.ts
 * (summer from the last Sunday of March — the first Sunday on or after 25 March — to the last Sunday of October),
 * with the year's Sundays computed per row (a trigger knows no query's years). Agrees with berlinDayEnd.
 */
export const berlinDayEndSql = (day: string): string => `${day} || CASE
  WHEN ${day} >= date(substr(${day}, 1, 4) || '-03-25', 'weekday 0') AND ${day} < date(substr(${day}, 1, 4) || '-10-25', 'weekday 0')
  THEN 'T22:00:00.000Z' ELSE 'T23:00:00.000Z' END`

const DUE = (row: string) => `${row}.deleted_at IS NULL AND ${row}.kind = 'after_first' AND ${row}.status <> 'cancelled'`
const ON_TIME = (row: string) => `coalesce(${row}.status = 'done' AND ${row}.done_at < (${berlinDayEndSql(`${row}.planned_date`)}), 0)`
const COLUMNS = 'follow_up_stats (month, owner_id, segment, due, on_time)'
const UPSERT = 'ON CONFLICT(month, owner_id, segment) DO UPDATE SET due = due + excluded.due, on_time = on_time + excluded.on_time'

/** One follow-up counted in (+1) or out (−1), under its company's current segment ('' while the company is missing). */
const count = (row: string, sign: 1 | -1) => `INSERT INTO ${COLUMNS}
  SELECT substr(${row}.planned_date, 1, 7), ${row}.owner_id, coalesce((SELECT segment FROM companies WHERE id = ${row}.company_id), ''),
    ${sign}, ${sign} * ${ON_TIME(row)}
  WHERE ${DUE(row)} ${UPSERT};`

/** All counted follow-ups of a company moved from one segment to another. */
const move = (companyId: string, from: string, to: string) => [-1, 1].map((sign) => `INSERT INTO ${COLUMNS}
  SELECT substr(f.planned_date, 1, 7), f.owner_id, ${sign < 0 ? from : to}, ${sign} * count(*), ${sign} * sum(${ON_TIME('f')})
  FROM follow_ups f WHERE f.company_id = ${companyId} AND ${DUE('f')}
  GROUP BY 1, 2 ${UPSERT};`).join('\n')

export const statements: string[] = [
  `CREATE TABLE follow_up_stats (
    month TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    segment TEXT NOT NULL,
    due INTEGER NOT NULL,
    on_time INTEGER NOT NULL,
    PRIMARY KEY (month, owner_id, segment)) WITHOUT ROWID`,
  `INSERT INTO ${COLUMNS}
    SELECT substr(f.planned_date, 1, 7), f.owner_id, coalesce(c.segment, ''), count(*), sum(${ON_TIME('f')})
    FROM follow_ups f LEFT JOIN companies c ON c.id = f.company_id WHERE ${DUE('f')} GROUP BY 1, 2, 3`,
  // The company triggers below find a company's counted follow-ups here (follow_ups had no index by company but
  // for open ones): without it, every company a pull applies would read all follow-ups.
  `CREATE INDEX follow_ups_company_due ON follow_ups(company_id) WHERE deleted_at IS NULL AND kind = 'after_first' AND status <> 'cancelled'`,
  `CREATE TRIGGER follow_up_stats_ai AFTER INSERT ON follow_ups BEGIN ${count('new', 1)} END`,
  `CREATE TRIGGER follow_up_stats_ad AFTER DELETE ON follow_ups BEGIN ${count('old', -1)} END`,
  `CREATE TRIGGER follow_up_stats_au AFTER UPDATE OF kind, status, planned_date, done_at, owner_id, deleted_at, company_id ON follow_ups
    BEGIN ${count('old', -1)} ${count('new', 1)} END`,
  // The report's segment filter asks the company's segment (deleted or not), as the order-rate roll-up does:
  // follow-ups counted before their company arrived (a pull applies in commit order) sit under ''; a company's
  // segment change, arrival and removal move its follow-ups' counts along.
  `CREATE TRIGGER follow_up_stats_company_ai AFTER INSERT ON companies WHEN new.segment <> '' BEGIN ${move('new.id', "''", 'new.segment')} END`,
  `CREATE TRIGGER follow_up_stats_company_au AFTER UPDATE OF segment ON companies WHEN old.segment <> new.segment BEGIN ${move('new.id', 'old.segment', 'new.segment')} END`,
  `CREATE TRIGGER follow_up_stats_company_ad AFTER DELETE ON companies WHEN old.segment <> '' BEGIN ${move('old.id', 'old.segment', "''")} END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
