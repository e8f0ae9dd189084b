// Team administration in the app (issue 18): a password the admin set for someone (a new user's first, or a
// reset) is a one-time password; its owner signs in with it once and must choose their own at that login.
import type { Kysely, Migration } from 'kysely'

export const m009MustChangePassword: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  },
}
