// Leads posted by marketing automation (issue 19, docs/leads.md): one lead per post, checked with the app's
// schema (shared/modules/leads), written into the store as the server's own change — an organisation-wide
// synced row, so inside sales of every team pull it. Idempotent by the sender's id: the row's id is derived from
// the integration key and that id, so a retried post finds the lead it made and writes nothing.
import { leadId } from '../../db/modules/leads'
import { leadEventsSchema, leadPostSchema, mergeLeadPost, type LeadEvent } from '../../shared/modules/leads'
import { ORG_SCOPE, rowProblem, type SyncValue } from '../../shared/modules/sync'
import type { Kysely } from 'kysely'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import type { FieldVersion } from '../sync/conflicts'
import { writeWithSequence } from '../sync/sequence'
import type { IntegrationKey } from './keys'
import { fieldProblems, type FieldProblem } from './problems'


export type LeadPostOutcome =
  | { ok: true; id: string; created: boolean; updated?: boolean }
  /** `counted`: refused inside the write's transaction, the post counted there already. */
  | { ok: false; problems: FieldProblem[]; counted?: boolean }
  /** Over the key's limit (counted in the write's transaction): nothing written. */
  | { ok: false; wait: number }

/** What the endpoint answers for a lead written (or found unchanged). */
export const leadAnswer = (outcome: { id: string; created: boolean; updated?: boolean }) => ({ id: outcome.id, created: outcome.created, updated: outcome.updated ?? false })

/** The post's bookkeeping done inside the lead's transaction (routes.ts PostBookkeeping): count it, remember its answer. */
export interface LeadPostHooks {
  count(db: Kysely<ServerDatabase>): Promise<number>
  remember(db: Kysely<ServerDatabase>, answer: object): Promise<void>
}

const NO_HOOKS: LeadPostHooks = { count: async () => 0, remember: async () => {} }

export async function postLead(store: Store, key: IntegrationKey, body: unknown, now: Date, hooks: LeadPostHooks = NO_HOOKS): Promise<LeadPostOutcome> {
  const parsed = leadPostSchema.safeParse(body)
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) }
  const lead = parsed.data
  const id = leadId(key.id, lead.id)
  const at = now.toISOString()
  const data: Record<string, SyncValue> = {
    created_at: at,
    external_id: lead.id,
    integration: key.name,
    source: lead.source,
    campaign: lead.campaign,
    first_name: lead.person.firstName,
    last_name: lead.person.lastName,
    email: lead.person.email ?? null,
    phone: lead.person.phone ?? null,
    company_name: lead.company.name,
    postal_code: lead.company.postalCode ?? '',
    city: lead.company.city ?? '',
    country: lead.company.country ?? '',
    score: lead.score,
    events: JSON.stringify(lead.events),
    consent_given: lead.consent.given ? 1 : 0,
    consent_at: lead.consent.at ?? null,
    received_at: at,
    status: 'new',
  }
  const problem = rowProblem('leads', data, 'row')
  if (problem) throw new Error(`a lead the row schema refuses (${problem.split(':')[0]})`)
  return writeWithSequence(store, async (trx, seq): Promise<LeadPostOutcome> => {
    const wait = await hooks.count(trx)
    if (wait > 0) return { ok: false, wait }
    const done = async (outcome: { ok: true; id: string; created: boolean; updated?: boolean }) => {
      await hooks.remember(trx, leadAnswer(outcome))
      return outcome
    }
    // Any row under the id, a tombstone included: a lead erased or deleted is not made again by a retry.
    const known = await trx.selectFrom('sync_rows').select(['id', 'deleted', 'data', 'field_versions']).where('table_name', '=', 'leads').where('id', '=', id).executeTakeFirst()
    const writerAt = (v: number): FieldVersion => [v, `integration:${key.id}`, `integration:${key.id}`, at, key.name]
    if (known) {
      if (Number(known.deleted) === 1) return done({ ok: true, id, created: false })
      const stored = JSON.parse(known.data) as Record<string, SyncValue>
      const update = leadUpdate(stored, lead.score, lead.events)
      if (update === 'too_many') return { ok: false, problems: [{ field: 'events', problem: 'errors.tooMany' }], counted: true }
      if (!update) return done({ ok: true, id, created: false, updated: false })
      const v = seq.next()
      const next = { ...stored, score: update.score, events: JSON.stringify(update.events) }
      const rowProblemText = rowProblem('leads', next, 'row')
      if (rowProblemText) throw new Error(`a lead update the row schema refuses (${rowProblemText.split(':')[0]})`)
      const versions = JSON.parse(known.field_versions) as Record<string, FieldVersion>
      versions.score = writerAt(v)
      versions.events = writerAt(v)
      await trx.updateTable('sync_rows').set({ data: JSON.stringify(next), field_versions: JSON.stringify(versions), version: v, updated_by: `integration:${key.id}` })
        .where('table_name', '=', 'leads').where('id', '=', id).execute()
      return done({ ok: true, id, created: false, updated: true })
    }
    const v0 = seq.next()
    const writer = writerAt(v0)
    await trx.insertInto('sync_rows').values({
      table_name: 'leads', id, scope_id: ORG_SCOPE, parent_id: null, version: v0, deleted: 0, data: JSON.stringify(data),
      field_versions: JSON.stringify(Object.fromEntries(Object.keys(data).map((c) => [c, writer]))), created_seq: v0, updated_by: `integration:${key.id}`,
    }).execute()
    return done({ ok: true, id, created: true })
  })
}

/** The repost rule (mergeLeadPost) on the stored row: null when the post changes nothing. */
function leadUpdate(stored: Record<string, SyncValue>, score: number, events: LeadEvent[]) {
  const known = leadEventsSchema.safeParse(JSON.parse(String(stored.events ?? '[]')))
  return mergeLeadPost({ score: Number(stored.score), events: known.success ? known.data : [] }, { score, events })
}
