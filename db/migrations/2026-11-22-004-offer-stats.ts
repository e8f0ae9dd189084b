// A local, derived roll-up of decided offers per month, owner, segment, with/without pre-offer
// conversation, outcome and lost reason, kept exact by triggers (service writes and applied pulls
// alike). The order-rate report reads full months from here and only the partial months at the
// edges of its range from the offers themselves. Never synced: every device derives the same.
import { sql, type Kysely } from 'kysely'

const DECIDED = (row: string) => `${row}.deleted_at IS NULL AND ${row}.closed_at IS NOT NULL AND ${row}.status IN ('won', 'lost', 'expired')`
const VALUE = (row: string) => `CASE WHEN ${row}.status = 'won' THEN coalesce(${row}.order_value_cents, ${row}.gross_cents) ELSE ${row}.gross_cents END`
const UPSERT = 'ON CONFLICT(month, owner_id, segment, conv, status, lost_reason) DO UPDATE SET n = n + excluded.n, value = value + excluded.value'
const COLUMNS = 'offer_stats (month, owner_id, segment, conv, status, lost_reason, n, value)'

/** One offer row counted in (+1) or out (−1), under its company's current segment. */
const count = (row: string, sign: 1 | -1) => `INSERT INTO ${COLUMNS}
  SELECT substr(${row}.closed_at, 1, 7), ${row}.owner_id, coalesce((SELECT segment FROM companies WHERE id = ${row}.company_id), ''),
    ${row}.conversation_id IS NOT NULL, ${row}.status, ${row}.lost_reason, ${sign}, ${sign} * (${VALUE(row)})
  WHERE ${DECIDED(row)} ${UPSERT};`

/** All decided offers of a company moved from one segment to another. */
const move = (companyId: string, from: string, to: string) => [-1, 1].map((sign) => `INSERT INTO ${COLUMNS}
  SELECT substr(o.closed_at, 1, 7), o.owner_id, ${sign < 0 ? from : to}, o.conversation_id IS NOT NULL, o.status, o.lost_reason, ${sign} * count(*), ${sign} * sum(${VALUE('o')})
  FROM offers o WHERE o.company_id = ${companyId} AND ${DECIDED('o')}
  GROUP BY 1, 2, 3, 4, 5, 6 ${UPSERT};`).join('\n')

export const statements: string[] = [
  `CREATE TABLE offer_stats (
    month TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    segment TEXT NOT NULL,
    conv INTEGER NOT NULL,
    status TEXT NOT NULL,
    lost_reason TEXT NOT NULL,
    n INTEGER NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (month, owner_id, segment, conv, status, lost_reason)) WITHOUT ROWID`,
  `INSERT INTO ${COLUMNS}
    SELECT substr(o.closed_at, 1, 7), o.owner_id, coalesce(c.segment, ''), o.conversation_id IS NOT NULL, o.status, o.lost_reason, count(*), sum(${VALUE('o')})
    FROM offers o LEFT JOIN companies c ON c.id = o.company_id WHERE ${DECIDED('o')} GROUP BY 1, 2, 3, 4, 5, 6`,
  `CREATE TRIGGER offer_stats_ai AFTER INSERT ON offers BEGIN ${count('new', 1)} END`,
  `CREATE TRIGGER offer_stats_ad AFTER DELETE ON offers BEGIN ${count('old', -1)} END`,
  `CREATE TRIGGER offer_stats_au AFTER UPDATE OF status, closed_at, owner_id, conversation_id, gross_cents, order_value_cents, lost_reason, deleted_at, company_id ON offers
    BEGIN ${count('old', -1)} ${count('new', 1)} END`,
  // Offers counted before their company arrived (a pull applies in commit order) sit under '';
  // a company's segment change, arrival and removal move its offers' counts along.
  `CREATE TRIGGER offer_stats_company_ai AFTER INSERT ON companies WHEN new.segment <> '' BEGIN ${move('new.id', "''", 'new.segment')} END`,
  `CREATE TRIGGER offer_stats_company_au AFTER UPDATE OF segment ON companies WHEN old.segment <> new.segment BEGIN ${move('new.id', 'old.segment', 'new.segment')} END`,
  `CREATE TRIGGER offer_stats_company_ad AFTER DELETE ON companies WHEN old.segment <> '' BEGIN ${move('old.id', 'old.segment', "''")} END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
