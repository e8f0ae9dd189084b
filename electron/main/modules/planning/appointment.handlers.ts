// Placeholder (issue 16): replaced by the module's handlers.
import type { HandlerMap } from '../../ipc/handler-types'
import { AppError } from '../../../../shared/platform/result'

type Channels = 'appointments.list' | 'appointments.get' | 'appointments.week' | 'appointments.create' | 'appointments.update' | 'appointments.cancel' | 'appointments.report' | 'appointments.invitation' | 'reminders.due'
const notYet = async (): Promise<never> => { throw new AppError('internal', 'errors.internal') }

export const appointmentHandlers = {
  'appointments.list': notYet,
  'appointments.get': notYet,
  'appointments.week': notYet,
  'appointments.create': notYet,
  'appointments.update': notYet,
  'appointments.cancel': notYet,
  'appointments.report': notYet,
  'appointments.invitation': notYet,
  'reminders.due': notYet,
} satisfies Pick<HandlerMap, Channels>
