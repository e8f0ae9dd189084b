// Handlers of appointments, the week view, the visit report, the invitation file and the reminders due now.
import type { HandlerMap } from '../../ipc/handler-types'
import {
  cancelAppointment, createAppointment, dueReminders, getAppointment, invitationFile, listAppointments, reportAppointment, updateAppointment, weekView,
} from './appointment.service'

type Channels = 'appointments.list' | 'appointments.get' | 'appointments.week' | 'appointments.create' | 'appointments.update' | 'appointments.cancel' | 'appointments.report' | 'appointments.invitation' | 'reminders.due'

export const appointmentHandlers = {
  'appointments.list': ({ ctx }, q) => listAppointments(ctx, q),
  'appointments.get': ({ ctx }, { id }) => getAppointment(ctx, id),
  'appointments.week': ({ ctx }, q) => weekView(ctx, q),
  'appointments.create': ({ ctx }, fields) => createAppointment(ctx, fields),
  'appointments.update': ({ ctx }, { id, fields }) => updateAppointment(ctx, id, fields),
  'appointments.cancel': ({ ctx }, { id }) => cancelAppointment(ctx, id),
  'appointments.report': ({ ctx }, input) => reportAppointment(ctx, input),
  'appointments.invitation': ({ ctx }, { id }) => invitationFile(ctx, id),
  'reminders.due': ({ ctx }) => dueReminders(ctx),
} satisfies Pick<HandlerMap, Channels>
