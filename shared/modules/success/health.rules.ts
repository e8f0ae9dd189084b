// The Customer Health Score (issue 17): each component turns its facts into points 0..100 against its target
// value; the score is the weighted mean of the components that have data (a component without data, e.g. no
// ERP figures, is neutral: it is left out and the other weights count), rounded to 0..100, with a traffic light
// and the reasons (message refs, never sentences) for the components that cost the most points. Pure.
import type { HealthLight } from '../customers'
import { DETRACTOR_MAX_SCORE } from '../service'
import { HEALTH_COMPONENTS, type HealthComponent, type HealthSettings } from './health.settings'

/** What the score is computed from: one company's facts on one day. */
export interface HealthFacts {
  openCases: number
  /** Open cases past their service-level deadline (a part of openCases). */
  overdueCases: number
  complaints12m: number
  openComplaints: number
  overdueComplaints: number
  /** The latest NPS answer (0–10) and satisfaction answer (1–5), null when none was given. */
  lastNps: number | null
  lastSatisfaction: number | null
  /** Days since the latest touchpoint, null when there was none. */
  daysSinceTouchpoint: number | null
  /** The norm for the company's segment (segment-norms.ts). */
  normDays: number
  /** Days until the nearest cancel-by date of a renewing contract, null without one. */
  daysToCancelBy: number | null
  /** That contract has no renewal offer (undecided or won). */
  renewalOfferMissing: boolean
  /** The customer cancelled a contract that is still running. */
  cancellationReceived: boolean
  /** Won value (cents) of the last 12 months and of the 12 before. */
  wonLast12: number
  wonPrior12: number
  overdueFollowUps: number
  /** The latest ERP month, null when there are no ERP figures. */
  erp: { month: string; openItemsCents: number; daysOverdue: number } | null
  /** A referral given within 12 months, or the latest NPS answer (within 12 months) is a promoter's. */
  promoterOrReferral: boolean
}

// The light's values are the customer module's: the company list filters by them (customers is below success).
export { HEALTH_LIGHTS, type HealthLight } from '../customers'

/** The reason keys (texts in health.texts.ts) and their numeric parameters. */
export interface HealthReasonParams {
  'health.reason.cases': { open: number; overdue: number }
  'health.reason.complaints': { count: number; open: number; overdue: number }
  'health.reason.nps': { nps: number }
  'health.reason.satisfaction': { satisfaction: number }
  'health.reason.contact': { days: number; norm: number }
  'health.reason.noContact': Record<string, never>
  'health.reason.cancelBy': { days: number }
  'health.reason.cancelled': Record<string, never>
  'health.reason.orders': { percent: number }
  'health.reason.noOrders': Record<string, never>
  'health.reason.followUps': { count: number }
  'health.reason.payment': { days: number; euros: number }
}
export type HealthReasonKey = keyof HealthReasonParams
export type HealthReason = { [K in HealthReasonKey]: { key: K; params: HealthReasonParams[K] } }[HealthReasonKey]

export interface ComponentResult {
  component: HealthComponent
  /** 0..100, null when the component has no data (neutral: left out of the mean). */
  points: number | null
  weight: number
  /** Why the component lost points; none at full points or without data. */
  reasons: HealthReason[]
}

export interface HealthResult {
  score: number
  light: HealthLight
  components: ComponentResult[]
  /** The reasons of the (at most three) components that cost the most points, worst first. */
  reasons: HealthReason[]
}

const clamp = (n: number) => Math.max(0, Math.min(100, n))
/** 100 points at zero, falling linearly to 0 at the limit. */
const fallTo = (value: number, limit: number) => clamp(100 * (1 - value / limit))

type Scored = Pick<ComponentResult, 'points' | 'reasons'>
type Targets = HealthSettings['targets']

function cases(f: HealthFacts, t: Targets): Scored {
  const points = fallTo(f.openCases + f.overdueCases, t.caseLimit)
  return { points, reasons: points < 100 ? [{ key: 'health.reason.cases', params: { open: f.openCases, overdue: f.overdueCases } }] : [] }
}

function complaints(f: HealthFacts, t: Targets): Scored {
  // An open complaint weighs on top of its count, an overdue one once more: unresolved is worse than resolved.
  const points = fallTo(f.complaints12m + 0.5 * f.openComplaints + 0.5 * f.overdueComplaints, t.complaintLimit)
  return {
    points,
    reasons: points < 100 ? [{ key: 'health.reason.complaints', params: { count: f.complaints12m, open: f.openComplaints, overdue: f.overdueComplaints } }] : [],
  }
}

function feedback(f: HealthFacts, t: Targets): Scored {
  const parts: number[] = []
  const reasons: HealthReason[] = []
  if (f.lastNps !== null) {
    // A detractor (0–6) counts against us in the NPS itself: no points; from there up to the target linearly.
    const p = clamp((100 * (f.lastNps - DETRACTOR_MAX_SCORE)) / (t.npsTarget - DETRACTOR_MAX_SCORE))
    parts.push(p)
    if (p < 100) reasons.push({ key: 'health.reason.nps', params: { nps: f.lastNps } })
  }
  if (f.lastSatisfaction !== null) {
    const p = clamp((100 * (f.lastSatisfaction - 1)) / (t.satisfactionTarget - 1))
    parts.push(p)
    if (p < 100) reasons.push({ key: 'health.reason.satisfaction', params: { satisfaction: f.lastSatisfaction } })
  }
  // The weaker answer counts: a happy survey does not hide an angry NPS.
  return parts.length === 0 ? { points: null, reasons: [] } : { points: Math.min(...parts), reasons }
}

function contact(f: HealthFacts, t: Targets): Scored {
  if (f.daysSinceTouchpoint === null) return { points: 0, reasons: [{ key: 'health.reason.noContact', params: {} }] }
  const over = Math.max(0, f.daysSinceTouchpoint - f.normDays)
  const points = fallTo(over, f.normDays * (t.contactZeroFactor - 1))
  return { points, reasons: points < 100 ? [{ key: 'health.reason.contact', params: { days: f.daysSinceTouchpoint, norm: f.normDays } }] : [] }
}

function renewal(f: HealthFacts, t: Targets): Scored {
  if (f.cancellationReceived) return { points: 0, reasons: [{ key: 'health.reason.cancelled', params: {} }] }
  if (f.daysToCancelBy === null) return { points: null, reasons: [] }
  if (!f.renewalOfferMissing || f.daysToCancelBy > t.renewalWarnDays) return { points: 100, reasons: [] }
  // Within the warning period without a renewal offer: half the points at its start, none at the cancel-by date.
  const points = clamp((50 * Math.max(0, f.daysToCancelBy)) / t.renewalWarnDays)
  return { points, reasons: [{ key: 'health.reason.cancelBy', params: { days: Math.max(0, f.daysToCancelBy) } }] }
}

function orders(f: HealthFacts, t: Targets): Scored {
  if (f.wonPrior12 <= 0) return f.wonLast12 > 0 ? { points: 100, reasons: [] } : { points: null, reasons: [] }
  const percent = (100 * f.wonLast12) / f.wonPrior12
  const points = clamp((100 * percent) / t.orderTrendTarget)
  if (points >= 100) return { points, reasons: [] }
  return { points, reasons: [f.wonLast12 === 0 ? { key: 'health.reason.noOrders', params: {} } : { key: 'health.reason.orders', params: { percent: Math.round(percent) } }] }
}

function followUps(f: HealthFacts, t: Targets): Scored {
  const points = fallTo(f.overdueFollowUps, t.followUpLimit)
  return { points, reasons: points < 100 ? [{ key: 'health.reason.followUps', params: { count: f.overdueFollowUps } }] : [] }
}

function payment(f: HealthFacts, t: Targets): Scored {
  if (f.erp === null) return { points: null, reasons: [] }
  const points = fallTo(f.erp.daysOverdue, t.paymentDaysLimit)
  return {
    points,
    reasons: points < 100 ? [{ key: 'health.reason.payment', params: { days: f.erp.daysOverdue, euros: Math.round(f.erp.openItemsCents / 100) } }] : [],
  }
}

/** A promoter or a referral only adds: without one the component is neutral, never a penalty. */
const advocacy = (f: HealthFacts): Scored => ({ points: f.promoterOrReferral ? 100 : null, reasons: [] })

const RULES: Record<HealthComponent, (f: HealthFacts, t: Targets) => Scored> = {
  cases, complaints, feedback, contact, renewal, orders, followUps, payment, advocacy,
}

/** Each component's points and reasons. */
export function healthComponents(facts: HealthFacts, settings: HealthSettings): ComponentResult[] {
  return HEALTH_COMPONENTS.map((component) => ({ component, weight: settings.weights[component], ...RULES[component](facts, settings.targets) }))
}

export function lightOf(score: number, settings: Pick<HealthSettings, 'greenFrom' | 'redBelow'>): HealthLight {
  if (score >= settings.greenFrom) return 'green'
  return score < settings.redBelow ? 'red' : 'yellow'
}

/** A score when no component with weight has data: the middle, neither a warning nor an all-clear. */
export const NEUTRAL_SCORE = 50
const MAX_REASONS = 3

export function healthScore(facts: HealthFacts, settings: HealthSettings): HealthResult {
  const components = healthComponents(facts, settings)
  let weighted = 0
  let weights = 0
  for (const c of components) {
    if (c.points === null || c.weight === 0) continue
    weighted += c.weight * c.points
    weights += c.weight
  }
  const score = weights === 0 ? NEUTRAL_SCORE : Math.round(weighted / weights)
  const reasons = components
    .filter((c) => c.points !== null && c.weight > 0 && c.reasons.length > 0)
    .sort((a, b) => b.weight * (100 - (b.points ?? 100)) - a.weight * (100 - (a.points ?? 100)))
    .slice(0, MAX_REASONS)
    .flatMap((c) => c.reasons)
  return { score, light: lightOf(score, settings), components, reasons }
}
