// The contract and renewal stations: contracts (from a won offer or direct) with their items, the
// running term and its cancel-by date stored for the renewal pipeline, the renewal reminders as
// dates on the contract, cancellations with a churn reason; offers may renew a contract.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

const sync = SYNC_COLUMNS
const live = LIVE

export const statements: string[] = [
  `CREATE TABLE contracts (${sync},
    company_id TEXT NOT NULL REFERENCES companies(id),
    number TEXT NOT NULL,
    contact_id TEXT REFERENCES contacts(id),
    offer_id TEXT REFERENCES offers(id),
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    owner_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    start_date TEXT NOT NULL,
    minimum_term_months INTEGER NOT NULL,
    term_start TEXT NOT NULL,
    end_date TEXT NOT NULL,
    cancel_by TEXT NOT NULL,
    notice_value INTEGER NOT NULL,
    notice_unit TEXT NOT NULL,
    renewal_months INTEGER NOT NULL DEFAULT 0,
    renewal_lead_days INTEGER NOT NULL DEFAULT 90,
    annual_value_cents INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    terms_log TEXT NOT NULL DEFAULT '[]',
    review_due TEXT,
    review_done_at TEXT,
    final_due TEXT,
    final_done_at TEXT,
    cancelled_by TEXT NOT NULL DEFAULT '',
    cancellation_received_on TEXT,
    cancellation_effective_on TEXT,
    churn_reason TEXT NOT NULL DEFAULT '',
    churn_note TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX contracts_company ON contracts(company_id, start_date) ${live}`,
  `CREATE INDEX contracts_number ON contracts(number)`,
  // The renewal pipeline: contracts that renew unless cancelled, by cancel-by date.
  `CREATE INDEX contracts_pipeline ON contracts(cancel_by, owner_id, annual_value_cents) WHERE deleted_at IS NULL AND status IN ('active', 'renewed')`,
  `CREATE INDEX contracts_end ON contracts(end_date) WHERE deleted_at IS NULL AND status IN ('active', 'renewed')`,
  `CREATE INDEX contracts_review_due ON contracts(review_due) WHERE deleted_at IS NULL AND review_done_at IS NULL AND status IN ('active', 'renewed')`,
  `CREATE INDEX contracts_final_due ON contracts(final_due) WHERE deleted_at IS NULL AND final_done_at IS NULL AND status IN ('active', 'renewed')`,
  `CREATE INDEX contracts_owner ON contracts(owner_id, status) ${live}`,
  `CREATE TABLE contract_items (${sync},
    contract_id TEXT NOT NULL REFERENCES contracts(id),
    company_id TEXT NOT NULL REFERENCES companies(id),
    position INTEGER NOT NULL,
    product_id TEXT,
    sku TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    quantity REAL NOT NULL,
    unit TEXT NOT NULL DEFAULT 'Stück',
    unit_price_cents INTEGER NOT NULL,
    discount_percent REAL NOT NULL DEFAULT 0,
    vat_rate INTEGER NOT NULL DEFAULT 19,
    optional INTEGER NOT NULL DEFAULT 0)`,
  `CREATE INDEX contract_items_contract ON contract_items(contract_id, position) ${live}`,
  `ALTER TABLE offers ADD COLUMN contract_id TEXT REFERENCES contracts(id)`,
  `ALTER TABLE offers ADD COLUMN contract_term_months INTEGER NOT NULL DEFAULT 0`,
  `CREATE INDEX offers_contract ON offers(contract_id) WHERE deleted_at IS NULL AND contract_id IS NOT NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
