// The health score on a real database: each component from real rows written through the services, the score
// refreshed in the very transaction that changed a fact, the daily recompute, and the team's settings (only a
// manager changes them, bad input refused at the field with nothing written, a change recomputes every score).
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createTouchpoint } from '../../electron/main/modules/customers/touchpoint.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { createFeedback } from '../../electron/main/modules/service/feedback.service'
import { createOffer, sendOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { getHealth, recomputeHealthIfNewDay } from '../../electron/main/modules/success'
import { refreshHealth } from '../../db/modules/success'
import { insertSynced } from '../../db/platform/synced-writes'
import { newId } from '../../db/platform/ids'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { touchpointFieldsSchema } from '../../shared/modules/customers/touchpoint.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { caseFieldsSchema, feedbackFieldsSchema } from '../../shared/modules/service/service.schema'
import { DEFAULT_HEALTH_SETTINGS, type HealthComponent } from '../../shared/modules/success'
import { translate } from '../../shared/i18n'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-24T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

async function goodCustomer() {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', status: 'customer', segment: 'mid_market' })))
  await createTouchpoint(t.ctx, touchpointFieldsSchema.parse({ companyId: company.id, occurredAt: '2026-11-24T08:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Quartalsgespräch' }))
  await createFeedback(t.ctx, feedbackFieldsSchema.parse({ companyId: company.id, kind: 'nps', givenOn: '2026-11-20', score: 10, comment: '' }))
  return company
}
const complaint = (companyId: string, receivedAt = '2026-11-24T09:00:00.000Z') =>
  createCase(t.ctx, caseFieldsSchema.parse({ type: 'complaint', companyId, channel: 'phone', receivedAt, subject: 'Prüfstand misst falsch', description: '', priority: 'high' }))
const points = async (companyId: string, component: HealthComponent) => (await getHealth(t.ctx, { companyId })).components.find((c) => c.component === component)!.points
const count = async (table: 'team_settings' | 'sync_outbox' | 'cases') => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n)
const words = (reasons: Awaited<ReturnType<typeof getHealth>>['reasons']) => reasons.map((r) => translate('de', r.key, r.params as never)).join('; ')

describe('the components from real rows', () => {
  it('a good customer scores green; a complaint lowers the score in the same write; a detractor answer too', async () => {
    const company = await goodCustomer()
    const good = await getHealth(t.ctx, { companyId: company.id })
    expect(good).toMatchObject({ score: 100, light: 'green', reasons: [] })
    expect(good.facts).toMatchObject({ daysSinceTouchpoint: 0, normDays: 45, lastNps: 10, promoterOrReferral: true, erp: null })
    await complaint(company.id)
    const one = await getHealth(t.ctx, { companyId: company.id })
    expect(one.score).toBeLessThan(100)
    expect(one.facts).toMatchObject({ openCases: 1, complaints12m: 1, openComplaints: 1 })
    await complaint(company.id)
    await createFeedback(t.ctx, feedbackFieldsSchema.parse({ companyId: company.id, kind: 'nps', givenOn: '2026-11-24', score: 3, comment: 'Zu viele Ausfälle' }))
    const bad = await getHealth(t.ctx, { companyId: company.id })
    expect(bad.score).toBeLessThan(40)
    expect(bad.light).toBe('red')
    expect(words(bad.reasons)).toContain('2 Reklamationen in 12 Monaten, 2 offen')
    expect(words(bad.reasons)).toContain('NPS 3')
    // The week's value is kept for the trend line, one per week.
    expect(bad.history).toEqual([{ week: '2026-11-23', score: bad.score }])
  })

  it('the refresh runs inside the writing transaction: when it fails, the complaint is not written either', async () => {
    const company = await goodCustomer()
    const before = await count('cases')
    await sql`drop table health_history`.execute(t.ctx.db)
    await expect(complaint(company.id)).rejects.toThrow()
    expect(await count('cases')).toBe(before)
  })

  it('overdue cases, the order trend, ERP payment figures and the days since the last touchpoint', async () => {
    const company = await goodCustomer()
    const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
      companyId: company.id, offerDate: '2026-11-24', validUntil: '2026-12-24', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [{ name: 'Prüfstand', quantity: 1, unit: 'Stück', unitPriceCents: 100_000, discountPercent: 0, vatRate: 19, optional: false }],
    }))
    await sendOffer(t.ctx, offer.id)
    await winOffer(t.ctx, { id: offer.id, orderDate: '2026-11-24', orderValueCents: 100_000 })
    expect((await getHealth(t.ctx, { companyId: company.id })).facts).toMatchObject({ wonLast12: 100_000, wonPrior12: 0 })
    expect(await points(company.id, 'orders')).toBe(100)
    expect(await points(company.id, 'payment')).toBeNull()
    await t.ctx.db.transaction().execute(async (trx) => {
      await insertSynced(trx, 'erp_facts', { id: newId(), company_id: company.id, month: '2026-09', open_items_cents: 0, days_overdue: 0 }, '2026-11-24T09:00:00.000Z')
      await insertSynced(trx, 'erp_facts', { id: newId(), company_id: company.id, month: '2026-10', open_items_cents: 1_250_000, days_overdue: 30 }, '2026-11-24T09:00:00.000Z')
      await refreshHealth(trx, [company.id], '2026-11-24T09:00:00.000Z')
    })
    const erp = await getHealth(t.ctx, { companyId: company.id })
    expect(erp.facts?.erp).toEqual({ month: '2026-10', openItemsCents: 1_250_000, daysOverdue: 30 })
    expect(await points(company.id, 'payment')).toBe(50)
    expect(words(erp.reasons)).toContain('Offene Posten 12.500 €, ältester 30 Tage überfällig')
    // A complaint of high priority is overdue after its service level; 90 days on, the touchpoint is twice the norm old.
    await complaint(company.id)
    t.setNow('2027-02-22T09:00:00.000Z')
    expect(await recomputeHealthIfNewDay(t.ctx)).toBe(1)
    expect(await recomputeHealthIfNewDay(t.ctx)).toBe(0)
    const later = await getHealth(t.ctx, { companyId: company.id })
    expect(later.facts).toMatchObject({ overdueCases: 1, overdueComplaints: 1, daysSinceTouchpoint: 90 })
    expect(await points(company.id, 'contact')).toBe(50)
    expect(later.history.map((h) => h.week)).toEqual(['2026-11-23', '2027-02-22'])
  })
})

describe('the team settings', () => {
  const asRole = (role: string) => t.ctx.db.updateTable('users').set({ role }).where('id', '=', t.ctx.userId).execute()

  /** Signed in to a sync server (the state "Verbinden" leaves): from then on the role decides. */
  const connect = () => t.ctx.db.insertInto('sync_state').values({ key: 'user', value: JSON.stringify({ id: t.ctx.userId, login: 'anna', displayName: 'Anna', email: '', role: 'field_sales', teamId: '' }) }).execute()

  it('on a device that never connected its single user may change them; once connected a rep may not, and nothing is written', async () => {
    expect(await dispatch(t.app, 'healthSettings.get', {})).toMatchObject({ ok: true, data: { canEdit: true } })
    await connect()
    const view = await dispatch(t.app, 'healthSettings.get', {})
    expect(view).toMatchObject({ ok: true, data: { canEdit: false, custom: false, settings: DEFAULT_HEALTH_SETTINGS } })
    const outbox = await count('sync_outbox')
    expect(await dispatch(t.app, 'healthSettings.update', DEFAULT_HEALTH_SETTINGS)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'errors.healthNotAllowed' } })
    expect([await count('team_settings'), await count('sync_outbox')]).toEqual([0, outbox])
  })

  it('bad input is refused at the field, nothing written', async () => {
    await asRole('manager')
    const outbox = await count('sync_outbox')
    const bad = [
      [{ ...DEFAULT_HEALTH_SETTINGS, weights: { ...DEFAULT_HEALTH_SETTINGS.weights, cases: 30 } }, 'weights.total', 'errors.healthWeightSum'],
      [{ ...DEFAULT_HEALTH_SETTINGS, targets: { ...DEFAULT_HEALTH_SETTINGS.targets, npsTarget: 11 } }, 'targets.npsTarget', 'errors.healthTarget'],
      [{ ...DEFAULT_HEALTH_SETTINGS, targets: { ...DEFAULT_HEALTH_SETTINGS.targets, renewalWarnDays: 7 } }, 'targets.renewalWarnDays', 'errors.healthTarget'],
      [{ ...DEFAULT_HEALTH_SETTINGS, weights: { ...DEFAULT_HEALTH_SETTINGS.weights, cases: -5, complaints: 35 } }, 'weights.cases', 'errors.healthWeight'],
      [{ ...DEFAULT_HEALTH_SETTINGS, redBelow: 80 }, 'redBelow', 'errors.healthBands'],
    ] as const
    for (const [input, field, key] of bad) {
      const answer = await dispatch(t.app, 'healthSettings.update', input)
      expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect(!answer.ok && answer.error.fields?.[field]).toBe(key)
    }
    expect([await count('team_settings'), await count('sync_outbox')]).toEqual([0, outbox])
  })

  it('a manager\'s change is synced (one row, one outbox entry) and recomputes every score', async () => {
    const company = await goodCustomer()
    await complaint(company.id)
    const before = (await getHealth(t.ctx, { companyId: company.id })).score!
    await asRole('manager')
    const outbox = await count('sync_outbox')
    const onlyComplaints = { ...DEFAULT_HEALTH_SETTINGS, weights: { cases: 0, complaints: 100, feedback: 0, contact: 0, renewal: 0, orders: 0, followUps: 0, payment: 0, advocacy: 0 } }
    const saved = await dispatch(t.app, 'healthSettings.update', onlyComplaints)
    expect(saved).toMatchObject({ ok: true, data: { canEdit: true, custom: true, settings: onlyComplaints } })
    expect([await count('team_settings'), await count('sync_outbox')]).toEqual([1, outbox + 1])
    const after = await getHealth(t.ctx, { companyId: company.id })
    // One complaint, open: 1.5 of the limit 3 → 50 points, the only weight.
    expect(after.score).toBe(50)
    expect(after.score).not.toBe(before)
    // Saving the same again writes nothing.
    await dispatch(t.app, 'healthSettings.update', onlyComplaints)
    expect(await count('sync_outbox')).toBe(outbox + 1)
  })
})
