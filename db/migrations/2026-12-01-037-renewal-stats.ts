// Issue 20: a local, derived roll-up of renewal decisions per month (and per day), owner and outcome, kept
// exact by triggers on contracts (service writes and applied pulls alike). The renewal-rate report read every
// decided contract, parsed its terms log and walked each term's cancel-by date in JS (6.3× the time at 5× the
// data); it now reads whole months from renewal_stats and the partial months at the range's edges from
// renewal_day_stats. Never synced: every device derives the same.
//
// A contract that is not deleted and whose renewal was decided at least once (status renewed, cancelled_customer,
// cancelled_us or ended) holds these decisions, as the report has always counted them:
//   - each term followed by another one was renewed, decided on that term's cancel-by date (outcome 'renewed');
//   - an ended contract ran out on its cancel-by date (outcome 'no_renewal');
//   - a cancelled one was decided on the day the notice came in (outcome: its churn reason, 'other' when none).
// Each counts the contract's annual value under its owner. The cancel-by date of a term end is that of
// shared/modules/contracts/contract.dates.ts (cancelBy), written out in SQL as a released migration must;
// tests/integration/renewal.stats.test.ts compares both for every notice and many days, and the report with the
// direct count.
import { sql, type Kysely } from 'kysely'

/**
 * The last day a notice of `value` `unit` may be received for a term ending on `end` (§ 187, § 188 BGB): days and
 * weeks count back; months land on the corresponding day `value` months earlier, or on that month's last day when
 * it has none or when the term ends on a month's last day (a notice received on the earlier month's last day ends
 * on the later month's last day, § 188 (3)). NULL when `end` is not a date.
 */
export const cancelBySql = (end: string, value: string, unit: string): string => {
  const lastOfTarget = `date(${end}, 'start of month', '-' || ${value} || ' months', '+1 month', '-1 day')`
  return `CASE
    WHEN ${value} <= 0 THEN date(${end})
    WHEN ${unit} = 'days' THEN date(${end}, '-' || ${value} || ' days')
    WHEN ${unit} = 'weeks' THEN date(${end}, '-' || (7 * ${value}) || ' days')
    WHEN ${end} = date(${end}, 'start of month', '+1 month', '-1 day') THEN ${lastOfTarget}
    ELSE min(date(${end}, '-' || ${value} || ' months'), ${lastOfTarget}) END`
}

const DECIDED = (row: string) => `${row}.deleted_at IS NULL AND ${row}.status IN ('renewed', 'cancelled_customer', 'cancelled_us', 'ended')`
/** The terms log as JSON, or an empty list when it is not (a damaged history counts no renewals instead of failing the write). */
const LOG = (row: string) => `(CASE WHEN json_valid(${row}.terms_log) THEN ${row}.terms_log ELSE '[]' END)`

/**
 * The decisions (day, outcome, owner_id, value_cents) of the contract row `row`: the trigger's new or old row, or
 * of every contract when `row` is an alias of the table `contracts` (SQLite has no lateral join).
 */
const decisions = (row: string, contracts?: 'contracts') => `
  SELECT ${cancelBySql("json_extract(t.value, '$.end')", `${row}.notice_value`, `${row}.notice_unit`)} AS day, 'renewed' AS outcome,
      ${row}.owner_id AS owner_id, ${row}.annual_value_cents AS value_cents
    FROM ${contracts ? `${contracts} ${row},` : ''} json_each(${LOG(row)}) t WHERE ${DECIDED(row)} AND t.key < json_array_length(${LOG(row)}) - 1
  UNION ALL
  SELECT CASE WHEN ${row}.status = 'ended' THEN ${row}.cancel_by ELSE ${row}.cancellation_received_on END,
      CASE WHEN ${row}.status = 'ended' THEN 'no_renewal' ELSE coalesce(nullif(${row}.churn_reason, ''), 'other') END,
      ${row}.owner_id, ${row}.annual_value_cents
    ${contracts ? `FROM ${contracts} ${row}` : ''} WHERE ${DECIDED(row)} AND (${row}.status = 'ended' OR coalesce(${row}.cancellation_received_on, '') <> '')`

const TABLES = [
  { table: 'renewal_stats', key: 'month', of: (day: string) => `substr(${day}, 1, 7)` },
  { table: 'renewal_day_stats', key: 'day', of: (day: string) => day },
] as const

/** The decisions of `row` counted in (+1) or out (−1) of both tables. */
const count = (row: string, sign: 1 | -1) => TABLES.map(({ table, key, of }) => `
  INSERT INTO ${table} (${key}, owner_id, outcome, decisions, value_cents)
    SELECT ${of('d.day')}, d.owner_id, d.outcome, ${sign} * count(*), ${sign} * sum(d.value_cents)
    FROM (${decisions(row)}) d WHERE d.day IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT(${key}, owner_id, outcome) DO UPDATE SET decisions = decisions + excluded.decisions, value_cents = value_cents + excluded.value_cents;`).join('\n')

export const statements: string[] = [
  ...TABLES.map(({ table, key }) => `CREATE TABLE ${table} (
    ${key} TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    decisions INTEGER NOT NULL,
    value_cents INTEGER NOT NULL,
    PRIMARY KEY (${key}, owner_id, outcome)) WITHOUT ROWID`),
  ...TABLES.map(({ table, key, of }) => `INSERT INTO ${table} (${key}, owner_id, outcome, decisions, value_cents)
    SELECT ${of('d.day')}, d.owner_id, d.outcome, count(*), sum(d.value_cents)
    FROM (${decisions('k', 'contracts')}) d WHERE d.day IS NOT NULL GROUP BY 1, 2, 3`),
  `CREATE TRIGGER renewal_stats_ai AFTER INSERT ON contracts BEGIN ${count('new', 1)} END`,
  `CREATE TRIGGER renewal_stats_ad AFTER DELETE ON contracts BEGIN ${count('old', -1)} END`,
  `CREATE TRIGGER renewal_stats_au AFTER UPDATE OF status, terms_log, notice_value, notice_unit, cancel_by, cancellation_received_on,
    churn_reason, annual_value_cents, owner_id, deleted_at ON contracts
    BEGIN ${count('old', -1)} ${count('new', 1)} END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
