// The retention review: a prospect without activity for longer than its period (three years by default) is
// due, a customer never is, a former customer after ten years; a touchpoint is activity; "behalten" hides a
// company until the day given; the periods can be changed; nothing is ever deleted by the review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { addYears } from '../../electron/main/modules/customers/retention.service'
import type { RetentionReview } from '../../shared/modules/customers/retention.schema'
import { counts, mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
const must = mustOf(() => t.app)
const due = async () => (await must<RetentionReview>('retention.list', {})).items.map((i) => i.name)

beforeAll(async () => {
  t = await openTestDb()
  t.setNow('2022-05-10T09:00:00.000Z')
  await must('companies.create', validCompany({ name: 'Alte Anfrage KG', customerNumber: 'R-1', status: 'prospect' }))
  await must('companies.create', validCompany({ name: 'Treuer Kunde AG', customerNumber: 'R-2', status: 'customer' }))
  await must('companies.create', validCompany({ name: 'Ehemals GmbH', customerNumber: 'R-3', status: 'former' }))
  const active = await must<{ id: string }>('companies.create', validCompany({ name: 'Aktive Anfrage OHG', customerNumber: 'R-4', status: 'prospect' }))
  t.setNow('2024-01-15T09:00:00.000Z')
  await must('touchpoints.create', { companyId: active.id, occurredAt: '2024-01-15T09:00:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Rückfrage' })
})
afterAll(async () => t.cleanup())

describe('retention review', () => {
  it('lists prospects past their period by their last activity, never customers, former customers after ten years', async () => {
    t.setNow('2025-05-09T09:00:00.000Z')
    expect(await due()).toEqual([])
    t.setNow('2025-05-11T09:00:00.000Z')
    const review = await must<RetentionReview>('retention.list', {})
    expect(review.items).toEqual([expect.objectContaining({ name: 'Alte Anfrage KG', lastActivity: '2022-05-10', dueSince: '2025-05-10', status: 'prospect' })])
    t.setNow('2032-05-11T09:00:00.000Z')
    expect(await due()).toEqual(['Alte Anfrage KG', 'Aktive Anfrage OHG', 'Ehemals GmbH'])
  })

  it('keeps a company until the day given, and takes changed periods', async () => {
    t.setNow('2025-06-01T09:00:00.000Z')
    const before = await counts(t.ctx.db, 'companies')
    const kept = await must<RetentionReview>('retention.keep', { id: (await must<RetentionReview>('retention.list', {})).items[0]!.id, until: '2026-06-01' })
    expect(kept.items).toEqual([])
    expect(await counts(t.ctx.db, 'companies')).toEqual(before)
    const shorter = await must<RetentionReview>('retention.settings', { prospectYears: 1, formerYears: 10 })
    expect(shorter.items.map((i) => i.name)).toEqual(['Aktive Anfrage OHG'])
    const refused = await dispatch(t.app, 'retention.settings', { prospectYears: 0, formerYears: 10 })
    expect(refused.ok ? '' : refused.error.fields).toMatchObject({ prospectYears: 'errors.tooSmall' })
    expect((await must<RetentionReview>('retention.complete', {})).lastReviewedOn).toBe('2025-06-01')
  })

  it('adds years to a day, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2022-05-10', 3)).toBe('2025-05-10')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
  })
})
