// The integration API's tables (docs/erp-facts.md): keys an admin creates for a sending system (an ERP's nightly
// export now; marketing automation and the web form with issue 19), stored as their SHA-256 with the kinds of
// data each may post, and the answers to posts that named an Idempotency-Key, so a retried post is answered
// again instead of being applied twice.
import type { Kysely, Migration } from 'kysely'

export const m008IntegrationKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('integration_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      /** The kinds it may post, space-separated ("erp_facts"). */
      .addColumn('kinds', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute()
    await db.schema.createTable('integration_posts')
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('integration_posts_pk', ['key_id', 'idempotency_key'])
      .execute()
    await db.schema.createIndex('integration_posts_created').on('integration_posts').column('created_at').execute()
  },
}
