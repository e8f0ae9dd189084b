// The work list's offer follow-ups are read from a trigger-kept queue (follow_up_queue, migrations 039 and 040): each
// open follow-up with what the list shows of it (its offer's value, number, status and validity, its company's name,
// its contact), in the list's order, and counted per owner and day (follow_up_day_counts). Whatever happens to
// follow-ups, offers, companies and contacts — written by the services or applied by a pull, in any order — the queue
// must hold exactly what a join of those tables gives, the counts what counting the open follow-ups gives, and a
// section's first page must be the one the former query (follow-ups joined to their offers, sorted) gave.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { statements } from '../../db/migrations/2026-12-02-040-follow-up-queue-rows'
import { openOfferLookedUp } from '../../db/modules/offers/offer.predicates'
import { dueWithin } from '../../db/platform/due-range'
import { followUpItems } from '../../electron/main/modules/offers/follow-up.service'
import type { DueListQuery } from '../../shared/platform/due-range'
import { openTestDb, type TestDb } from '../helpers/temp-db'
import { seededRandom } from '../helpers/seeded-random'
import { refill } from '../helpers/roll-up'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  // As an applied pull writes: follow-ups may arrive before their offer.
  await sql`PRAGMA foreign_keys = OFF`.execute(t.ctx.db)
  await t.ctx.db.insertInto('companies').values({ id: 'c1', created_at: NOW, updated_at: NOW, name: 'Hanse Logistik GmbH', status: 'prospect' }).execute()
})
afterEach(async () => t.cleanup())

const NOW = '2026-06-15T10:00:00.000Z'
let seq = 0

async function offer(id: string, gross: number, status = 'sent', contactId: string | null = null) {
  await t.ctx.db.insertInto('offers').values({
    id, created_at: NOW, updated_at: NOW, company_id: 'c1', number: `A-${id}`, status: status as never, offer_date: '2026-06-01', valid_until: '2026-07-01', gross_cents: gross,
    contact_id: contactId,
  }).execute()
}
async function contact(id: string, lastName: string, companyId = 'c1') {
  await t.ctx.db.insertInto('contacts').values({ id, created_at: NOW, updated_at: NOW, company_id: companyId, first_name: 'Eva', last_name: lastName, phone: '0421 123' }).execute()
}
async function followUp(offerId: string, due: string, owner = 'u1', status = 'open', deleted = false): Promise<string> {
  const id = `fu-${String(++seq).padStart(6, '0')}`
  await t.ctx.db.insertInto('follow_ups').values({
    id, created_at: NOW, updated_at: NOW, offer_id: offerId, company_id: 'c1', owner_id: owner, kind: 'after_first', due_date: due, planned_date: due,
    status: status as never, done_at: null, touchpoint_id: null, deleted_at: deleted ? NOW : null,
  }).execute()
  return id
}

const queue = async () => (await t.ctx.db.selectFrom('follow_up_queue').selectAll().orderBy('follow_up_id').execute()).map((r) => ({ ...r, gross_cents: Number(r.gross_cents) }))
/** The queue as its definition says: every open, live follow-up with its offer (0 and nulls while it is missing), company and contact. */
async function queueCounted() {
  const { rows } = await sql<{ follow_up_id: string; gross_cents: number }>`
    select f.id as follow_up_id, f.due_date, f.owner_id, f.offer_id, f.kind, f.company_id, c.name as company_name, coalesce(o.gross_cents, 0) as gross_cents,
      case when o.deleted_at is null then o.status end as offer_status, o.number as offer_number, o.valid_until, o.contact_id,
      k.first_name, k.last_name, k.phone, k.mobile
    from follow_ups f left join offers o on o.id = f.offer_id left join companies c on c.id = f.company_id left join contacts k on k.id = o.contact_id
    where f.status = 'open' and f.deleted_at is null order by f.id`.execute(t.ctx.db)
  return rows.map((r) => ({ ...r, gross_cents: Number(r.gross_cents) }))
}
const dayCounts = async () => t.ctx.db.selectFrom('follow_up_day_counts').selectAll().orderBy('owner_id').orderBy('due_date').execute()
/** The day counts as their definition says: the open, live follow-ups per owner and day. */
const dayCountsCounted = async () => t.ctx.db.selectFrom('follow_ups').select(['owner_id', 'due_date', (eb) => eb.fn.countAll<number>().as('n')])
  .where('status', '=', 'open').where('deleted_at', 'is', null).groupBy(['owner_id', 'due_date']).orderBy('owner_id').orderBy('due_date').execute()
async function expectDerived(label = '') {
  expect(await queue(), label).toEqual(await queueCounted())
  expect(await dayCounts(), label).toEqual(await dayCountsCounted())
}

/** A section's first page as the former query read it: open follow-ups joined to their open offers, sorted. */
async function direct(q: DueListQuery): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select f.id from follow_ups f join offers o on o.id = f.offer_id
    where f.status = 'open' and f.deleted_at is null and ${dueWithin(sql.ref('f.due_date'), q)} ${q.ownerId ? sql`and f.owner_id = ${q.ownerId}` : sql``}
      and ${openOfferLookedUp('o')} and o.deleted_at is null
    order by f.due_date, o.gross_cents desc, f.id limit ${q.limit}`.execute(t.ctx.db)
  return rows.map((r) => r.id)
}

describe('follow-up queue (follow_up_queue)', () => {
  it('holds each open follow-up with its offer\'s value and lists a day by value, the higher first', async () => {
    await offer('o-small', 10_000)
    await offer('o-big', 900_000)
    const small = await followUp('o-small', '2026-06-15')
    const big = await followUp('o-big', '2026-06-15')
    const earlier = await followUp('o-small', '2026-06-14')
    await followUp('o-big', '2026-06-15', 'u1', 'done')
    await followUp('o-big', '2026-06-15', 'u1', 'open', true)
    expect((await queue()).map((r) => [r.follow_up_id, r.gross_cents])).toEqual([[small, 10_000], [big, 900_000], [earlier, 10_000]])
    expect((await followUpItems(t.ctx, { ownerId: '', from: '', to: '2026-06-30', limit: 50 })).map((i) => i.id)).toEqual([earlier, big, small])
  })

  it('follows offer values, follow-ups done, moved, reassigned, deleted and removed, and offers that arrive late or go', async () => {
    const early = await followUp('o-late', '2026-06-20')
    expect((await queue()).map((r) => r.gross_cents)).toEqual([0])
    await offer('o-late', 55_000)
    await offer('o-2', 1_000)
    const b = await followUp('o-2', '2026-06-21')
    await expectDerived()
    await t.ctx.db.updateTable('offers').set({ gross_cents: 77_000 }).where('id', '=', 'o-late').execute()
    await t.ctx.db.updateTable('follow_ups').set({ due_date: '2026-06-25', owner_id: 'u2' }).where('id', '=', b).execute()
    await expectDerived()
    expect((await queue()).map((r) => [r.gross_cents, r.due_date, r.owner_id])).toEqual([[77_000, '2026-06-20', 'u1'], [1_000, '2026-06-25', 'u2']])
    await t.ctx.db.updateTable('follow_ups').set({ status: 'done' }).where('id', '=', early).execute()
    await t.ctx.db.deleteFrom('offers').where('id', '=', 'o-2').execute()
    await expectDerived()
    await t.ctx.db.updateTable('follow_ups').set({ status: 'open' }).where('id', '=', early).execute()
    await t.ctx.db.updateTable('follow_ups').set({ deleted_at: NOW }).where('id', '=', early).execute()
    await t.ctx.db.deleteFrom('follow_ups').where('id', '=', b).execute()
    expect(await queue()).toEqual([])
    expect(await dayCounts()).toEqual([])
  })

  it('shows the company\'s and contact\'s current names, and the offer\'s number and validity, from the queue alone', async () => {
    const f = await followUp('o1', '2026-06-20')
    await contact('k1', 'Berger')
    await offer('o1', 12_000, 'sent', 'k1')
    const item = async () => (await followUpItems(t.ctx, { ownerId: '', from: '', to: '2026-06-30', limit: 50 }))[0]!
    expect(await item()).toMatchObject({ id: f, offerNumber: 'A-o1', companyName: 'Hanse Logistik GmbH', contactName: 'Eva Berger', contactPhone: '0421 123', validUntil: '2026-07-01' })
    await t.ctx.db.updateTable('companies').set({ name: 'Hanse Logistik AG' }).where('id', '=', 'c1').execute()
    await t.ctx.db.updateTable('contacts').set({ last_name: 'Berger-Lange', phone: '', mobile: '0171 555' }).where('id', '=', 'k1').execute()
    await t.ctx.db.updateTable('offers').set({ number: 'A-2026-0042', valid_until: '2026-07-15' }).where('id', '=', 'o1').execute()
    expect(await item()).toMatchObject({ offerNumber: 'A-2026-0042', companyName: 'Hanse Logistik AG', contactName: 'Eva Berger-Lange', contactPhone: '0171 555', validUntil: '2026-07-15' })
    await contact('k2', 'Nowak')
    await t.ctx.db.updateTable('offers').set({ contact_id: 'k2' }).where('id', '=', 'o1').execute()
    expect((await item()).contactName).toBe('Eva Nowak')
    await expectDerived()
    // A removed contact leaves the entry without a name; a removed company (an erasure) takes it off the list.
    await t.ctx.db.deleteFrom('contacts').where('id', '=', 'k2').execute()
    expect((await item()).contactName).toBe('')
    await t.ctx.db.deleteFrom('companies').where('id', '=', 'c1').execute()
    expect(await followUpItems(t.ctx, { ownerId: '', from: '', to: '2026-06-30', limit: 50 })).toEqual([])
    await expectDerived()
  })

  it('is filled from the existing follow-ups when the migration runs', async () => {
    await offer('o1', 5_000)
    await followUp('o1', '2026-06-20')
    await followUp('o-missing', '2026-06-21')
    await followUp('o1', '2026-06-22', 'u1', 'cancelled')
    const kept = await queue()
    const counted = await dayCounts()
    await refill(t.ctx.db, ['follow_up_queue', 'follow_up_day_counts'], statements)
    expect(await queue()).toEqual(kept)
    expect(await dayCounts()).toEqual(counted)
    await expectDerived()
    expect(kept).toHaveLength(2)
  })

  it('gives the former first pages for every range, owner and page size after random writes', async () => {
    const r = seededRandom(39)
    const offers = Array.from({ length: 12 }, (_, i) => `o${i}`)
    const followUps: string[] = []
    const day = () => `2026-06-${String(1 + r.int(28)).padStart(2, '0')}`
    // Few distinct values, so a day holds ties the order must break the same way.
    const value = () => r.pick([0, 1_000, 1_000, 25_000, 99_000])
    const arrived = new Set<string>()
    for (let round = 0; round < 10; round++) {
      for (let op = 0; op < 30; op++) {
        const o = r.pick(offers)
        const f = followUps.length > 0 ? r.pick(followUps) : null
        switch (r.int(11)) {
          case 0: case 1: case 2: followUps.push(await followUp(o, day(), r.pick(['u1', 'u2', 'u3']), r.pick(['open', 'open', 'open', 'done', 'cancelled']), r.next() < 0.1)); break
          case 3:
            if (!arrived.has(o)) {
              await offer(o, value(), r.pick(['sent', 'sent', 'draft', 'won', 'lost']))
              arrived.add(o)
            } else await t.ctx.db.updateTable('offers').set({ gross_cents: value() }).where('id', '=', o).execute()
            break
          case 4: if (arrived.has(o)) await t.ctx.db.updateTable('offers').set({ status: r.pick(['sent', 'won', 'lost']), deleted_at: r.next() < 0.2 ? NOW : null }).where('id', '=', o).execute(); break
          case 5: if (f) await t.ctx.db.updateTable('follow_ups').set({ status: r.pick(['open', 'done']), due_date: day() }).where('id', '=', f).execute(); break
          case 6: if (f) await t.ctx.db.updateTable('follow_ups').set({ owner_id: r.pick(['u1', 'u2']), deleted_at: r.next() < 0.3 ? NOW : null }).where('id', '=', f).execute(); break
          case 7:
            if (arrived.has(o) && r.next() < 0.3) {
              await t.ctx.db.deleteFrom('offers').where('id', '=', o).execute()
              arrived.delete(o)
            }
            break
          case 8: await t.ctx.db.updateTable('companies').set({ name: r.pick(['Hanse Logistik GmbH', 'Weser Werft AG', 'Nord Kälte KG']) }).where('id', '=', 'c1').execute(); break
          case 9: {
            // Contacts arrive late, change names and numbers, get assigned to offers and go.
            const k = r.pick(['k1', 'k2', 'k3'])
            const there = await t.ctx.db.selectFrom('contacts').select('id').where('id', '=', k).executeTakeFirst()
            if (!there) await contact(k, r.pick(['Berger', 'Nowak']))
            else if (r.next() < 0.2) await t.ctx.db.deleteFrom('contacts').where('id', '=', k).execute()
            else await t.ctx.db.updateTable('contacts').set({ last_name: r.pick(['Berger', 'Lange', 'Öztürk']), phone: r.pick(['', '0421 9']), mobile: r.pick(['', '0171 1']) }).where('id', '=', k).execute()
            if (arrived.has(o)) await t.ctx.db.updateTable('offers').set({ contact_id: r.pick([k, null]) }).where('id', '=', o).execute()
            break
          }
          default: if (f) await t.ctx.db.deleteFrom('follow_ups').where('id', '=', f).execute()
        }
      }
      await expectDerived(`round ${round}`)
      for (let i = 0; i < 6; i++) {
        const [a, b] = [day(), day()].sort() as [string, string]
        const q = { ownerId: r.next() < 0.4 ? r.pick(['u1', 'u2', 'u3']) : '', from: r.next() < 0.3 ? '' : a, to: b, limit: r.pick([1, 3, 10, 50]) }
        expect((await followUpItems(t.ctx, q)).map((item) => item.id), JSON.stringify(q)).toEqual(await direct(q))
      }
    }
  })
})
