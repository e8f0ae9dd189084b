// The health score's rules: each component from its facts and targets, the combined score, the light, the
// reasons, and two properties — the score stays in 0..100, and worsening one signal never raises it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  DEFAULT_HEALTH_SETTINGS, healthComponents, healthScore, healthSettingsSchema, lightOf, type HealthComponent, type HealthFacts, type HealthSettings,
} from '../../shared/modules/success'
import { translate } from '../../shared/i18n'

const GOOD: HealthFacts = {
  openCases: 0, overdueCases: 0, complaints12m: 0, openComplaints: 0, overdueComplaints: 0, lastNps: 10, lastSatisfaction: 5,
  daysSinceTouchpoint: 10, normDays: 30, daysToCancelBy: 200, renewalOfferMissing: true, cancellationReceived: false,
  wonLast12: 100_000, wonPrior12: 100_000, overdueFollowUps: 0, erp: { month: '2026-10', openItemsCents: 0, daysOverdue: 0 }, promoterOrReferral: true,
}
const S = DEFAULT_HEALTH_SETTINGS
const points = (facts: Partial<HealthFacts>, component: HealthComponent, settings: HealthSettings = S) =>
  healthComponents({ ...GOOD, ...facts }, settings).find((c) => c.component === component)!.points

describe('health components', () => {
  it('a customer with nothing wrong scores 100 and green, without reasons', () => {
    const r = healthScore(GOOD, S)
    expect(r).toMatchObject({ score: 100, light: 'green', reasons: [] })
  })
  it('cases: falls to 0 at the limit, an overdue case counting twice', () => {
    expect(points({ openCases: 1 }, 'cases')).toBe(75)
    expect(points({ openCases: 1, overdueCases: 1 }, 'cases')).toBe(50)
    expect(points({ openCases: 3, overdueCases: 3 }, 'cases')).toBe(0)
  })
  it('complaints: the count of 12 months, open and overdue ones weigh more', () => {
    expect(points({ complaints12m: 1 }, 'complaints')).toBeCloseTo(66.67, 1)
    expect(points({ complaints12m: 2, openComplaints: 2, overdueComplaints: 1 }, 'complaints')).toBe(0)
  })
  it('feedback: the weaker of NPS and satisfaction against their targets; none is neutral', () => {
    expect(points({ lastNps: 9 }, 'feedback')).toBe(100)
    expect(points({ lastNps: 8 }, 'feedback')).toBeCloseTo(66.67, 1)
    expect(points({ lastNps: 6, lastSatisfaction: 5 }, 'feedback')).toBe(0)
    expect(points({ lastNps: null, lastSatisfaction: 2 }, 'feedback')).toBeCloseTo(33.3, 1)
    expect(points({ lastNps: null, lastSatisfaction: null }, 'feedback')).toBeNull()
  })
  it('contact: full points within the segment norm, 0 at three times the norm, 0 without any touchpoint', () => {
    expect(points({ daysSinceTouchpoint: 30 }, 'contact')).toBe(100)
    expect(points({ daysSinceTouchpoint: 60 }, 'contact')).toBe(50)
    expect(points({ daysSinceTouchpoint: 90 }, 'contact')).toBe(0)
    expect(points({ daysSinceTouchpoint: null }, 'contact')).toBe(0)
  })
  it('renewal: a missing offer costs points inside the warning period, a cancellation all; no contract is neutral', () => {
    expect(points({ daysToCancelBy: 91 }, 'renewal')).toBe(100)
    expect(points({ daysToCancelBy: 45 }, 'renewal')).toBe(25)
    expect(points({ daysToCancelBy: 45, renewalOfferMissing: false }, 'renewal')).toBe(100)
    expect(points({ cancellationReceived: true }, 'renewal')).toBe(0)
    expect(points({ daysToCancelBy: null }, 'renewal')).toBeNull()
  })
  it('orders: last 12 months against the 12 before; no orders at all is neutral', () => {
    expect(points({ wonLast12: 50_000 }, 'orders')).toBe(50)
    expect(points({ wonLast12: 0 }, 'orders')).toBe(0)
    expect(points({ wonLast12: 10, wonPrior12: 0 }, 'orders')).toBe(100)
    expect(points({ wonLast12: 0, wonPrior12: 0 }, 'orders')).toBeNull()
  })
  it('follow-ups: overdue open follow-ups against the limit', () => {
    expect(points({ overdueFollowUps: 1 }, 'followUps')).toBeCloseTo(66.67, 1)
    expect(points({ overdueFollowUps: 5 }, 'followUps')).toBe(0)
  })
  it('payment: days overdue of the latest ERP month; without ERP data neutral', () => {
    expect(points({ erp: { month: '2026-10', openItemsCents: 500_000, daysOverdue: 30 } }, 'payment')).toBe(50)
    expect(points({ erp: null }, 'payment')).toBeNull()
  })
  it('advocacy: a promoter or a referral is 100, without one neutral, never a penalty', () => {
    expect(points({}, 'advocacy')).toBe(100)
    expect(points({ promoterOrReferral: false }, 'advocacy')).toBeNull()
  })
  it('targets move the points: a stricter case limit costs more', () => {
    const strict = { ...S, targets: { ...S.targets, caseLimit: 2 } }
    expect(points({ openCases: 1 }, 'cases', strict)).toBe(50)
  })
})

describe('the combined score', () => {
  it('is the weighted mean of the components with data', () => {
    // cases 50 (w15), all other components 100 → (15·50 + 85·100) / 100 = 92.5 → 93
    expect(healthScore({ ...GOOD, openCases: 1, overdueCases: 1 }, S).score).toBe(93)
    // without ERP data the payment weight drops out: (15·50 + 75·100) / 90 = 91.67 → 92
    expect(healthScore({ ...GOOD, openCases: 1, overdueCases: 1, erp: null }, S).score).toBe(92)
  })
  it('the light follows the bands', () => {
    expect([lightOf(70, S), lightOf(69, S), lightOf(40, S), lightOf(39, S)]).toEqual(['green', 'yellow', 'yellow', 'red'])
  })
  it('gives the reasons of the worst components in words, in both languages', () => {
    const r = healthScore({ ...GOOD, complaints12m: 2, openComplaints: 2, overdueComplaints: 1, lastNps: 4, daysToCancelBy: 40, promoterOrReferral: false }, S)
    expect(r.light).not.toBe('green')
    const de = r.reasons.map((x) => translate('de', x.key, x.params as never)).join('; ')
    expect(de).toBe('2 Reklamationen in 12 Monaten, 2 offen, davon 1 überfällig; NPS 4; Kündigungstermin in 40 Tagen ohne Verlängerungsangebot')
    const en = r.reasons.map((x) => translate('en', x.key, x.params as never)).join('; ')
    expect(en).toContain('Cancel-by date in 40 days without a renewal offer')
  })
  it('leaves out the parts of a reason that are zero', () => {
    expect(translate('de', 'health.reason.cases', { open: 2, overdue: 0 })).toBe('2 Fälle offen')
    expect(translate('de', 'health.reason.complaints', { count: 1, open: 0, overdue: 0 })).toBe('1 Reklamation in 12 Monaten')
    expect(translate('en', 'health.reason.cases', { open: 1, overdue: 1 })).toBe('1 case open, 1 of them overdue')
  })
  it('all weights on components without data: the neutral middle', () => {
    const onlyPayment = { ...S, weights: { cases: 0, complaints: 0, feedback: 0, contact: 0, renewal: 0, orders: 0, followUps: 0, payment: 100, advocacy: 0 } }
    expect(healthScore({ ...GOOD, erp: null }, onlyPayment).score).toBe(50)
  })
})

describe('the settings', () => {
  it('refuses weights that do not sum to 100 at the total, and a target outside its range', () => {
    const bad = healthSettingsSchema.safeParse({ ...S, weights: { ...S.weights, cases: 20 }, targets: { ...S.targets, npsTarget: 6 } })
    expect(bad.success).toBe(false)
    const paths = bad.error!.issues.map((i) => [i.path.join('.'), i.message])
    expect(paths).toContainEqual(['weights.total', 'errors.healthWeightSum'])
    expect(paths).toContainEqual(['targets.npsTarget', 'errors.healthTarget'])
  })
  it('refuses red at or above green', () => {
    const bad = healthSettingsSchema.safeParse({ ...S, redBelow: 70 })
    expect(bad.error?.issues[0]).toMatchObject({ path: ['redBelow'], message: 'errors.healthBands' })
  })
  it('accepts the defaults', () => expect(healthSettingsSchema.parse(S)).toEqual(S))
})

// Arbitrary facts, settings and one worsening step for the properties.
const count = fc.integer({ min: 0, max: 30 })
const facts: fc.Arbitrary<HealthFacts> = fc.record({
  openCases: count, overdueCases: count, complaints12m: count, openComplaints: count, overdueComplaints: count,
  lastNps: fc.option(fc.integer({ min: 0, max: 10 })), lastSatisfaction: fc.option(fc.integer({ min: 1, max: 5 })),
  daysSinceTouchpoint: fc.option(fc.integer({ min: 0, max: 1000 })), normDays: fc.constantFrom(30, 45, 60),
  daysToCancelBy: fc.option(fc.integer({ min: -10, max: 800 })), renewalOfferMissing: fc.boolean(), cancellationReceived: fc.boolean(),
  wonLast12: fc.integer({ min: 0, max: 10_000_000 }), wonPrior12: fc.integer({ min: 0, max: 10_000_000 }), overdueFollowUps: count,
  erp: fc.option(fc.record({ month: fc.constant('2026-10'), openItemsCents: fc.integer({ min: 0, max: 1e9 }), daysOverdue: fc.integer({ min: 0, max: 400 }) })),
  promoterOrReferral: fc.boolean(),
})
const settings: fc.Arbitrary<HealthSettings> = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 9, maxLength: 9 }).map((raw) => {
  const total = raw.reduce((a, b) => a + b, 0) || 1
  const w = raw.map((x) => Math.floor((x * 100) / total))
  w[0]! += 100 - w.reduce((a, b) => a + b, 0)
  const [cases, complaints, feedback, contact, renewal, orders, followUps, payment, advocacy] = w as [number, number, number, number, number, number, number, number, number]
  return { ...S, weights: { cases, complaints, feedback, contact, renewal, orders, followUps, payment, advocacy } }
})

/** One signal made worse, staying within its kind of data (a first answer is new information, not a worsening). */
const worsen: fc.Arbitrary<(f: HealthFacts) => HealthFacts> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((n) => (f: HealthFacts) => ({ ...f, openCases: f.openCases + n })),
  fc.integer({ min: 1, max: 5 }).map((n) => (f: HealthFacts) => ({ ...f, openCases: f.openCases + n, overdueCases: f.overdueCases + n })),
  fc.integer({ min: 1, max: 5 }).map((n) => (f: HealthFacts) => ({ ...f, complaints12m: f.complaints12m + n, openComplaints: f.openComplaints + n })),
  fc.integer({ min: 1, max: 5 }).map((n) => (f: HealthFacts) => ({ ...f, overdueComplaints: f.overdueComplaints + n })),
  fc.integer({ min: 1, max: 10 }).map((n) => (f: HealthFacts) => ({ ...f, lastNps: f.lastNps === null ? null : Math.max(0, f.lastNps - n) })),
  fc.integer({ min: 1, max: 4 }).map((n) => (f: HealthFacts) => ({ ...f, lastSatisfaction: f.lastSatisfaction === null ? null : Math.max(1, f.lastSatisfaction - n) })),
  fc.integer({ min: 1, max: 200 }).map((n) => (f: HealthFacts) => ({ ...f, daysSinceTouchpoint: f.daysSinceTouchpoint === null ? null : f.daysSinceTouchpoint + n })),
  fc.constant((f: HealthFacts) => ({ ...f, daysSinceTouchpoint: null })),
  fc.integer({ min: 1, max: 100 }).map((n) => (f: HealthFacts) => ({ ...f, daysToCancelBy: f.daysToCancelBy === null ? null : f.daysToCancelBy - n })),
  fc.constant((f: HealthFacts) => ({ ...f, renewalOfferMissing: true })),
  fc.constant((f: HealthFacts) => ({ ...f, cancellationReceived: f.daysToCancelBy === null ? f.cancellationReceived : true })),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => (f: HealthFacts) => ({ ...f, wonLast12: f.wonPrior12 > 0 ? Math.max(0, f.wonLast12 - n) : f.wonLast12 })),
  fc.integer({ min: 1, max: 5 }).map((n) => (f: HealthFacts) => ({ ...f, overdueFollowUps: f.overdueFollowUps + n })),
  fc.integer({ min: 1, max: 90 }).map((n) => (f: HealthFacts) => ({ ...f, erp: f.erp && { ...f.erp, daysOverdue: f.erp.daysOverdue + n } })),
  fc.constant((f: HealthFacts) => ({ ...f, promoterOrReferral: false })),
)

describe('properties', () => {
  it('the score is an integer within 0..100 with the light of its band', () => {
    fc.assert(fc.property(facts, settings, (f, s) => {
      const r = healthScore(f, s)
      expect(Number.isInteger(r.score)).toBe(true)
      expect(r.score).toBeGreaterThanOrEqual(0)
      expect(r.score).toBeLessThanOrEqual(100)
      expect(r.light).toBe(lightOf(r.score, s))
      for (const c of r.components) if (c.points !== null) expect(c.points >= 0 && c.points <= 100).toBe(true)
    }), { numRuns: 500 })
  })
  it('worsening one signal never raises the score', () => {
    fc.assert(fc.property(facts, settings, worsen, (f, s, step) => {
      expect(healthScore(step(f), s).score).toBeLessThanOrEqual(healthScore(f, s).score)
    }), { numRuns: 2000 })
  })
})
