// Tasks (Aufgaben, issue 16): the rep's own to-dos beside the reminders the app computes.
import { z } from 'zod'
import { daySchema, idSchema, optionalIdSchema, requiredIdSchema, requiredText, text } from '../../platform/common.schema'
import { TOUCHPOINT_CHANNELS } from '../customers'
import type { WorkItemBase } from '../../platform/work-item'
import { parseEventParams, type MessageRef, type RegisteredEventKey } from '../../platform/event-message'
import { PLANNING_RELATED_TYPES, TASK_PRIORITIES, TASK_RECURRENCES, type PlanningRelatedType, type TaskPriority, type TaskRecurrence, type TaskStatus } from './planning.enums'

/** A time of day, "HH:MM" (Berlin), or '' for none. */
export const timeOfDaySchema = z.union([z.literal(''), z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time')], 'errors.time').default('')

export const taskFieldsSchema = z.object({
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  relatedType: z.union([z.enum(PLANNING_RELATED_TYPES), z.literal('')], 'errors.invalidChoice').default(''),
  relatedId: optionalIdSchema,
  title: requiredText(200),
  notes: text(5000),
  dueDate: daySchema,
  dueTime: timeOfDaySchema,
  priority: z.enum(TASK_PRIORITIES, 'errors.invalidChoice').default('normal'),
  /** Whose work list it is on; empty: the current user. */
  ownerId: optionalIdSchema,
  recurrence: z.enum(TASK_RECURRENCES, 'errors.invalidChoice').default('none'),
  recurrenceInterval: z.number('errors.number').int('errors.number').min(1, 'errors.taskRecurrenceInterval').max(52, 'errors.taskRecurrenceInterval').default(1),
  /** A repeating task ends on a day or after a number of times; one of them is required. */
  recurrenceUntil: z.union([daySchema, z.literal('')], 'errors.date').default(''),
  recurrenceCount: z.number('errors.number').int('errors.number').min(2, 'errors.taskRecurrenceCount').max(500, 'errors.taskRecurrenceCount').nullable().default(null),
  /** "Wiedervorlage": the touchpoint it was created from. */
  sourceTouchpointId: optionalIdSchema,
}).strict().superRefine((t, issues) => {
  if (t.relatedType && !t.relatedId) issues.addIssue({ code: 'custom', path: ['relatedId'], message: 'errors.required' })
  if (t.recurrence !== 'none' && !t.recurrenceUntil && t.recurrenceCount === null) {
    issues.addIssue({ code: 'custom', path: ['recurrenceUntil'], message: 'errors.taskRecurrenceEnd' })
  }
  if (t.recurrence !== 'none' && t.recurrenceUntil && t.recurrenceUntil < t.dueDate) issues.addIssue({ code: 'custom', path: ['recurrenceUntil'], message: 'errors.taskRecurrenceUntilBeforeDue' })
})
export const taskUpdateSchema = z.object({ id: idSchema, fields: taskFieldsSchema }).strict()
export const taskIdSchema = z.object({ id: idSchema }).strict()
export const taskCompleteSchema = z.object({
  id: idSchema,
  channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice').default('phone'),
  outcome: requiredText(2000),
}).strict()
export const taskListSchema = z.object({
  companyId: idSchema.optional(),
  relatedType: z.enum(PLANNING_RELATED_TYPES).optional(),
  relatedId: idSchema.optional(),
  ownerId: idSchema.optional(),
  status: z.enum(['open', 'all']).default('open'),
}).strict()
export type TaskFields = z.output<typeof taskFieldsSchema>
export type TaskListQuery = z.output<typeof taskListSchema>

export interface Task {
  id: string
  companyId: string
  companyName: string
  contactId: string
  contactName: string
  relatedType: PlanningRelatedType | ''
  relatedId: string
  /** The related record's number or subject, for a link ('' for none). */
  relatedLabel: string
  title: string
  /** A title the app made (an early warning's next step), to render in the reader's language; null for a typed one. */
  titleRef: MessageRef | null
  notes: string
  /** Why the app made it (an early warning's rule and reason), in the reader's language; null for others. */
  noteRef: MessageRef | null
  dueDate: string
  dueTime: string
  priority: TaskPriority
  ownerId: string
  ownerName: string
  status: TaskStatus
  doneAt: string | null
  outcome: string
  touchpointId: string
  recurrence: TaskRecurrence
  recurrenceInterval: number
  recurrenceUntil: string
  recurrenceCount: number | null
  /** Which occurrence of its series this is (1 for the first or a single task). */
  occurrence: number
  seriesId: string
  sourceTouchpointId: string
  createdBy: string
  /** Who made it ('' when unknown); on the work list "von …" when it is not the owner. */
  createdByName: string
  createdAt: string
}

/** An open task on its owner's work list; `id` is the task's id. */
export interface TaskItem extends WorkItemBase {
  source: 'task'
  kind: 'task'
  title: string
  titleRef: MessageRef | null
  dueTime: string
  priority: TaskPriority
  createdBy: string
  createdByName: string
  relatedType: PlanningRelatedType | ''
  relatedId: string
}

/**
 * The stored title key of a task the app made as a message to render, wrapped in `task.title` (the key and its
 * parameters side by side, so a wrapped step is rendered too); null for a title a user typed.
 */
export const storedTitleRef = (key: string, params: string): MessageRef | null =>
  key ? { key: 'task.title' satisfies RegisteredEventKey, params: { ...parseEventParams(params), title: key } } : null

// The rules of repeating tasks travel with the schema through the module's entry.
export * from './task.rules'
