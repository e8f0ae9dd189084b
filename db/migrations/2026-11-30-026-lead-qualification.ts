// Issue 19, the inbox's second slice (docs/leads.md): the company's address a sender may post (postcode, city,
// country; inside sales complete it, it proposes the field rep by territory), the qualification (budget, need,
// timing, decision maker — later the pre-offer conversation's) and the rep the lead was assigned to.
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  `ALTER TABLE leads ADD COLUMN postal_code TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN city TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN country TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN federal_state TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN budget TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN need TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN timing TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN decision_maker TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE leads ADD COLUMN assigned_to TEXT`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
