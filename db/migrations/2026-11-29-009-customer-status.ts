// The company status follows the business (issue 13, item 7): a won offer or a running contract makes a
// prospect a customer, the last contract ending makes a customer a former customer. The automation acts
// when that fact changes, never on the fact as such (a status set by hand stays), so each laptop keeps what
// it last saw of the fact next to the derived journey position. Local only, like company_journey itself:
// null until the company is next refreshed, read as "never looked": the present is taken as seen, so a
// won offer from before this version never moves a status someone chose since.
import { sql, type Kysely } from 'kysely'

export const statements: string[] = [
  'ALTER TABLE company_journey ADD COLUMN business INTEGER',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
