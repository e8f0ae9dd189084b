// Appointments (Termine, issue 16): visits, calls and video meetings with a customer. Times are German wall-clock
// times, "YYYY-MM-DDTHH:MM" in Europe/Berlin (as the date-time field gives them); the calendar feed and the
// reminders turn them into instants (`berlinLocalToInstant`).
import { z } from 'zod'
import { daySchema, idSchema, optionalIdSchema, requiredIdSchema, requiredText, text } from '../../platform/common.schema'
import { TOUCHPOINT_CHANNELS, type BuyingRole } from '../customers'
import { APPOINTMENT_KINDS, PLANNING_RELATED_TYPES, type AppointmentKind, type AppointmentStatus, type PlanningRelatedType } from './planning.enums'
import { taskFieldsSchema } from './task.schema'

const LOCAL_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/
/** A German wall-clock time, "YYYY-MM-DDTHH:MM". */
export const localDateTimeSchema = z.string('errors.dateTime').trim().regex(LOCAL_TIME, 'errors.dateTime')

export const appointmentFieldsSchema = z.object({
  companyId: requiredIdSchema,
  kind: z.enum(APPOINTMENT_KINDS, 'errors.invalidChoice').default('visit'),
  title: requiredText(200),
  startsAt: localDateTimeSchema,
  endsAt: localDateTimeSchema,
  /** Where: empty takes the customer's address for a visit. */
  location: text(500),
  notes: text(5000),
  ownerId: optionalIdSchema,
  relatedType: z.union([z.enum(PLANNING_RELATED_TYPES), z.literal('')], 'errors.invalidChoice').default(''),
  relatedId: optionalIdSchema,
  /** Participants: contacts of the customer's buying center and colleagues. */
  contactIds: z.array(idSchema).max(50, 'errors.tooMany').default([]),
  userIds: z.array(idSchema).max(50, 'errors.tooMany').default([]),
}).strict().superRefine((a, issues) => {
  if (LOCAL_TIME.test(a.startsAt) && LOCAL_TIME.test(a.endsAt) && a.endsAt <= a.startsAt) issues.addIssue({ code: 'custom', path: ['endsAt'], message: 'errors.appointmentEndBeforeStart' })
  if (a.relatedType && !a.relatedId) issues.addIssue({ code: 'custom', path: ['relatedId'], message: 'errors.required' })
})
export const appointmentUpdateSchema = z.object({ id: idSchema, fields: appointmentFieldsSchema }).strict()
export const appointmentIdSchema = z.object({ id: idSchema }).strict()
/** How far ahead an appointment may be planned: two years (a date ten years ahead is a typing slip). */
export const APPOINTMENT_MAX_YEARS_AHEAD = 2
/** The channel a visit report is recorded with, by the appointment's kind. */
export const REPORT_CHANNEL: Record<AppointmentKind, (typeof TOUCHPOINT_CHANNELS)[number]> = { visit: 'visit', call: 'phone', video: 'video_call' }

/** The visit report after an appointment: a touchpoint, and optionally follow-up tasks and the next appointment. */
export const appointmentReportSchema = z.object({
  id: idSchema,
  channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice').default('visit'),
  summary: requiredText(10_000),
  tasks: z.array(taskFieldsSchema).max(20, 'errors.tooMany').default([]),
  next: appointmentFieldsSchema.nullable().default(null),
}).strict()
export const appointmentListSchema = z.object({
  companyId: idSchema.optional(),
  /** A range of German days (inclusive), for the week view. */
  from: z.iso.date('errors.date').optional(),
  to: z.iso.date('errors.date').optional(),
  ownerId: idSchema.optional(),
  status: z.enum(['planned', 'all']).default('all'),
}).strict()
/** The week view: my appointments and tasks of the week `weekStart` lies in ('' for this week, on the app's clock). */
export const weekQuerySchema = z.object({ weekStart: z.union([daySchema, z.literal('')], 'errors.date').default(''), ownerId: optionalIdSchema }).strict()
export type AppointmentFields = z.output<typeof appointmentFieldsSchema>
export type AppointmentListQuery = z.output<typeof appointmentListSchema>

export interface AppointmentParticipant {
  id: string
  /** A contact of the customer (`contactId` set), or a colleague (`userId` set). */
  kind: 'contact' | 'user'
  contactId: string
  userId: string
  name: string
  /** The contact's function, the colleague's role; '' if none. */
  role: string
  /** The contact's role in the buying center ('' for a colleague or none). */
  buyingRole: BuyingRole | ''
  email: string
}

export interface Appointment {
  id: string
  companyId: string
  companyName: string
  kind: AppointmentKind
  title: string
  startsAt: string
  endsAt: string
  location: string
  notes: string
  ownerId: string
  ownerName: string
  status: AppointmentStatus
  relatedType: PlanningRelatedType | ''
  relatedId: string
  participants: AppointmentParticipant[]
  /** The visit report's touchpoint, once reported. */
  reportTouchpointId: string
  /** iCalendar SEQUENCE: grows with every change of time, place or status. */
  sequence: number
  createdAt: string
}
