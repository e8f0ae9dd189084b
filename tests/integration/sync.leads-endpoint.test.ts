// The sync server's lead intake (issue 19), on SQLite and PostgreSQL: a key of kind `leads` posts one lead; every
// laptop of the organisation pulls it (org scope); a retried post with the same sender's id creates nothing; each
// kind of bad input its own 4xx with nothing written and nothing personal in the log. A laptop records the
// decision (an update of the decision columns) but can neither insert a lead nor change what the sender posted.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { updateSynced } from '../../db/platform/synced-writes'
import { leadId } from '../../db/modules/leads'
import { hashToken } from '../../server/auth/sessions'
import { createIntegrationKey, revokeIntegrationKey } from '../../server/integrations/keys'
import { validLead } from '../helpers/leads'
import { harnessPerTest, highestVersion, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const URL = 'http://sync.test/integrations/v1/leads'


afterEach(() => vi.restoreAllMocks())

describe.each(STORE_KINDS)('leads posted to the sync server on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  const post = (key: string | null, body: unknown, headers: Record<string, string> = {}) => server.h.fetch(URL, {
    method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
  })
  const storedLeads = async () => (await server.h.store.db.selectFrom('sync_rows').select(['id', 'version', 'data', 'scope_id']).where('table_name', '=', 'leads').orderBy('id').execute())
    .map((r) => ({ ...r, version: Number(r.version) }))
  const seq = () => highestVersion(server.h.store)

  it.skipIf(skip)('a lead reaches the laptops of every team; a retried post creates nothing twice', async () => {
    const ben = await server.client('ben') // inside sales, team Nord
    const carla = await server.client('carla') // field sales, team Süd
    const { key, id: keyId } = await createIntegrationKey(server.h.store.db, 'Marketing Automation', ['leads'])
    const first = await post(key, validLead())
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ id: leadId(keyId, 'hs-4711'), created: true, updated: false })
    const stored = await storedLeads()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.scope_id).toBe('org')

    // The same lead again (its answer lost, no Idempotency-Key): nothing new (reposts with news: sync.leads-repost).
    const again = await post(key, validLead())
    expect(await again.json()).toEqual({ id: leadId(keyId, 'hs-4711'), created: false, updated: false })
    expect(await storedLeads()).toEqual(stored)
    // With an Idempotency-Key: the stored answer, replayed.
    const withKey = await post(key, validLead({ id: 'hs-4712', person: { lastName: 'Ott', phone: '+49 40 123456' } }), { 'idempotency-key': 'lead-4712' })
    expect(await withKey.json()).toEqual({ id: leadId(keyId, 'hs-4712'), created: true, updated: false })
    expect(await (await post(key, validLead({ id: 'hs-4712', person: { lastName: 'Ott', phone: '+49 40 123456' } }), { 'idempotency-key': 'lead-4712' })).json())
      .toEqual({ id: leadId(keyId, 'hs-4712'), created: true, updated: false, replayed: true })
    expect(await storedLeads()).toHaveLength(2)

    for (const laptop of [ben, carla]) {
      await laptop.sync()
      const leads = await laptop.ctx.db.selectFrom('leads').selectAll().orderBy('external_id').execute()
      expect(leads.map((l) => [l.external_id, l.last_name, l.email, l.phone, l.score, l.status, l.integration])).toEqual([
        ['hs-4711', 'Hansen', 'greta.hansen@example.de', null, 72, 'new', 'Marketing Automation'],
        ['hs-4712', 'Ott', null, '+49 40 123456', 72, 'new', 'Marketing Automation'],
      ])
      expect(JSON.parse(leads[0]!.events)).toEqual(validLead().events)
      expect(leads[0]!.consent_given).toBe(1)
    }

    // The decision is a synced update of the lead; the posted facts are immutable, inserts from a laptop refused.
    const now = server.h.clock.now.toISOString()
    await ben.ctx.db.transaction().execute((trx) => updateSynced(trx, 'leads', leadId(keyId, 'hs-4712'), { status: 'rejected', reject_reason: 'spam', decided_by: 'ben', decided_at: now }, now))
    expect((await ben.sync()).rejected).toBe(0)
    await carla.sync()
    expect(await carla.ctx.db.selectFrom('leads').select(['status', 'reject_reason']).where('external_id', '=', 'hs-4712').executeTakeFirstOrThrow()).toEqual({ status: 'rejected', reject_reason: 'spam' })
    await ben.ctx.db.transaction().execute((trx) => updateSynced(trx, 'leads', leadId(keyId, 'hs-4711'), { score: 99 }, now))
    expect((await ben.sync()).rejected).toBe(1)
    expect(JSON.parse((await storedLeads())[0]!.data as string).score).toBe(72)
  })

  it.skipIf(skip)('refuses without a key, a revoked key, a key of another kind, an unreachable person, a negative score, 5 MB — nothing written, nothing personal logged', async () => {
    const { key } = await createIntegrationKey(server.h.store.db, 'Marketing', ['leads'])
    const { key: erpKey } = await createIntegrationKey(server.h.store.db, 'ERP', ['erp_facts'])
    const before = await seq()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})

    expect((await post(null, validLead())).status).toBe(401)
    expect((await post(`kr_${'A'.repeat(43)}`, validLead())).status).toBe(401)
    const other = await post(erpKey, validLead())
    expect(other.status).toBe(403)
    expect(((await other.json()) as { message: string }).message).toBe('this key may not post leads')

    const unreachable = await post(key, validLead({ person: { firstName: 'Greta', lastName: 'Hansen' } }))
    expect(unreachable.status).toBe(422)
    expect(await unreachable.json()).toMatchObject({ error: 'invalid_lead', problems: [{ field: 'person.email', problem: 'errors.leadUnreachable' }] })
    const negative = await post(key, validLead({ score: -1 }))
    expect(negative.status).toBe(422)
    expect(((await negative.json()) as { problems: unknown }).problems).toEqual([{ field: 'score', problem: 'errors.notNegative' }])
    const several = await post(key, validLead({ person: { lastName: '', email: 'greta-at-example' }, events: [{ at: 'gestern', activity: 'x', points: 1.5 }], extra: 1 }))
    expect(((await several.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field).sort())
      .toEqual(['(body)', 'events.0.at', 'events.0.points', 'person.email', 'person.lastName'])
    expect((await post(key, '{"id": ')).status).toBe(400)
    const huge = await post(key, validLead({ campaign: 'x'.repeat(5 * 1024 * 1024) }))
    expect(huge.status).toBe(413)

    await revokeIntegrationKey(server.h.store.db, 'Marketing')
    expect((await post(key, validLead())).status).toBe(401)

    expect(await storedLeads()).toEqual([])
    expect(await seq()).toBe(before)
    const logged = warn.mock.calls.map((call) => call.join(' ')).join('\n')
    expect(logged).toContain('refused POST /integrations/v1/leads: 422 invalid_lead')
    expect(logged).toContain('refused POST /integrations/v1/leads: 413 too_large')
    expect(logged).toContain('refused POST /integrations/v1/leads: 403 forbidden')
    for (const personal of ['Greta', 'Hansen', 'example', key.slice(3)]) expect(logged).not.toContain(personal)
    // Hashed at rest.
    expect(JSON.stringify(await server.h.store.db.selectFrom('integration_keys').selectAll().execute())).not.toContain(key.slice(3))
    expect((await server.h.store.db.selectFrom('integration_keys').select('key_hash').where('name', '=', 'Marketing').executeTakeFirstOrThrow()).key_hash).toBe(hashToken(key))
  })

  it.skipIf(skip)('a laptop cannot insert a lead of its own', async () => {
    const ben = await server.client('ben')
    await ben.sync()
    const now = server.h.clock.now.toISOString()
    const { insertSynced } = await import('../../db/platform/synced-writes')
    await ben.ctx.db.transaction().execute((trx) => insertSynced(trx, 'leads', { id: 'lead-made-up', external_id: 'x', source: 'laptop', last_name: 'Nobody', email: 'n@example.de', phone: null, company_name: 'Nobody GmbH', received_at: now, consent_at: null, reject_reason: null, converted_company_id: null, decided_by: null, decided_at: null }, now))
    expect((await ben.sync()).rejected).toBe(1)
    expect(await storedLeads()).toEqual([])
  })

  it.skipIf(skip)('describes the endpoint family in OpenAPI, generated from the schemas the endpoints validate with', async () => {
    const answer = await server.h.fetch('http://sync.test/integrations/v1/openapi.json', { method: 'GET' })
    expect(answer.status).toBe(200)
    type Schema = { required: string[]; additionalProperties: boolean; properties: Record<string, Schema & { items: Schema }> }
    const doc = await answer.json() as { openapi: string; paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: Schema } } }; responses: Record<string, unknown> } }> }
    expect(doc.openapi).toBe('3.0.3')
    expect(Object.keys(doc.paths)).toEqual(['/integrations/v1/erp-facts', '/integrations/v1/leads', '/integrations/v1/service-requests'])
    // The service request's body (docs/service-intake.md), from the schema the form checks too.
    const service = doc.paths['/integrations/v1/service-requests']!.post.requestBody.content['application/json'].schema
    expect(service.required).toEqual(expect.arrayContaining(['id', 'name', 'email', 'subject', 'description', 'consent']))
    expect(service.additionalProperties).toBe(false)
    const lead = doc.paths['/integrations/v1/leads']!.post
    const schema = lead.requestBody.content['application/json'].schema
    expect(schema.required).toEqual(['id', 'person', 'company', 'source', 'score', 'consent'])
    expect(schema.properties.score).toMatchObject({ type: 'integer', minimum: 0 })
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(lead.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '413', '422', '429']))
    const erp = doc.paths['/integrations/v1/erp-facts']!.post.requestBody.content['application/json'].schema
    expect(erp.properties.rows?.items.required).toEqual(['customerNumber', 'month', 'revenueCents'])
  })
})
