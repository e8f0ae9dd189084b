// Inputs of the one work list: reminders of every source, addressed by (source, item id).
import { z } from 'zod'
import { daySchema, optionalIdSchema, requiredText } from '../../platform/common.schema'
import { LANGUAGES, TOUCHPOINT_CHANNELS } from '../customers'
import { WORK_LIST_MAX, WORK_LIST_PAGE, WORK_LIST_WHEN } from './worklist.filters'

/** Work-list days live in 1900–2199 (daySchema): the horizon (today + 14 days) stays far inside the calendar's range. */
const dateSchema = daySchema

export const workListQuerySchema = z.object({
  ownerId: optionalIdSchema,
  today: dateSchema.optional(),
  when: z.enum(WORK_LIST_WHEN, 'errors.invalidChoice').default('all'),
  /** Entries per section; the counts are always complete. */
  limit: z.number('errors.number').int('errors.integer').min(1, 'errors.tooSmall').max(WORK_LIST_MAX, 'errors.tooLarge').default(WORK_LIST_PAGE),
})
/** The calendar file is written in the language of whoever exports it. */
export const workListIcsQuerySchema = z.object({ ownerId: optionalIdSchema, language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de') })

/** An entry of the work list: its `source` and its `id`, exactly as the list returned them. */
const itemRef = { source: z.string().trim().min(1).max(40), id: z.string().trim().min(1).max(120) }

export const workListCompleteSchema = z.object({
  ...itemRef,
  channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice'),
  outcome: requiredText(2000),
})
export const workListSnoozeSchema = z.object({ ...itemRef, until: dateSchema })
