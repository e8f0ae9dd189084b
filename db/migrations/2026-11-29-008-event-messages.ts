// Timelines hold message keys, not sentences: touchpoints and case events the app writes itself carry a
// message key and its parameters (JSON); the free text is only what the user typed. Rows written in German
// before are converted with the same function the sync server uses on its copy and on older laptops' pushes
// (shared/modules/sync/legacy-events.ts), so every device ends up with the same values. Local rewrite, no
// outbox: the server converts its own rows.
import { sql, type Kysely } from 'kysely'
import { legacyCaseEvent, legacyTouchpoint } from '../../shared/modules/sync'

export const statements: string[] = [
  'ALTER TABLE touchpoints ADD COLUMN message_key TEXT',
  'ALTER TABLE touchpoints ADD COLUMN message_params TEXT',
  'ALTER TABLE case_events ADD COLUMN message_key TEXT',
  'ALTER TABLE case_events ADD COLUMN message_params TEXT',
]

/** Only rows that can be one of the app's sentences are read (the patterns all start with these words). */
const TOUCHPOINT_CANDIDATES = `select id, summary from touchpoints where summary like 'Angebot %' or summary like 'Nachgefasst (%'
  or summary like 'Vertrag %' or summary like 'Verlängerung geprüft (%' or summary like 'Kunde informiert (%'
  or summary like 'Serviceanfrage S-%' or summary like 'Reklamation S-%' or summary like 'Garantiefall S-%' or summary like 'Retoure S-%'
  or summary like 'Garantieende besprochen: %' or summary like 'Für die Empfehlung bedankt: %' or summary like 'Nach Empfehlung oder Referenz gefragt: %'
  or summary like 'Empfehlung: %' or summary like 'Dank für die Empfehlung von %'`

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  await convertLegacyEvents(db)
}

/** Rows holding one of the app's German sentences get their message key and parameters; the user's text stays. */
export async function convertLegacyEvents(db: Kysely<unknown>): Promise<void> {
  const touchpoints = await sql<{ id: string; summary: string }>`${sql.raw(TOUCHPOINT_CANDIDATES)}`.execute(db)
  for (const row of touchpoints.rows) {
    const converted = legacyTouchpoint(row.summary)
    if (!converted.messageKey) continue
    await sql`update touchpoints set summary = ${converted.text}, message_key = ${converted.messageKey}, message_params = ${JSON.stringify(converted.params)} where id = ${row.id}`.execute(db)
  }
  const events = await sql<{ id: string; kind: string; text: string }>`select id, kind, text from case_events`.execute(db)
  for (const row of events.rows) {
    const converted = legacyCaseEvent(row.kind, row.text)
    if (!converted.messageKey) continue
    await sql`update case_events set text = ${converted.text}, message_key = ${converted.messageKey}, message_params = ${JSON.stringify(converted.params)} where id = ${row.id}`.execute(db)
  }
}
