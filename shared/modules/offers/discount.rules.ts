// Discount approvals (issue 18): the limits of each role (team setting `discountLimits`), an offer's discount
// figures, whether they exceed a limit, and whether an approval covers them. One set of rules for the laptop's
// services, the screens and the sync server (docs/architecture.md, "Discount approvals (issue 18)").
import { z } from 'zod'
import { APPROVAL_DECISION_COLUMNS, DISCOUNT_HARD_CAP, may, ROLES, type Role } from '../../platform/rights'
import { readSettingValue } from '../../platform/team-settings'

export const APPROVAL_STATUSES = ['requested', 'approved', 'declined'] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

/**
 * The hard cap: no discount above it for any role but the approvers (manager, admin) — not even with an approval.
 * A field rep's 100 % is refused outright; the approvers' own limits go up to 100 %.
 */
export const HARD_CAP_PERCENT = DISCOUNT_HARD_CAP
export const capOf = (role: string): number => may(role, 'discounts.beyondCap') ? 100 : HARD_CAP_PERCENT

const percentLimit = z.number('errors.number').finite('errors.number').min(0, 'errors.notNegative').max(100, 'errors.percentMax')
export const roleLimitSchema = z.strictObject({
  /** The highest discount on one item. */
  itemPercent: percentLimit,
  /** The highest discount on the whole offer. */
  offerPercent: percentLimit,
  /** The lowest margin on the items whose products carry a purchase price (0: no floor). */
  marginFloorPercent: percentLimit,
})
export type RoleLimit = z.output<typeof roleLimitSchema>

export const DEFAULT_DISCOUNT_LIMITS: Record<Role, RoleLimit> = {
  field_sales: { itemPercent: 10, offerPercent: 10, marginFloorPercent: 15 },
  inside_sales: { itemPercent: 5, offerPercent: 5, marginFloorPercent: 15 },
  service: { itemPercent: 0, offerPercent: 0, marginFloorPercent: 15 },
  manager: { itemPercent: 25, offerPercent: 25, marginFloorPercent: 10 },
  admin: { itemPercent: 100, offerPercent: 100, marginFloorPercent: 0 },
}

/** A role's limits never exceed its hard cap. */
function checkCaps(limits: Record<Role, RoleLimit>, ctx: z.RefinementCtx): void {
  for (const role of ROLES) {
    for (const field of ['itemPercent', 'offerPercent'] as const) {
      if (limits[role][field] > capOf(role)) ctx.addIssue({ code: 'custom', path: [role, field], message: 'errors.discountLimitOverCap' })
    }
  }
}

export const discountLimitsShape = Object.fromEntries(ROLES.map((r) => [r, roleLimitSchema.default(DEFAULT_DISCOUNT_LIMITS[r])])) as Record<Role, z.ZodDefault<typeof roleLimitSchema>>
/** The team setting `discountLimits`: one limit per role. */
export const discountLimitsSchema = z.strictObject(discountLimitsShape).superRefine(checkCaps)
export type DiscountLimits = z.output<typeof discountLimitsSchema>
export const DISCOUNT_LIMITS_KEY = 'discountLimits' as const
export const readDiscountLimits = (json: string | null | undefined): DiscountLimits => readSettingValue(discountLimitsSchema, json, DEFAULT_DISCOUNT_LIMITS)

/** What an offer's discounts come to: the highest item discount, the offer discount, the margin (null: no purchase prices). */
export interface DiscountFigures {
  itemPercent: number
  offerPercent: number
  marginPercent: number | null
}

export interface FigureLine {
  quantity: number
  unitPriceCents: number
  discountPercent: number
  optional: boolean
  /** The product's purchase price, null when unknown. */
  purchasePriceCents: number | null
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** The figures of an offer's non-optional lines; the margin over the lines with a purchase price, after both discounts. */
export function figuresOf(lines: readonly FigureLine[], offerDiscountPercent: number): DiscountFigures {
  const counted = lines.filter((l) => !l.optional)
  const itemPercent = counted.reduce((max, l) => Math.max(max, l.discountPercent), 0)
  let revenue = 0
  let cost = 0
  for (const l of counted) {
    if (l.purchasePriceCents === null) continue
    revenue += l.quantity * l.unitPriceCents * (1 - l.discountPercent / 100) * (1 - offerDiscountPercent / 100)
    cost += l.quantity * l.purchasePriceCents
  }
  const marginPercent = revenue > 0 ? round2(((revenue - cost) / revenue) * 100) : cost > 0 ? -100 : null
  return { itemPercent, offerPercent: offerDiscountPercent, marginPercent }
}

/** Which limits the figures exceed ([] when within all of them). */
export type Exceeded = 'item' | 'offer' | 'margin'
export function exceededLimits(figures: DiscountFigures, limit: RoleLimit): Exceeded[] {
  const out: Exceeded[] = []
  if (figures.itemPercent > limit.itemPercent) out.push('item')
  if (figures.offerPercent > limit.offerPercent) out.push('offer')
  if (figures.marginPercent !== null && figures.marginPercent < limit.marginFloorPercent) out.push('margin')
  return out
}

/** Whether the figures pass the role's hard cap (above it nothing is sent or even requested). */
export const withinCap = (figures: Pick<DiscountFigures, 'itemPercent' | 'offerPercent'>, role: string): boolean =>
  figures.itemPercent <= capOf(role) && figures.offerPercent <= capOf(role)

export interface ApprovalTerms {
  status: ApprovalStatus
  itemPercent: number
  offerPercent: number
  marginPercent: number | null
  approvedLimitPercent: number | null
}

/** The discounts an approval allows: what was asked for, each no higher than the approver's lower limit. */
export function approvedCaps(a: ApprovalTerms): { itemPercent: number; offerPercent: number } {
  const lower = a.approvedLimitPercent ?? Infinity
  return { itemPercent: Math.min(a.itemPercent, lower), offerPercent: Math.min(a.offerPercent, lower) }
}

/**
 * Whether an approval covers the figures: approved, no discount above what it allows, and the margin no lower than
 * the one it was asked for (or within the role's floor). A higher discount afterwards needs a new approval.
 */
export function covers(a: ApprovalTerms, figures: DiscountFigures, limit: RoleLimit): boolean {
  if (a.status !== 'approved') return false
  const caps = approvedCaps(a)
  if (figures.itemPercent > caps.itemPercent || figures.offerPercent > caps.offerPercent) return false
  if (figures.marginPercent === null || figures.marginPercent >= limit.marginFloorPercent) return true
  return a.marginPercent !== null && figures.marginPercent >= a.marginPercent
}

/** The decision columns of an approval: only an approver sets them. */
export const DECISION_COLUMNS = APPROVAL_DECISION_COLUMNS

type Row = Readonly<Record<string, unknown>>
/**
 * Why a decision on an approval is refused, as a message key, or null when it may be made: `before` the stored
 * request, `after` the decision's columns, `userId` who decides. One check for the laptop and the sync server.
 */
export function decisionProblem(before: Row, after: Row, userId: string): string | null {
  if (before.status !== 'requested') return 'errors.approvalAlreadyDecided'
  if (before.requested_by === userId) return 'errors.approvalOwnRequest'
  if (after.decided_by !== userId) return 'errors.approvalDecidedByOther'
  if (after.status === 'declined' && !String(after.decline_reason ?? '').trim()) return 'errors.declineReasonRequired'
  if (after.status !== 'approved' && after.status !== 'declined') return 'errors.invalid'
  const lower = after.approved_limit_percent
  if (after.status === 'approved' && typeof lower === 'number' && lower > Math.max(Number(before.item_percent), Number(before.offer_percent))) return 'errors.approvedLimitTooHigh'
  return null
}
