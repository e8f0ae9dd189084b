// The health score's settings a manager edits for the team (issue 17): a weight per component (together 100 %),
// the target value of each component (where its points reach 0 or 100) and the traffic light's bands. Stored in
// the synced table team_settings under the key `health`; the defaults hold while a team has none.
import { z } from 'zod'
import { readSettingValue } from '../../platform/team-settings'

/** The components of the health score, in the order the company page lists them. */
export const HEALTH_COMPONENTS = ['cases', 'complaints', 'feedback', 'contact', 'renewal', 'orders', 'followUps', 'payment', 'advocacy'] as const
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number]

/** Each target value: its range (checked at the field) and its default. */
export const HEALTH_TARGETS = {
  /** Open cases (an overdue one counts twice) at which the component reaches 0 points. */
  caseLimit: { min: 1, max: 50, default: 4 },
  /** Complaints in the last 12 months at which the component reaches 0 points. */
  complaintLimit: { min: 1, max: 50, default: 3 },
  /** The NPS answer that earns full points; a detractor's answer (0–6) earns none, in between linearly. */
  npsTarget: { min: 7, max: 10, default: 9 },
  /** The satisfaction answer (1–5) that earns full points. */
  satisfactionTarget: { min: 2, max: 5, default: 4 },
  /** Days since the last touchpoint, as a multiple of the segment's norm, at which the component reaches 0 points. */
  contactZeroFactor: { min: 2, max: 10, default: 3 },
  /** Days before the cancel-by date from which a missing renewal offer costs points. */
  renewalWarnDays: { min: 14, max: 365, default: 90 },
  /** Won value of the last 12 months against the 12 before, in percent, that earns full points. */
  orderTrendTarget: { min: 10, max: 200, default: 100 },
  /** Overdue open follow-ups at which the component reaches 0 points. */
  followUpLimit: { min: 1, max: 50, default: 3 },
  /** Days the oldest open item is overdue (ERP) at which the component reaches 0 points. */
  paymentDaysLimit: { min: 1, max: 365, default: 60 },
} as const
export type HealthTarget = keyof typeof HEALTH_TARGETS

export const DEFAULT_HEALTH_WEIGHTS = {
  cases: 15, complaints: 15, feedback: 15, contact: 10, renewal: 15, orders: 10, followUps: 5, payment: 10, advocacy: 5,
} as const satisfies Record<HealthComponent, number>

const weight = z.number('errors.healthWeight').int('errors.healthWeight').min(0, 'errors.healthWeight').max(100, 'errors.healthWeight')
const target = (name: HealthTarget) => z.number('errors.healthTarget').int('errors.healthTarget')
  .min(HEALTH_TARGETS[name].min, 'errors.healthTarget').max(HEALTH_TARGETS[name].max, 'errors.healthTarget')
const band = z.number('errors.healthBand').int('errors.healthBand').min(1, 'errors.healthBand').max(100, 'errors.healthBand')

const weightsSchema = z.object(Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, weight])) as Record<HealthComponent, typeof weight>)
const targetsSchema = z.object(Object.fromEntries(Object.keys(HEALTH_TARGETS).map((k) => [k, target(k as HealthTarget)])) as Record<HealthTarget, ReturnType<typeof target>>)

export const healthSettingsSchema = z.object({
  weights: weightsSchema,
  targets: targetsSchema,
  /** Green from this score on (≥). */
  greenFrom: band,
  /** Red below this score (<); yellow in between. */
  redBelow: band,
}).superRefine((s, ctx) => {
  const sum = HEALTH_COMPONENTS.reduce((total, c) => total + s.weights[c], 0)
  // The sum is the form's own field (`weights.total`), so the error stands where the user reads the total.
  if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights', 'total'], message: 'errors.healthWeightSum' })
  if (s.redBelow >= s.greenFrom) ctx.addIssue({ code: 'custom', path: ['redBelow'], message: 'errors.healthBands' })
})
export type HealthSettings = z.infer<typeof healthSettingsSchema>

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  weights: { ...DEFAULT_HEALTH_WEIGHTS },
  targets: Object.fromEntries(Object.entries(HEALTH_TARGETS).map(([k, v]) => [k, v.default])) as Record<HealthTarget, number>,
  greenFrom: 70,
  redBelow: 40,
}

/** The stored JSON of a team's health settings, or the defaults when there is none or it no longer reads. */
export const readHealthSettings = (json: string | null | undefined): HealthSettings => readSettingValue(healthSettingsSchema, json, DEFAULT_HEALTH_SETTINGS)
