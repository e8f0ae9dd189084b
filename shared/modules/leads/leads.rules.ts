// The team's lead rules (issue 19, docs/leads.md): the handover threshold and the field reps' territories — a team
// setting (`leadRules`, shared/modules/success/team-settings.ts), read by everyone of the team, changed by a
// manager or an admin on Einstellungen → "Leads des Teams". A territory is per rep: German federal states and/or
// postcode ranges ("20000-22999"); a lead's postcode (or, without one, its federal state) proposes the rep.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import { FEDERAL_STATES, type FederalState } from '../../platform/federal-states'
import { readSettingValue } from '../../platform/team-settings'
import { DEFAULT_LEAD_THRESHOLD, LEAD_MAX_RESPONSE_DAYS, LEAD_MAX_SCORE } from './leads.enums'
import { LEAD_FIRST_CONTACT_BUSINESS_DAYS } from './leads.report'

export const LEAD_RULES_KEY = 'leadRules'

const POSTCODE = /^\d{5}$/
const threshold = z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(LEAD_MAX_SCORE, 'errors.tooLarge')
/** Business days inside sales has for a handed-over lead's first contact (the response-time target). */
const responseDays = z.number('errors.number').int('errors.integer').min(1, 'errors.leadResponseDays').max(LEAD_MAX_RESPONSE_DAYS, 'errors.leadResponseDays')
const state = z.enum(FEDERAL_STATES, 'errors.leadUnknownState')

export const postcodeRangeSchema = z.object({
  from: z.string('errors.leadPostcodeRange').regex(POSTCODE, 'errors.leadPostcodeRange'),
  to: z.string('errors.leadPostcodeRange').regex(POSTCODE, 'errors.leadPostcodeRange'),
}).strict()
export type PostcodeRange = z.output<typeof postcodeRangeSchema>

export const territorySchema = z.object({
  userId: idSchema,
  states: z.array(state).max(FEDERAL_STATES.length).default([]),
  ranges: z.array(postcodeRangeSchema).max(200, 'errors.tooMany').default([]),
}).strict()
export type Territory = z.output<typeof territorySchema>

/** Two ranges share a postcode. */
const overlap = (a: PostcodeRange, b: PostcodeRange) => a.from <= b.to && b.from <= a.to

/**
 * The problems of a team's territories, by path: a range whose start lies after its end, a range that overlaps
 * another one (the same rep's or a colleague's: a postcode must name one rep), a rep named twice.
 */
export function territoryProblems(territories: ReadonlyArray<{ userId: string; ranges: readonly PostcodeRange[] }>): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = []
  const seen: Array<{ t: number; range: PostcodeRange }> = []
  territories.forEach((territory, t) => {
    if (territories.findIndex((other) => other.userId === territory.userId) !== t) problems.push({ path: [t, 'userId'], message: 'errors.leadRepTwice' })
    territory.ranges.forEach((range, r) => {
      if (range.from > range.to) problems.push({ path: [t, 'ranges', r], message: 'errors.leadPostcodeOrder' })
      else if (seen.some((s) => overlap(s.range, range))) problems.push({ path: [t, 'ranges', r], message: 'errors.leadPostcodeOverlap' })
      seen.push({ t, range })
    })
  })
  return problems
}

export const leadRulesSchema = z.object({
  threshold: threshold.default(DEFAULT_LEAD_THRESHOLD),
  responseDays: responseDays.default(LEAD_FIRST_CONTACT_BUSINESS_DAYS),
  territories: z.array(territorySchema).max(500, 'errors.tooMany').default([]),
}).strict().superRefine((rules, ctx) => {
  for (const p of territoryProblems(rules.territories)) ctx.addIssue({ code: 'custom', path: ['territories', ...p.path], message: p.message })
})
export type LeadRules = z.output<typeof leadRulesSchema>
export const DEFAULT_LEAD_RULES: LeadRules = { threshold: DEFAULT_LEAD_THRESHOLD, responseDays: LEAD_FIRST_CONTACT_BUSINESS_DAYS, territories: [] }

/** The team's stored value, or the defaults (threshold 50, first contact within one business day, no territories). */
export const readLeadRules = (json: string | null | undefined): LeadRules => readSettingValue(leadRulesSchema, json, DEFAULT_LEAD_RULES)

/** "20000-22999, 24103" → ranges; null when a piece is no postcode or range of postcodes. */
export function parsePostcodeRanges(text: string): PostcodeRange[] | null {
  const pieces = text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean)
  const ranges: PostcodeRange[] = []
  for (const piece of pieces) {
    const m = /^(\d{5})\s*(?:[-–]\s*(\d{5}))?$/.exec(piece)
    if (!m) return null
    ranges.push({ from: m[1]!, to: m[2] ?? m[1]! })
  }
  return ranges
}

export const formatPostcodeRanges = (ranges: readonly PostcodeRange[]): string =>
  ranges.map((r) => (r.from === r.to ? r.from : `${r.from}-${r.to}`)).join(', ')

/** "HH, sh" → ['HH', 'SH']; null when a piece is no federal state's code. */
export function parseStates(text: string): FederalState[] | null {
  const pieces = text.split(/[,;\s]+/).map((p) => p.trim().toUpperCase()).filter(Boolean)
  return pieces.every((p) => (FEDERAL_STATES as readonly string[]).includes(p)) ? [...new Set(pieces as FederalState[])] : null
}

/**
 * The form of Einstellungen → "Leads des Teams" and its channel `leadRules.update`: the states and ranges as the
 * user types them ("HH, SH"; "20000-22999, 24103"), one row per field rep of the team. Every problem is a field
 * error at its row.
 */
export const leadRulesFormSchema = z.object({
  threshold,
  responseDays: responseDays.default(LEAD_FIRST_CONTACT_BUSINESS_DAYS),
  territories: z.array(z.object({
    userId: idSchema,
    states: z.string().max(200, 'errors.tooLong').default(''),
    postcodes: z.string().max(4000, 'errors.tooLong').default(''),
  }).strict()).max(500, 'errors.tooMany').default([]),
}).strict().superRefine((form, ctx) => {
  form.territories.forEach((t, i) => {
    if (!parseStates(t.states)) ctx.addIssue({ code: 'custom', path: ['territories', i, 'states'], message: 'errors.leadUnknownState' })
  })
  const parsed = form.territories.map((t, i) => {
    const ranges = parsePostcodeRanges(t.postcodes)
    if (!ranges) ctx.addIssue({ code: 'custom', path: ['territories', i, 'postcodes'], message: 'errors.leadPostcodeRange' })
    return { userId: t.userId, ranges: ranges ?? [] }
  })
  // Range problems are shown at the row's postcode field (the form has no field per range).
  const shown = new Set<string>()
  for (const p of territoryProblems(parsed)) {
    const path = p.path[1] === 'userId' ? ['territories', p.path[0]!, 'userId'] : ['territories', p.path[0]!, 'postcodes']
    if (shown.has(path.join('.'))) continue
    shown.add(path.join('.'))
    ctx.addIssue({ code: 'custom', path, message: p.message })
  }
})
export type LeadRulesForm = z.output<typeof leadRulesFormSchema>
export type LeadRulesFormInput = z.input<typeof leadRulesFormSchema>

/** The stored value of a valid form: reps without states or ranges are left out. */
export const leadRulesOfForm = (form: LeadRulesForm): LeadRules => leadRulesSchema.parse({
  threshold: form.threshold,
  responseDays: form.responseDays,
  territories: form.territories.map((t) => ({ userId: t.userId, states: parseStates(t.states) ?? [], ranges: parsePostcodeRanges(t.postcodes) ?? [] }))
    .filter((t) => t.states.length > 0 || t.ranges.length > 0),
})

export interface LeadRep { id: string; name: string }

export interface LeadRulesView {
  rules: LeadRulesForm
  /** The team's field reps (a row each in the form). */
  reps: LeadRep[]
  canEdit: boolean
  custom: boolean
}

/**
 * The rep whose territory holds the lead's address: a postcode range beats a federal state (it is the finer
 * rule); null when no territory holds it. Only reps still in `reps` (the team's field reps now) are proposed.
 */
export function proposeRep(territories: readonly Territory[], address: { postalCode: string; federalState: string }, reps?: readonly LeadRep[]): { userId: string; by: 'postcode' | 'state' } | null {
  const known = (t: Territory) => !reps || reps.some((r) => r.id === t.userId)
  const postcode = address.postalCode.trim()
  if (POSTCODE.test(postcode)) {
    const byRange = territories.find((t) => known(t) && t.ranges.some((r) => r.from <= postcode && postcode <= r.to))
    if (byRange) return { userId: byRange.userId, by: 'postcode' }
  }
  const byState = territories.find((t) => known(t) && (t.states as readonly string[]).includes(address.federalState as FederalState))
  return byState ? { userId: byState.userId, by: 'state' } : null
}
