// The service intake's own server tables (issue 19, docs/service-intake.md): what arrived (one row per form
// submission, posted request or mail — the idempotency record, and the reason a mail was set aside), the server's
// case-number counter, the acknowledgement mails (sent, or waiting for the next try) and how far the service
// mailbox was read.
import type { Kysely, Migration } from 'kysely'

export const m011ServiceIntake: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('intake_arrivals')
      /** `form:<submission>`, `api:<key id>:<sender's id>`, `mail:<sha-256 of the Message-ID>`. */
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      /** case | triage | reply | set_aside */
      .addColumn('outcome', 'text', (c) => c.notNull())
      /** Why it was set aside or went to triage (`no_sender`, `unknown_customer_number`, …); never personal. */
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('case_id', 'text')
      .addColumn('request_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createTable('intake_numbers')
      .addColumn('year', 'text', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createTable('intake_acks')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      /** Without angle brackets; a reply names it in In-Reply-To or References. */
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      /** pending | sent */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute()
    await db.schema.createIndex('intake_acks_number').on('intake_acks').column('number').execute()
    await db.schema.createIndex('intake_acks_pending').on('intake_acks').columns(['status', 'created_at']).execute()
    await db.schema.createTable('intake_mailbox')
      .addColumn('mailbox', 'text', (c) => c.primaryKey())
      .addColumn('uid_validity', 'text', (c) => c.notNull())
      .addColumn('last_uid', 'integer', (c) => c.notNull())
      .execute()
  },
}
