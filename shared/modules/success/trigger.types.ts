// What the trigger channels answer (issue 17).
import type { EventParams } from '../../platform/event-message'
import type { TriggerAction, TriggerSignal } from './trigger.enums'

/** A rule as it holds for the team: the shipped one, or the team's edited row. */
export interface TriggerRuleView {
  signal: TriggerSignal
  enabled: boolean
  threshold: number
  action: TriggerAction
  targetUserId: string
  min: number
  max: number
  /** The team's row exists (edited at least once); false: the shipped rule. */
  edited: boolean
}

export interface TriggerRulesPage {
  rules: TriggerRuleView[]
  /** May this user edit them (manager or admin)? */
  canEdit: boolean
  /** Users who may be notified: managers and admins who are not disabled. */
  managers: Array<{ id: string; name: string }>
}

export interface TriggerFiringView {
  id: string
  signal: TriggerSignal
  firedOn: string
  messageKey: string
  messageParams: EventParams
  action: TriggerAction
  taskId: string | null
  taskStatus: 'open' | 'done' | 'cancelled' | null
  assigneeName: string
  /** For a proposed mail: the record it is about. */
  relatedType: 'offer' | 'contract' | 'case' | null
  relatedId: string | null
}

export interface TriggerCounts {
  fired: number
  tasks: number
  done: number
}

export interface TriggerReport {
  rows: Array<TriggerCounts & { signal: TriggerSignal }>
  total: TriggerCounts
}
