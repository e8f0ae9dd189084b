// The calendar subscription against the real sync server (in-process), on SQLite and PostgreSQL: what a
// laptop pushes shows in its user's feed (parsed with ical.js) with the right UTC times, a moved appointment
// keeps its UID, a cancelled one says so, colleagues' entries stay out, and bad tokens learn nothing.
import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deleteSynced, updateSynced } from '../../db/platform/synced-writes'
import { disableUser } from '../../server/admin/accounts'
import { connectClient, postgresAvailable, startHarness, STORE_KINDS, type Harness, type TestClient } from '../helpers/sync-harness'
import { appointment, customer, feedEvents, fetchFeed, newFeed, participant, sentOffer, task, tokenCall, contract } from './calendar-feed.fixtures'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

describe.each(STORE_KINDS)('calendar feed on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  let h: Harness
  const clients: TestClient[] = []
  const client = async (login: string) => {
    const c = await connectClient(h, login)
    clients.push(c)
    return c
  }
  beforeEach(async () => {
    if (!skip) h = await startHarness(kind)
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.cleanup()
    if (!skip) await h.cleanup()
  })

  it.skipIf(skip)('shows my appointments, timed tasks, follow-ups and cancel-by dates in UTC; a move keeps the UID, a cancellation says so', async () => {
    const anna = await client('anna')
    const ben = await client('ben')
    const company = await customer(anna, 'Brunsviga GmbH')
    const winter = await appointment(anna, company, { title: 'Jahresgespräch', starts_at: '2027-01-14T10:00', ends_at: '2027-01-14T11:30', location: 'Braunschweig, Hamburger Str. 1' })
    const summer = await appointment(anna, company, { title: 'Werksbesuch', starts_at: '2027-07-15T10:00', ends_at: '2027-07-15T12:00', kind: 'call' })
    const doomed = await appointment(anna, company, { title: 'Wird gelöscht', starts_at: '2026-12-03T09:00', ends_at: '2026-12-03T10:00' })
    const timed = await task(anna, company, { title: 'Frau Berger zurückrufen', due_date: '2026-12-01', due_time: '14:30' })
    await task(anna, company, { title: 'Ohne Uhrzeit', due_date: '2026-12-02', due_time: null })
    const done = await task(anna, company, { title: 'Schon erledigt', due_date: '2026-12-02', due_time: '09:00', status: 'done' })
    const offer = await sentOffer(anna, company)
    const signed = await contract(anna, company)
    // Ben's own visit stays out of Anna's feed; his visit Anna takes part in is in it.
    const bens = await appointment(ben, company, { title: 'Bens Termin', starts_at: '2026-12-04T09:00', ends_at: '2026-12-04T10:00' })
    const shared = await appointment(ben, company, { title: 'Gemeinsamer Besuch', starts_at: '2026-12-05T09:00', ends_at: '2026-12-05T10:00' })
    await participant(ben, shared, company, anna.ctx.userId)
    await anna.sync()
    await ben.sync()

    const created = await newFeed(h, anna)
    expect(created.url).toMatch(/^http:\/\/sync\.test\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/)
    const first = await fetchFeed(h, created.url)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(first.headers.get('cache-control')).toContain('no-store')
    const calendar = new ICAL.Component(ICAL.parse(first.body))
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Kundenreise')
    const events = feedEvents(first.body)

    // Winter: CET (UTC+1); summer: CEST (UTC+2).
    const w = events.get(`appointments-${winter}@kundenreise`)!
    expect(w.start).toBe('2027-01-14T09:00:00Z')
    expect(w.end).toBe('2027-01-14T10:30:00Z')
    expect(w.summary).toBe('Besuch: Jahresgespräch – Brunsviga GmbH')
    expect(w.location).toBe('Braunschweig, Hamburger Str. 1')
    expect(w.status).toBe('CONFIRMED')
    const s = events.get(`appointments-${summer}@kundenreise`)!
    expect([s.start, s.end, s.summary]).toEqual(['2027-07-15T08:00:00Z', '2027-07-15T10:00:00Z', 'Telefonat: Werksbesuch – Brunsviga GmbH'])
    const t = events.get(`tasks-${timed}@kundenreise`)!
    expect([t.start, t.end, t.summary]).toEqual(['2026-12-01T13:30:00Z', '2026-12-01T13:45:00Z', 'Aufgabe: Frau Berger zurückrufen – Brunsviga GmbH'])
    expect(events.has(`tasks-${done}@kundenreise`)).toBe(false)
    expect([...events.values()].some((e) => e.summary.includes('Ohne Uhrzeit'))).toBe(false)
    const followUps = [...events.values()].filter((e) => e.uid.startsWith('follow_ups-'))
    expect(followUps.length).toBeGreaterThan(0)
    expect(followUps[0]!.allDay).toBe(true)
    expect(followUps[0]!.summary).toBe(`Nachfassen Angebot ${offer.number} – Brunsviga GmbH`)
    const c = events.get(`contracts-${signed.id}@kundenreise`)!
    expect(c.allDay).toBe(true)
    expect(c.start).toBe(signed.cancelBy)
    expect(c.summary).toBe(`Kündigungsfrist Vertrag ${signed.number} (Wartung Prüfstände) – Brunsviga GmbH`)
    expect(events.has(`appointments-${bens}@kundenreise`)).toBe(false)
    expect(events.has(`appointments-${shared}@kundenreise`)).toBe(true)
    // Ben's feed has his own two, not Anna's.
    const bensFeed = feedEvents((await fetchFeed(h, (await newFeed(h, ben)).url)).body)
    expect([...bensFeed.keys()].filter((k) => k.startsWith('appointments-')).sort()).toEqual([`appointments-${bens}@kundenreise`, `appointments-${shared}@kundenreise`].sort())

    // Moved in the app, cancelled, deleted, a task done: the next fetch has the same UIDs with the news.
    await anna.ctx.db.transaction().execute(async (trx) => {
      const now = anna.ctx.clock().toISOString()
      await updateSynced(trx, 'appointments', winter, { starts_at: '2027-01-21T14:00', ends_at: '2027-01-21T15:00', sequence: 1 }, now)
      await updateSynced(trx, 'appointments', summer, { status: 'cancelled', sequence: 1 }, now)
      await deleteSynced(trx, 'appointments', doomed, now)
      await updateSynced(trx, 'tasks', timed, { status: 'done', done_at: now }, now)
    })
    await anna.sync()
    const again = feedEvents((await fetchFeed(h, created.url)).body)
    const moved = again.get(`appointments-${winter}@kundenreise`)!
    expect([moved.start, moved.end, moved.sequence, moved.status]).toEqual(['2027-01-21T13:00:00Z', '2027-01-21T14:00:00Z', 1, 'CONFIRMED'])
    expect([...again.values()].filter((e) => e.summary.includes('Jahresgespräch'))).toHaveLength(1)
    expect(again.get(`appointments-${summer}@kundenreise`)!.status).toBe('CANCELLED')
    expect(again.get(`appointments-${doomed}@kundenreise`)!.status).toBe('CANCELLED')
    expect(again.has(`tasks-${timed}@kundenreise`)).toBe(false)
  })

  it.skipIf(skip)('a wrong, revoked, replaced or disabled user\'s token answers 401 and names nobody', async () => {
    const anna = await client('anna')
    await customer(anna, 'Brunsviga GmbH')
    await anna.sync()
    expect(await tokenCall(h, anna, 'GET')).toEqual({ status: 200, body: { active: false, createdAt: null } })
    const old = await newFeed(h, anna)
    expect((await tokenCall(h, anna, 'GET')).body).toEqual({ active: true, createdAt: old.createdAt })
    const fresh = await newFeed(h, anna)
    const expectRefused = async (url: string) => {
      const answer = await fetchFeed(h, url)
      expect(answer.status).toBe(401)
      expect(answer.body).not.toMatch(/anna|Anna|Becker|Kundenreise|BEGIN/)
      expect(JSON.parse(answer.body)).toEqual({ error: 'unauthenticated', message: 'login required' })
    }
    await expectRefused(old.url)
    expect((await fetchFeed(h, fresh.url)).status).toBe(200)
    await expectRefused(fresh.url.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${'x'.repeat(43)}.ics`))
    expect((await fetchFeed(h, fresh.url.replace(/\.ics$/, ''))).status).toBe(200) // the suffix is for the calendar apps only
    await expectRefused(fresh.url.replace(/\/[^/]+$/, '/kurz.ics'))
    expect(await tokenCall(h, anna, 'DELETE')).toEqual({ status: 200, body: { active: false, createdAt: null } })
    await expectRefused(fresh.url)

    const again = await newFeed(h, anna)
    expect((await fetchFeed(h, again.url)).status).toBe(200)
    await disableUser(h.store, 'anna')
    await expectRefused(again.url)
    // Without a valid session nothing about the token is told or changed.
    expect((await h.fetch('http://sync.test/calendar/token', { method: 'POST' })).status).toBe(401)
    expect((await h.fetch('http://sync.test/calendar/token', { method: 'GET', headers: { authorization: 'Bearer nicht-gueltig-aber-lang-genug' } })).status).toBe(401)
    // The store keeps hashes only.
    const stored = await h.store.db.selectFrom('calendar_tokens').select('token_hash').execute()
    expect(stored.map((r) => r.token_hash).some((hash) => again.url.includes(hash))).toBe(false)
  })
})
