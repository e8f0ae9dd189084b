// Early-warning triggers (issue 17): the signals a rule watches, the actions it takes. A signal is one entry
// (its key, the range and default of its threshold, whether the daily roll evaluates it); its SQL per company
// lives in db/modules/success/trigger-signals.ts; the health score's "below 40" is one of them.
import { RECONTACT_REASONS } from '../offers'
import { TEAM_SETTING_EDITORS } from './team-settings'

export const TRIGGER_SIGNALS = ['detractor', 'complaints', 'cancel_by', 'no_touchpoint', 'lost_revival', 'health_low'] as const
export type TriggerSignal = (typeof TRIGGER_SIGNALS)[number]

export const TRIGGER_ACTIONS = ['task_owner', 'notify_manager', 'propose_mail'] as const
export type TriggerAction = (typeof TRIGGER_ACTIONS)[number]

/** Roles that may edit the team's rules: those that edit the team's settings (the server checks the same list). */
export const TRIGGER_EDITOR_ROLES: readonly string[] = TEAM_SETTING_EDITORS

export interface SignalDefinition {
  /** The threshold's range (inclusive, whole numbers) and the shipped value. */
  readonly min: number
  readonly max: number
  readonly threshold: number
  /** The shipped action. */
  readonly action: TriggerAction
  /** Date-based: the date alone can make it fire, so the daily roll evaluates it for every customer. */
  readonly dated: boolean
}

/**
 * The shipped rules, one per signal, each with its threshold's meaning:
 * - detractor: an NPS answer at or below the threshold (0–10, shipped 6);
 * - complaints: the threshold-th complaint within 90 days (2–20, shipped 2);
 * - cancel_by: a running contract's cancel-by date within the threshold in days and no renewal offer (1–365, 60);
 * - no_touchpoint: no touchpoint for the threshold times the segment's norm (1–10, shipped 2);
 * - lost_revival: re-approach a customer lost to a competitor the threshold in months before that competitor's
 *   typical term ends (0–24, shipped 3); lost for "timing" or "no budget": at the date the customer named;
 * - health_low: the customer's health score below the threshold (1–99, shipped 40); date-based too, since the daily
 *   recompute moves scores (days since the last touchpoint, a cancel-by date coming near).
 */
export const SIGNALS: Readonly<Record<TriggerSignal, SignalDefinition>> = {
  detractor: { min: 0, max: 10, threshold: 6, action: 'task_owner', dated: false },
  complaints: { min: 2, max: 20, threshold: 2, action: 'task_owner', dated: false },
  cancel_by: { min: 1, max: 365, threshold: 60, action: 'task_owner', dated: true },
  no_touchpoint: { min: 1, max: 10, threshold: 2, action: 'task_owner', dated: true },
  lost_revival: { min: 0, max: 24, threshold: 3, action: 'task_owner', dated: false },
  health_low: { min: 1, max: 99, threshold: 40, action: 'task_owner', dated: true },
}

/** The window of complaints counted by the "second complaint" rule. */
export const COMPLAINT_WINDOW_DAYS = 90
/**
 * A fact older than this does not fire any more (a laptop syncing a year of history for the first time, or the
 * first roll after an update, must not flood the work list with tasks about old answers).
 */
export const FRESH_DAYS = 30
/**
 * A competitor's typical contract term. Competitors are free text on the lost offer, so there is no catalogue:
 * every competitor is held to this default.
 */
export const COMPETITOR_TERM_MONTHS = 36
/** Lost reasons that bring a re-contact at the date the customer named. */
export const REVIVAL_REASONS = RECONTACT_REASONS

export const isTriggerSignal = (value: string): value is TriggerSignal => (TRIGGER_SIGNALS as readonly string[]).includes(value)
