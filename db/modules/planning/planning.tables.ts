// Tasks and appointments (issue 16), synced with the company.
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { AppointmentKind, AppointmentStatus, PlanningRelatedType, TaskPriority, TaskRecurrence, TaskStatus } from '../../../shared/modules/planning'

export interface TaskTable extends SyncColumns {
  company_id: string
  contact_id: Default<string | null>
  related_type: Default<PlanningRelatedType | null>
  related_id: Default<string | null>
  title: string
  /** A task the app made: its title as a message key (TASK_TITLE_KEYS) and parameters; '' for a title a user typed. */
  title_key: Default<string>
  title_params: Default<string>
  notes: Default<string>
  due_date: string
  /** "HH:MM" German time, or null for a task due some time that day. */
  due_time: Default<string | null>
  priority: Default<TaskPriority>
  /** Whose work list it is on (the assignee). */
  owner_id: string
  status: Default<TaskStatus>
  done_at: Default<string | null>
  outcome: Default<string>
  /** The touchpoint its outcome became. */
  touchpoint_id: Default<string | null>
  /** "Wiedervorlage": the touchpoint it was created from. */
  source_touchpoint_id: Default<string | null>
  recurrence: Default<TaskRecurrence>
  recurrence_interval: Default<number>
  recurrence_until: Default<string | null>
  recurrence_count: Default<number | null>
  /** Which occurrence of its series (1-based). */
  occurrence: Default<number>
  /** The first task of a repeating series (null for a single task). */
  series_id: Default<string | null>
  created_by: Default<string>
  /** The early-warning firing that made it (migration 019; its id is derived from the firing's). */
  trigger_firing_id: Default<string | null>
}

export interface AppointmentTable extends SyncColumns {
  company_id: string
  kind: Default<AppointmentKind>
  title: string
  /** German wall-clock time "YYYY-MM-DDTHH:MM". */
  starts_at: string
  ends_at: string
  location: Default<string>
  notes: Default<string>
  owner_id: string
  status: Default<AppointmentStatus>
  related_type: Default<PlanningRelatedType | null>
  related_id: Default<string | null>
  report_touchpoint_id: Default<string | null>
  /** iCalendar SEQUENCE: +1 with every change of time, place or status. */
  sequence: Default<number>
  created_by: Default<string>
}

/** A participant: a contact of the customer or a colleague (exactly one of the two). */
export interface AppointmentParticipantTable extends SyncColumns {
  appointment_id: string
  company_id: string
  contact_id: Default<string | null>
  user_id: Default<string | null>
}
