// Updating a posted lead (issue 19, docs/leads.md "Updating a posted lead"), on SQLite and PostgreSQL: marketing
// automation posts the same lead again each time it collects points. The documents' example — a download 10, a
// survey answer 20, an opened mail 10, a webinar click 30 — leaves the lead a Marketing-Lead after the third event
// (40 points, only counted) and puts it into the inside-sales inbox after the fourth (70); the same post retried
// writes nothing (the server's sequence does not move); a decided lead keeps its decision while its facts update.
import { describe, expect, it } from 'vitest'
import { leadId } from '../../db/modules/leads'
import { leadInbox, rejectLead } from '../../electron/main/modules/leads'
import { LEAD_MAX_EVENTS } from '../../shared/modules/leads'
import { createApp } from '../../server/app'
import { createIntegrationKey } from '../../server/integrations/keys'
import { validLead } from '../helpers/leads'
import { harnessPerTest, highestVersion, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const URL = 'http://sync.test/integrations/v1/leads'
const EXAMPLE = [
  { at: '2026-11-02T09:00:00Z', activity: 'Whitepaper heruntergeladen', points: 10 },
  { at: '2026-11-09T10:30:00Z', activity: 'Umfrage beantwortet', points: 20 },
  { at: '2026-11-16T08:15:00Z', activity: 'Mailing geöffnet', points: 10 },
  { at: '2026-11-23T15:00:00Z', activity: 'Webinar-Link geklickt', points: 30 },
]
/** The post after the n-th event: the history so far and its sum. */
const afterEvents = (n: number, over: Record<string, unknown> = {}) => validLead({
  id: 'mk-100', events: EXAMPLE.slice(0, n), score: EXAMPLE.slice(0, n).reduce((sum, e) => sum + e.points, 0), ...over,
})

describe.each(STORE_KINDS)('a lead posted again as it collects points, on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  const post = (key: string, body: unknown) => server.h.fetch(URL, {
    method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  })
  const seq = () => highestVersion(server.h.store)
  const rowCount = async () => Number((await server.h.store.db.selectFrom('sync_rows').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it.skipIf(skip)('download 10 → survey 20 → opened mail 10: a Marketing-Lead; webinar 30: in the inbox; a retry creates nothing', async () => {
    const ben = await server.client('ben') // inside sales
    const { key, id: keyId } = await createIntegrationKey(server.h.store.db, 'Marketing Automation', ['leads'])
    const id = leadId(keyId, 'mk-100')

    expect(await (await post(key, afterEvents(1))).json()).toEqual({ id, created: true, updated: false })
    expect(await (await post(key, afterEvents(2))).json()).toEqual({ id, created: false, updated: true })
    expect(await (await post(key, afterEvents(3))).json()).toEqual({ id, created: false, updated: true })
    await ben.sync()
    const third = await leadInbox(ben.ctx)
    expect(third).toMatchObject({ threshold: 50, leads: [], marketingCount: 1 })
    expect(await ben.ctx.db.selectFrom('leads').select(['score', 'events']).where('id', '=', id).executeTakeFirstOrThrow())
      .toEqual({ score: 40, events: JSON.stringify(EXAMPLE.slice(0, 3)) })

    expect(await (await post(key, afterEvents(4))).json()).toEqual({ id, created: false, updated: true })
    await ben.sync()
    const fourth = await leadInbox(ben.ctx)
    expect(fourth.marketingCount).toBe(0)
    expect(fourth.leads.map((l) => [l.id, l.score, l.events.map((e) => e.points)])).toEqual([[id, 70, [10, 20, 10, 30]]])

    // The same post retried, and an older post arriving late: nothing written, the sequence does not move.
    const before = { seq: await seq(), rows: await rowCount() }
    expect(await (await post(key, afterEvents(4))).json()).toEqual({ id, created: false, updated: false })
    expect(await (await post(key, afterEvents(2))).json()).toEqual({ id, created: false, updated: false })
    // The history in another zone notation is the same events.
    const sameInBerlin = afterEvents(4, { events: EXAMPLE.map((e) => ({ ...e, at: e.at.replace('T09:00:00Z', 'T10:00:00+01:00') })) })
    expect(await (await post(key, sameInBerlin)).json()).toEqual({ id, created: false, updated: false })
    expect({ seq: await seq(), rows: await rowCount() }).toEqual(before)
    await ben.sync()
    expect((await leadInbox(ben.ctx)).leads.map((l) => [l.score, l.events.length])).toEqual([[70, 4]])
  })

  it.skipIf(skip)('a decided lead keeps its decision; only the score and the history update', async () => {
    const ben = await server.client('ben')
    const carla = await server.client('carla')
    const { key, id: keyId } = await createIntegrationKey(server.h.store.db, 'Marketing Automation', ['leads'])
    const id = leadId(keyId, 'mk-100')
    await post(key, afterEvents(4))
    await ben.sync()
    await rejectLead(ben.ctx, { id, reason: 'no_budget' })
    await ben.sync()
    // A fifth event arrives after the rejection; the post also carries other person details, which stay as first posted.
    const fifth = { at: '2026-11-27T11:00:00Z', activity: 'Preisseite besucht', points: 15 }
    const later = afterEvents(4, { events: [...EXAMPLE, fifth], score: 85, person: { firstName: 'G.', lastName: 'Hansen-Ott', email: 'g@example.de' } })
    expect(await (await post(key, later)).json()).toEqual({ id, created: false, updated: true })
    for (const laptop of [ben, carla]) {
      await laptop.sync()
      expect(await laptop.ctx.db.selectFrom('leads').select(['status', 'reject_reason', 'decided_by', 'score', 'last_name']).where('id', '=', id).executeTakeFirstOrThrow())
        .toEqual({ status: 'rejected', reject_reason: 'no_budget', decided_by: ben.ctx.userId, score: 85, last_name: 'Hansen' })
      expect((await leadInbox(laptop.ctx)).leads).toEqual([])
    }
  })

  it.skipIf(skip)('a repost whose merged history exceeds the limit is refused, nothing written', async () => {
    const { key } = await createIntegrationKey(server.h.store.db, 'Marketing Automation', ['leads'])
    const many = (from: number) => Array.from({ length: LEAD_MAX_EVENTS }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + (from + i) * 60_000).toISOString(), activity: 'Seite besucht', points: 0 }))
    expect((await post(key, afterEvents(0, { events: many(0), score: 10 }))).status).toBe(200)
    const before = await seq()
    const refused = await post(key, afterEvents(0, { events: many(1), score: 11 }))
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({ error: 'invalid_lead', problems: [{ field: 'events', problem: 'errors.tooMany' }] })
    expect(await seq()).toBe(before)
  })

  it.skipIf(skip)('counts each post against the key\'s limit inside the lead\'s own write: over it, 429 and nothing written', async () => {
    const app = createApp({ store: server.h.store, clock: () => server.h.clock.now, integrationLimits: { postsPerWindow: 3, windowMs: 60_000 } })
    const { key, id: keyId } = await createIntegrationKey(server.h.store.db, 'Marketing Automation', ['leads'])
    const send = (body: unknown, idempotencyKey?: string) => app.request(URL, {
      method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    })
    expect(await (await send(afterEvents(1), 'p-1')).json()).toEqual({ id: leadId(keyId, 'mk-100'), created: true, updated: false })
    // A refused post counts too.
    expect((await send(afterEvents(1, { score: -1 }))).status).toBe(422)
    expect((await send(afterEvents(2), 'p-2')).status).toBe(200)
    const before = await seq()
    const over = await send(afterEvents(3), 'p-3')
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await seq()).toBe(before)
    // The answers stored with the lead's write are replayed; the refused post stored none.
    expect(await (await send(afterEvents(2), 'p-2')).json()).toMatchObject({ updated: true, replayed: true })
    expect(await server.h.store.db.selectFrom('integration_posts').select('idempotency_key').orderBy('idempotency_key').execute()).toEqual([{ idempotency_key: 'p-1' }, { idempotency_key: 'p-2' }])
    server.h.clock.now = new Date(server.h.clock.now.getTime() + 61_000)
    expect(await (await send(afterEvents(3), 'p-3')).json()).toMatchObject({ created: false, updated: true })
  })
})
