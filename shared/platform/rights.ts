// Who may do what (issue 18): one matrix of roles and actions, and which actions a change of a synced row needs.
// The laptop's single write path for synced rows asks it before anything is written (db/platform/rights-guard.ts),
// the screens ask `may` to disable what a role may not do (renderer/src/lib/use-rights.ts), and the sync server asks
// it for every pushed operation (server/sync/push.ts) — the same matrix everywhere, so a hand-crafted push is
// refused exactly where the screen would have refused the click.
//
// A platform piece, not a module: every module's services use it, and it names tables and statuses as the
// stored strings (tests/unit/rights.test.ts checks them against the modules' own lists).

export const ROLES = ['field_sales', 'inside_sales', 'service', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ACTIONS = [
  /** Create and change offers, their items and revisions; send, decide, withdraw them. */
  'offers.write',
  /** Delete an offer that was won. */
  'offers.deleteWon',
  /** Create and change contracts and their items; cancel, continue, renew them. */
  'contracts.write',
  /** Delete a contract that is still running (active, renewed, or cancelled but not yet ended). */
  'contracts.deleteRunning',
  /** Change the price list (products). */
  'prices.write',
  /** Change the team's settings: health weights, early-warning rules, and the other team rules. */
  'teamSettings.write',
  /** Decide a request to approve an offer's discounts over the requester's limits (never one's own request). */
  'discounts.approve',
  /** Give a discount above the hard cap (DISCOUNT_HARD_CAP): refused outright for everyone else, not even requestable. */
  'discounts.beyondCap',
  /** Create, change and disable users, reset their passwords (the sync server's administration). */
  'users.manage',
  /** See the people and devices of the organisation and create teams (the sync server's administration). */
  'teams.manage',
  /** Move a company, with everything hanging off it, to another team (its `team_id`). */
  'companies.move',
  /** Work the lead inbox (issue 19): qualify, assign, convert or reject a lead — inside sales and their managers. */
  'leads.work',
] as const
export type Action = (typeof ACTIONS)[number]

const SALES: readonly Role[] = ['field_sales', 'inside_sales', 'manager', 'admin']
const LEADS: readonly Role[] = ['manager', 'admin']

/** The roles that may take each action. Service works cases, not prices, offers or contracts. */
export const RIGHTS: Readonly<Record<Action, readonly Role[]>> = {
  'offers.write': SALES,
  'offers.deleteWon': LEADS,
  'contracts.write': SALES,
  'contracts.deleteRunning': LEADS,
  'prices.write': SALES,
  'teamSettings.write': LEADS,
  'discounts.approve': LEADS,
  'discounts.beyondCap': LEADS,
  'users.manage': ['admin'],
  'teams.manage': LEADS,
  'companies.move': LEADS,
  'leads.work': ['inside_sales', 'manager', 'admin'],
}

/** What the signed-in user may do, for the screens: `role` null on a device never connected (its one user may all). */
export interface MyRights {
  role: Role | '' | null
  allowed: Action[]
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)
/** Whether `role` may take `action`; an unknown role may take none. */
export const may = (role: string, action: Action): boolean => isRole(role) && RIGHTS[action].includes(role)

/** The message key that says why an action is refused (shown at the refused button and on hover). */
export const deniedKey = (action: Action): `rights.denied.${Action}` => `rights.denied.${action}`

type Row = Readonly<Record<string, unknown>>

/** Contract statuses of a running contract (RUNNING_CONTRACT_STATUSES of the contracts module). */
const RUNNING_CONTRACT = ['active', 'renewed', 'cancelled_customer', 'cancelled_us']

/**
 * Columns every laptop writes alike from the date alone, for any user: the daily contract roll (a tacit renewal
 * or the end of a contract) and an offer's expiry. Such an update needs no right; anything more does.
 */
const ROLLED_CONTRACT_COLUMNS = ['status', 'term_start', 'end_date', 'cancel_by', 'terms_log', 'review_due', 'review_done_at', 'final_due', 'final_done_at']
const EXPIRED_OFFER_COLUMNS = ['status', 'closed_at']

/** The highest discount (item or offer, in %) anyone but the roles with `discounts.beyondCap` may give. */
export const DISCOUNT_HARD_CAP = 50
/** The decision columns of a discount approval (offer_approvals): only an approver sets them. */
export const APPROVAL_DECISION_COLUMNS = ['status', 'decided_by', 'decided_at', 'approved_limit_percent', 'decline_reason'] as const

/** A discount column set above the hard cap by this change. */
const beyondCap = (changed: readonly string[], after: Row, column: string) => changed.includes(column) && Number(after[column]) > DISCOUNT_HARD_CAP
const withCap = (actions: Action[], over: boolean): Action[] => over ? [...actions, 'discounts.beyondCap'] : actions

const onlyColumns = (changed: readonly string[], allowed: readonly string[]) => changed.length > 0 && changed.every((c) => allowed.includes(c))
/** A roll: only the term's columns, a status only to renewed or ended, a reminder only reopened (never marked done). */
const isRoll = (changed: readonly string[], after: Row) => onlyColumns(changed, ROLLED_CONTRACT_COLUMNS)
  && (!changed.includes('status') || after.status === 'renewed' || after.status === 'ended')
  && after.review_done_at == null && after.final_done_at == null

/**
 * The actions a change of a synced row needs: `before` is the row as it was (null for an insert), `changed` the
 * columns an update sets and `after` their new values.
 */
export function actionsOfChange(table: string, kind: 'insert' | 'update' | 'delete', before: Row | null, changed: readonly string[], after: Row): Action[] {
  switch (table) {
    case 'offers':
      if (kind === 'delete') return before?.status === 'won' ? ['offers.write', 'offers.deleteWon'] : ['offers.write']
      if (kind === 'update' && onlyColumns(changed, EXPIRED_OFFER_COLUMNS) && after.status === 'expired') return []
      return withCap(['offers.write'], beyondCap(changed, after, 'offer_discount_percent'))
    case 'offer_items':
      return withCap(['offers.write'], kind !== 'delete' && beyondCap(changed, after, 'discount_percent'))
    case 'offer_revisions':
      return ['offers.write']
    case 'offer_approvals':
      // A request is part of working on offers; its decision is an approver's (insert-time decisions included).
      if (kind === 'insert') return after.status === undefined || after.status === 'requested' ? ['offers.write'] : ['discounts.approve']
      if (kind === 'update' && changed.some((c) => (APPROVAL_DECISION_COLUMNS as readonly string[]).includes(c))) return ['discounts.approve']
      return ['offers.write']
    case 'contracts':
      if (kind === 'delete') return RUNNING_CONTRACT.includes(String(before?.status)) ? ['contracts.write', 'contracts.deleteRunning'] : ['contracts.write']
      if (kind === 'update' && isRoll(changed, after)) return []
      return ['contracts.write']
    case 'contract_items':
      return ['contracts.write']
    case 'products':
      return ['prices.write']
    case 'companies':
      return kind === 'update' && changed.includes('team_id') ? ['companies.move'] : []
    case 'leads':
      // A laptop changes only a lead's decision and qualification columns (clientUpdatable): all of it lead work.
      return kind === 'update' ? ['leads.work'] : []
    case 'team_settings':
    case 'trigger_rules':
      return ['teamSettings.write']
    default:
      return []
  }
}

/** The first action of a change `role` may not take, or null when it may make the change. */
export function refusedAction(role: string, table: string, kind: 'insert' | 'update' | 'delete', before: Row | null, changed: readonly string[], after: Row): Action | null {
  return actionsOfChange(table, kind, before, changed, after).find((action) => !may(role, action)) ?? null
}
