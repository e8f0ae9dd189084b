// Issue 15: mail out and in, and promises. Touchpoints learn which record they belong to (an offer's mail and
// the replies in its thread show on the offer) and carry a mail's envelope; the mail outbox and the mails read
// from the rep's IMAP account are this device's own (never synced: they hold the rep's mailbox); promises
// made to a customer are synced with the company.
import { sql, type Kysely } from 'kysely'
import { LIVE, SYNC_COLUMNS } from './columns'

export const statements: string[] = [
  // The record a touchpoint belongs to ('offer', 'contract', 'case', 'conversation', 'promise', 'referral').
  `ALTER TABLE touchpoints ADD COLUMN related_type TEXT`,
  `ALTER TABLE touchpoints ADD COLUMN related_id TEXT`,
  // A mail's Message-ID (without <>), and its envelope as JSON: from, to, cc, snippet, attachments (names, sizes).
  `ALTER TABLE touchpoints ADD COLUMN mail_message_id TEXT`,
  `ALTER TABLE touchpoints ADD COLUMN mail_meta TEXT`,
  `CREATE INDEX touchpoints_related ON touchpoints(related_type, related_id, occurred_at) WHERE related_id IS NOT NULL AND deleted_at IS NULL`,
  `CREATE INDEX touchpoints_mail ON touchpoints(mail_message_id) WHERE mail_message_id IS NOT NULL`,
  // The outbox: a mail is built once (its MIME bytes and Message-ID) and sent from here, retried with backoff. The
  // bytes are the last column in both mail tables: SQLite stores a row in column order, so a list reads what it
  // shows without walking the mail's overflow pages.
  `CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL,
    related_type TEXT NOT NULL DEFAULT '',
    related_id TEXT NOT NULL DEFAULT '',
    related_revision INTEGER,
    company_id TEXT,
    contact_id TEXT,
    sender TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    snippet TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    size INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    last_error_detail TEXT NOT NULL DEFAULT '',
    smtp_response TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    raw BLOB NOT NULL)`,
  `CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE status IN ('queued', 'sending')`,
  `CREATE INDEX mail_outbox_related ON mail_outbox(related_type, related_id)`,
  // Mails read from the rep's IMAP account that concern a known contact (unknown senders are not kept).
  `CREATE TABLE mail_messages (
    id TEXT PRIMARY KEY,
    mailbox TEXT NOT NULL,
    uid_validity INTEGER NOT NULL,
    uid INTEGER NOT NULL,
    message_id TEXT NOT NULL,
    in_reply_to TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '',
    sent_at TEXT NOT NULL,
    direction TEXT NOT NULL,
    from_address TEXT NOT NULL DEFAULT '',
    from_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '{}',
    subject TEXT NOT NULL DEFAULT '',
    snippet TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    company_id TEXT,
    contact_id TEXT,
    related_type TEXT NOT NULL DEFAULT '',
    related_id TEXT NOT NULL DEFAULT '',
    touchpoint_id TEXT,
    state TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    read_at TEXT NOT NULL,
    body_text TEXT NOT NULL DEFAULT '',
    raw BLOB,
    UNIQUE (mailbox, uid_validity, uid))`,
  `CREATE INDEX mail_messages_message_id ON mail_messages(message_id)`,
  // Filing matches a batch of addresses against the contacts' e-mail, case aside.
  `CREATE INDEX contacts_email_lower ON contacts(lower(email)) WHERE deleted_at IS NULL AND email <> ''`,
  `CREATE INDEX mail_messages_company ON mail_messages(company_id, sent_at)`,
  `CREATE INDEX mail_messages_contact ON mail_messages(contact_id)`,
  // Promises to a customer (next steps agreed in a conversation): on the work list until kept.
  `CREATE TABLE promises (${SYNC_COLUMNS},
    company_id TEXT NOT NULL,
    contact_id TEXT,
    conversation_id TEXT,
    offer_id TEXT,
    title TEXT NOT NULL,
    due_date TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    done_at TEXT,
    changed_at TEXT,
    created_by TEXT NOT NULL DEFAULT '')`,
  `CREATE INDEX promises_company ON promises(company_id) ${LIVE}`,
  `CREATE INDEX promises_open_due ON promises(owner_id, due_date) WHERE status = 'open' AND deleted_at IS NULL`,
  `CREATE INDEX promises_conversation ON promises(conversation_id) WHERE conversation_id IS NOT NULL AND deleted_at IS NULL`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
