// A service request as it arrives from the web form, the API or the service mailbox (issue 19,
// docs/service-intake.md): matched to a customer by the customer number or the sender's address, then written in
// one transaction as the server's own synced rows — a case of type service_request with its first event and the
// inbound touchpoint in the customer's team scope, and the acknowledgement waiting to be sent — or, unmatched, as
// an organisation-wide triage row. Each arrival has a key (the submission, the sender's id, the Message-ID): a
// second arrival with the same key writes nothing and answers the first outcome.
import { sql, type Transaction } from 'kysely'
import { derivedId } from '../../db/platform/ids'
import { ORG_SCOPE, rowProblem, type SyncValue } from '../../shared/modules/sync'
import { acknowledgeDue, berlinDay, DEFAULT_SERVICE_LEVELS, resolveDue, type CaseChannel, type ServiceRequestSource, type TriageReason } from '../../shared/modules/service'
import { eventColumns } from '../../shared/platform/event-message'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import type { FieldVersion } from '../sync/conflicts'
import { customerNumberKey } from '../sync/customer-numbers'
import { writeWithSequence, type Sequencer } from '../sync/sequence'

type Trx = Transaction<ServerDatabase>

/** The code in the server's case numbers: I and O are no Crockford letters, so no laptop's code is ever INBOX. */
export const SERVER_NUMBER_CODE = 'INBOX'

export interface IncomingRequest {
  source: ServiceRequestSource
  /** The arrival's idempotency key (`form:…`, `api:…`, `mail:…`). */
  key: string
  /** The sender's id, the submission or the Message-ID, as the triage row shows it. */
  externalId: string
  /** Who wrote it (integration key name, `form`, `mailbox`), for the writer's name of the rows. */
  writer: string
  name: string
  email: string
  customerNumber: string
  subject: string
  description: string
  receivedAt: string
  /** The language of the acknowledgement. */
  language: 'de' | 'en'
  /** A mail's Message-ID, kept on the touchpoint. */
  mailMessageId?: string
}

export type IntakeOutcome =
  | { outcome: 'case'; created: boolean; caseId: string; number: string }
  | { outcome: 'triage'; created: boolean; requestId: string; reason: TriageReason }

const CHANNEL: Record<ServiceRequestSource, CaseChannel> = { web: 'web', email: 'email', api: 'web' }

interface CompanyRow { id: string; scope: string; data: Record<string, SyncValue> }

async function liveCompany(trx: Trx, id: string): Promise<CompanyRow | null> {
  const row = await trx.selectFrom('sync_rows').select(['id', 'scope_id', 'data']).where('table_name', '=', 'companies').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst()
  return row ? { id: row.id, scope: row.scope_id, data: JSON.parse(row.data) as Record<string, SyncValue> } : null
}

/** Live contacts with this e-mail address (case-insensitive): the address is read from the row's JSON on either store. */
async function contactsByEmail(store: Store, trx: Trx, email: string): Promise<Array<{ id: string; companyId: string }>> {
  const field = store.kind === 'postgres' ? sql<string>`lower(cast(data as json)->>'email')` : sql<string>`lower(json_extract(data, '$.email'))`
  const rows = await trx.selectFrom('sync_rows').select(['id', 'data']).where('table_name', '=', 'contacts').where('deleted', '=', 0)
    .where(field, '=', email.trim().toLowerCase()).limit(50).execute()
  return rows.map((r) => ({ id: r.id, companyId: String((JSON.parse(r.data) as Record<string, SyncValue>).company_id ?? '') }))
}

export type Match = { company: CompanyRow; contactId: string | null } | { reason: TriageReason }

/** The customer number first (a number nobody holds is triage, not the address's company); then the sender's address. */
export async function matchRequest(store: Store, trx: Trx, email: string, customerNumber: string): Promise<Match> {
  const contacts = email ? await contactsByEmail(store, trx, email) : []
  const key = customerNumberKey(customerNumber)
  if (key) {
    const holder = await trx.selectFrom('customer_numbers').select('company_id').where('number', '=', key).executeTakeFirst()
    const company = holder ? await liveCompany(trx, holder.company_id) : null
    if (!company) return { reason: 'unknown_customer_number' }
    return { company, contactId: contacts.find((c) => c.companyId === company.id)?.id ?? null }
  }
  const companies: CompanyRow[] = []
  for (const id of new Set(contacts.map((c) => c.companyId))) {
    const company = await liveCompany(trx, id)
    if (company) companies.push(company)
  }
  if (companies.length === 0) return { reason: 'unknown_sender' }
  if (companies.length > 1) return { reason: 'ambiguous_sender' }
  const company = companies[0]!
  return { company, contactId: contacts.find((c) => c.companyId === company.id)!.id }
}

async function nextCaseNumber(trx: Trx, receivedAt: string): Promise<string> {
  const year = berlinDay(receivedAt).slice(0, 4)
  await trx.insertInto('intake_numbers').values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`intake_numbers.last + 1` })).execute()
  const row = await trx.selectFrom('intake_numbers').select('last').where('year', '=', year).executeTakeFirstOrThrow()
  return `S-${year}-${SERVER_NUMBER_CODE}-${String(row.last).padStart(4, '0')}`
}

/** Inserts one synced row as the server's own change (like the lead endpoint): every column written by `writer`. */
export async function insertServerRow(trx: Trx, seq: Sequencer, table: string, id: string, scope: string, parentId: string | null, data: Record<string, SyncValue>, writer: { id: string; name: string; at: string }): Promise<void> {
  const problem = rowProblem(table as never, data, 'row')
  if (problem) throw new Error(`a ${table} row the row schema refuses (${problem.split(':')[0]})`)
  const version = seq.next()
  const fv: FieldVersion = [version, writer.id, writer.id, writer.at, writer.name]
  await trx.insertInto('sync_rows').values({
    table_name: table, id, scope_id: scope, parent_id: parentId, version, deleted: 0, data: JSON.stringify(data),
    field_versions: JSON.stringify(Object.fromEntries(Object.keys(data).map((c) => [c, fv]))), created_seq: version, updated_by: writer.id,
  }).execute()
}

/** A Message-ID of the server's own (without angle brackets). */
export const ackMessageId = (caseId: string, domain: string) => `ack-${caseId}@${domain}`

export interface IntakeOptions {
  /** The domain of the acknowledgements' Message-IDs (the sender address's). */
  mailDomain: string
  /** false: no acknowledgement is queued (no SMTP configured). */
  acknowledge: boolean
  /** Called after a request became a case (its transaction committed). */
  onCase?: () => void
}

/** Takes one request: a case of the matched customer, or a triage row; nothing written twice for one key. */
export async function takeRequest(store: Store, req: IncomingRequest, now: Date, options: IntakeOptions): Promise<IntakeOutcome> {
  const outcome = await writeRequest(store, req, now, options)
  if (outcome.outcome === 'case' && outcome.created) options.onCase?.()
  return outcome
}

async function writeRequest(store: Store, req: IncomingRequest, now: Date, options: IntakeOptions): Promise<IntakeOutcome> {
  return writeWithSequence(store, async (trx, seq) => {
    const known = await trx.selectFrom('intake_arrivals').selectAll().where('key', '=', req.key).executeTakeFirst()
    if (known?.outcome === 'case' && known.case_id) {
      const number = await trx.selectFrom('sync_rows').select('data').where('table_name', '=', 'cases').where('id', '=', known.case_id).executeTakeFirst()
      return { outcome: 'case', created: false, caseId: known.case_id, number: number ? String((JSON.parse(number.data) as Record<string, SyncValue>).number) : '' }
    }
    if (known?.outcome === 'triage' && known.request_id) return { outcome: 'triage', created: false, requestId: known.request_id, reason: known.reason as TriageReason }
    const at = now.toISOString()
    const writer = { id: `intake:${req.source}`, name: req.writer, at }
    const match = await matchRequest(store, trx, req.email, req.customerNumber)
    if ('reason' in match) {
      const requestId = derivedId(`service-request:${req.key}`)
      await insertServerRow(trx, seq, 'service_requests', requestId, ORG_SCOPE, null, {
        created_at: at, source: req.source, external_id: req.externalId, name: req.name, email: req.email, customer_number: req.customerNumber,
        subject: req.subject, description: req.description, received_at: req.receivedAt, reason: match.reason, status: 'new',
      }, writer)
      await trx.insertInto('intake_arrivals').values({ key: req.key, source: req.source, outcome: 'triage', reason: match.reason, case_id: null, request_id: requestId, created_at: at }).execute()
      return { outcome: 'triage', created: true, requestId, reason: match.reason }
    }
    const { company, contactId } = match
    const caseId = derivedId(`case:${req.key}`)
    const number = await nextCaseNumber(trx, req.receivedAt)
    await writeCase(trx, seq, { caseId, number, company, contactId, req, writer })
    if (options.acknowledge) await queueAcknowledgement(trx, { caseId, number, req, at, domain: options.mailDomain })
    await trx.insertInto('intake_arrivals').values({ key: req.key, source: req.source, outcome: 'case', reason: '', case_id: caseId, request_id: null, created_at: at }).execute()
    return { outcome: 'case', created: true, caseId, number }
  })
}

interface CaseToWrite {
  caseId: string
  number: string
  company: CompanyRow
  contactId: string | null
  req: Pick<IncomingRequest, 'source' | 'subject' | 'description' | 'receivedAt' | 'mailMessageId'>
  writer: { id: string; name: string; at: string }
}

/** The case (normal priority, the service levels' defaults), its `created` event and the inbound touchpoint. */
export async function writeCase(trx: Trx, seq: Sequencer, c: CaseToWrite): Promise<void> {
  const state = String(c.company.data.federal_state ?? '') as Parameters<typeof acknowledgeDue>[2]
  const level = DEFAULT_SERVICE_LEVELS.normal
  const receivedAt = new Date(c.req.receivedAt).toISOString()
  const ackDue = acknowledgeDue(receivedAt, level.acknowledgeHours, state)
  const at = c.writer.at
  const subject = c.req.subject.slice(0, 500)
  await insertServerRow(trx, seq, 'cases', c.caseId, c.company.scope, c.company.id, {
    created_at: at, company_id: c.company.id, number: c.number, type: 'service_request', contact_id: c.contactId, asset_id: null,
    channel: CHANNEL[c.req.source], received_at: receivedAt, subject, description: c.req.description, priority: 'normal',
    // The customer's owner works it first (it reaches their service work list); the team reassigns as usual.
    owner_id: String(c.company.data.owner_id ?? ''), status: 'new',
    acknowledge_due: ackDue, resolve_due: resolveDue(receivedAt, level.resolveBusinessDays, state), sla_due: ackDue,
  }, c.writer)
  await insertServerRow(trx, seq, 'case_events', derivedId(`case-event:${c.caseId}:created`), c.company.scope, c.company.id, {
    created_at: at, case_id: c.caseId, company_id: c.company.id, at, kind: 'created', text: subject, ...eventColumns('case.created'), customer_informed: 0, created_by: c.writer.id,
  }, c.writer)
  await insertServerRow(trx, seq, 'touchpoints', derivedId(`touchpoint:${c.caseId}:opened`), c.company.scope, c.company.id, {
    created_at: at, company_id: c.company.id, contact_id: c.contactId, occurred_at: receivedAt, channel: c.req.source === 'email' ? 'email' : 'website',
    direction: 'inbound', mode: 'direct', station: 'support', summary: subject, ...eventColumns('case.opened', { type: 'service_request', number: c.number }),
    created_by: c.writer.id, ...(c.req.mailMessageId ? { mail_message_id: c.req.mailMessageId.slice(0, 998) } : {}),
  }, c.writer)
}

async function queueAcknowledgement(trx: Trx, a: { caseId: string; number: string; req: IncomingRequest; at: string; domain: string }): Promise<void> {
  await trx.insertInto('intake_acks').values({
    case_id: a.caseId, number: a.number, to_address: a.req.email, name: a.req.name, subject: a.req.subject.slice(0, 200), language: a.req.language,
    message_id: ackMessageId(a.caseId, a.domain), status: 'pending', attempts: 0, last_error: '', created_at: a.at, sent_at: null,
  }).execute()
}

/** The case a reply belongs to: the acknowledgement it answers (In-Reply-To / References), else the case number in its subject. */
export async function caseOfReply(store: Store, references: string[], subjectNumber: string | null): Promise<{ caseId: string; number: string } | null> {
  const ids = references.map((r) => r.replace(/^<|>$/g, '').trim()).filter(Boolean).slice(0, 50)
  let ack = ids.length > 0 ? await store.db.selectFrom('intake_acks').select(['case_id', 'number']).where('message_id', 'in', ids).executeTakeFirst() : undefined
  if (!ack && subjectNumber) ack = await store.db.selectFrom('intake_acks').select(['case_id', 'number']).where('number', '=', subjectNumber).executeTakeFirst()
  if (!ack) return null
  const live = await store.db.selectFrom('sync_rows').select('id').where('table_name', '=', 'cases').where('id', '=', ack.case_id).where('deleted', '=', 0).executeTakeFirst()
  return live ? { caseId: ack.case_id, number: ack.number } : null
}

/** A reply to an acknowledgement: a note on the case and an inbound e-mail touchpoint, once per mail. */
export async function takeReply(store: Store, target: { caseId: string }, mail: { key: string; subject: string; text: string; messageId: string; receivedAt: string }, now: Date): Promise<boolean> {
  return writeWithSequence(store, async (trx, seq) => {
    if (await trx.selectFrom('intake_arrivals').select('key').where('key', '=', mail.key).executeTakeFirst()) return false
    const row = await trx.selectFrom('sync_rows').select(['scope_id', 'data']).where('table_name', '=', 'cases').where('id', '=', target.caseId).executeTakeFirstOrThrow()
    const data = JSON.parse(row.data) as Record<string, SyncValue>
    const companyId = String(data.company_id)
    const at = now.toISOString()
    const writer = { id: 'intake:email', name: 'mailbox', at }
    await insertServerRow(trx, seq, 'case_events', derivedId(`case-event:${mail.key}`), row.scope_id, companyId, {
      created_at: at, case_id: target.caseId, company_id: companyId, at: mail.receivedAt, kind: 'note', text: `${mail.subject}\n\n${mail.text}`.slice(0, 10_000), customer_informed: 0, created_by: writer.id,
    }, writer)
    await insertServerRow(trx, seq, 'touchpoints', derivedId(`touchpoint:${mail.key}`), row.scope_id, companyId, {
      created_at: at, company_id: companyId, contact_id: (data.contact_id as string | null) ?? null, occurred_at: mail.receivedAt, channel: 'email', direction: 'inbound', mode: 'direct',
      station: 'support', summary: mail.subject.slice(0, 10_000) || String(data.number), created_by: writer.id, mail_message_id: mail.messageId.slice(0, 998) || null,
      related_type: 'case', related_id: target.caseId,
    }, writer)
    await trx.insertInto('intake_arrivals').values({ key: mail.key, source: 'email', outcome: 'reply', reason: '', case_id: target.caseId, request_id: null, created_at: at }).execute()
    return true
  })
}

/** An arrival set aside (a mail with no sender address): its key and reason only, so it is not read again. */
export async function setAside(store: Store, key: string, source: ServiceRequestSource, reason: string, now: Date): Promise<void> {
  await store.db.insertInto('intake_arrivals').values({ key, source, outcome: 'set_aside', reason, case_id: null, request_id: null, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing()).execute()
}
