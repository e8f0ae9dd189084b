// Tasks and appointments (issue 16): the rep's own day beside the reminders the app computes.

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
/** Open tasks are on the work list; done and cancelled ones are history. */
export const OPEN_TASK_STATUSES = ['open'] as const satisfies readonly TaskStatus[]

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const
export type TaskPriority = (typeof TASK_PRIORITIES)[number]

/** Repeating tasks (key-account calls): every N weeks or months; the next one is made when one is done. */
export const TASK_RECURRENCES = ['none', 'weekly', 'monthly'] as const
export type TaskRecurrence = (typeof TASK_RECURRENCES)[number]

/** The record a task or an appointment may belong to besides its customer. */
export const PLANNING_RELATED_TYPES = ['offer', 'contract', 'case'] as const
export type PlanningRelatedType = (typeof PLANNING_RELATED_TYPES)[number]

export const APPOINTMENT_KINDS = ['visit', 'call', 'video'] as const
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number]

export const APPOINTMENT_STATUSES = ['planned', 'done', 'cancelled'] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]
