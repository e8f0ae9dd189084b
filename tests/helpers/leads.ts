// A lead as marketing automation posts it (tests of the lead intake and the inbox).
import { createIntegrationKey } from '../../server/integrations/keys'
import { openStore } from '../../server/store/open-store'
import type { Harness, TestClient } from './sync-harness'

export const validLead = (over: Record<string, unknown> = {}) => ({
  id: 'hs-4711',
  person: { firstName: 'Greta', lastName: 'Hansen', email: 'greta.hansen@example.de' },
  company: { name: 'Hansen Logistik GmbH' },
  source: 'webinar',
  campaign: 'Herbst 2026',
  score: 72,
  events: [{ at: '2026-11-20T09:00:00Z', activity: 'Whitepaper geladen', points: 30 }, { at: '2026-11-25T14:00:00Z', activity: 'Webinar besucht', points: 42 }],
  consent: { given: true, at: '2026-11-20T09:00:00Z' },
  ...over,
})

/** A lead as a laptop holds it after a pull (tests of the report and the work list write it directly). */
export interface StoredLeadFixture {
  id: string
  source?: string
  campaign?: string
  score: number
  receivedAt: string
  status?: 'new' | 'converted' | 'rejected'
  /** Hours from arrival to the decision. */
  afterHours?: number
  reason?: 'no_budget' | 'spam'
  company?: string
  deleted?: boolean
  lastName?: string
  companyName?: string
}

export const storedLead = (f: StoredLeadFixture) => ({
  id: f.id, created_at: f.receivedAt, updated_at: f.receivedAt, server_version: 1, deleted_at: f.deleted ? f.receivedAt : null,
  external_id: f.id, integration: 'Marketing', source: f.source ?? 'webinar', campaign: f.campaign ?? '', first_name: 'Greta', last_name: f.lastName ?? 'Hansen',
  email: 'g@example.de', phone: null, company_name: f.companyName ?? 'X GmbH', score: f.score, events: '[]', consent_given: 1 as const, consent_at: null, received_at: f.receivedAt,
  status: f.status ?? 'new', reject_reason: f.reason ?? null, converted_company_id: f.company ?? null, contact_id: null, decided_by: f.status ? 'ben' : null,
  decided_at: f.afterHours === undefined ? null : new Date(Date.parse(f.receivedAt) + f.afterHours * 3_600_000).toISOString(),
})

/** Posts leads to the harness's sync server as marketing automation would, with a new key of kind `leads`. */
export async function leadPoster(h: Harness): Promise<(body: unknown) => Promise<Response>> {
  const { key } = await createIntegrationKey(h.store.db, 'Marketing', ['leads'])
  return (body) => h.fetch('http://sync.test/integrations/v1/leads', { method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } })
}

/** The same for a sync server running as its own process (the end-to-end tests): a plain HTTP post, as curl would. */
export async function serverLeadPoster(server: { url: string; storeUrl: string }): Promise<(body: unknown) => Promise<Response>> {
  const store = await openStore(server.storeUrl)
  const { key } = await createIntegrationKey(store.db, 'Marketing Automation', ['leads'])
  await store.close()
  return (body) => fetch(`${server.url}/integrations/v1/leads`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** Rows of the tables a lead's conversion writes (and the outbox): "nothing written" is these unchanged. */
const COUNTED = ['companies', 'contacts', 'touchpoints', 'tasks', 'sync_outbox', 'team_settings'] as const
export async function leadRowCounts(laptop: TestClient): Promise<Record<(typeof COUNTED)[number], number>> {
  const out = {} as Record<(typeof COUNTED)[number], number>
  for (const table of COUNTED) {
    out[table] = Number((await laptop.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  }
  return out
}

/** The refusal of a service call: its message and field errors (fails when the call succeeds). */
export async function refusalOf(promise: Promise<unknown>): Promise<{ message: string; fields: Record<string, string> | undefined }> {
  try {
    await promise
  } catch (err) {
    return { message: (err as Error).message, fields: (err as { fields?: Record<string, string> }).fields }
  }
  throw new Error('not refused')
}
