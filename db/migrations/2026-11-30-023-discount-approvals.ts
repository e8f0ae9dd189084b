// Issue 18: discount approvals. An offer whose discounts exceed the limits of the sender's role is sent only after
// an approver (manager, admin) approved it: `offer_approvals` holds each request with the figures it asked for, and
// its decision, synced with the offer's company (docs/architecture.md, "Discount approvals (issue 18)"). Products
// may carry a purchase price, so an offer's margin can be checked against the team's margin floor.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  `CREATE TABLE offer_approvals (${SYNC_COLUMNS},
    offer_id TEXT NOT NULL,
    company_id TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    item_percent REAL NOT NULL DEFAULT 0,
    offer_percent REAL NOT NULL DEFAULT 0,
    margin_percent REAL,
    comment TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'requested',
    decided_by TEXT,
    decided_at TEXT,
    approved_limit_percent REAL,
    decline_reason TEXT NOT NULL DEFAULT '',
    seen_at TEXT)`,
  `CREATE INDEX offer_approvals_offer ON offer_approvals(offer_id, requested_at) ${LIVE}`,
  `CREATE INDEX offer_approvals_status ON offer_approvals(status, requested_at) ${LIVE}`,
  `ALTER TABLE products ADD COLUMN purchase_price_cents INTEGER`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
