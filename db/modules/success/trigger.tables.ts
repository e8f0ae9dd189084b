// Early-warning triggers (issue 17): a team's edits of the shipped rules, and each firing (synced with the company).
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { PlanningRelatedType } from '../../../shared/modules/planning'
import type { TriggerAction, TriggerSignal } from '../../../shared/modules/success'

export interface TriggerRuleTable extends SyncColumns {
  /** The team whose rule it is (its sync scope). */
  team_id: Default<string>
  signal: TriggerSignal
  enabled: Default<number>
  threshold: number
  action: Default<TriggerAction>
  /** The manager told (action notify_manager). */
  target_user_id: Default<string | null>
  updated_by: Default<string>
}

export interface TriggerFiringTable extends SyncColumns {
  company_id: string
  signal: TriggerSignal
  /** What it fired about: the feedback, the complaint, the contract and its cancel-by date, the offer, the silence. */
  occasion: string
  fired_on: string
  action: Default<TriggerAction>
  /** Whose work list the task is on ('' when the customer has no owner). */
  assignee_id: Default<string>
  task_id: Default<string | null>
  related_type: Default<PlanningRelatedType | null>
  related_id: Default<string | null>
  /** Why it fired: a message key of TRIGGER_REASON_EVENTS and its JSON parameters. */
  message_key: string
  message_params: Default<string>
}
