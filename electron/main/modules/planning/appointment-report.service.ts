// The visit report (Besuchsbericht) after an appointment, one transaction: the report becomes a touchpoint on the
// customer's timeline (event 'appointment.reported', related to the appointment), the appointment is done and
// points to it, and the follow-up tasks and the next appointment the rep asked for are written with it. The
// tasks are made by the tasks service's own `insertTask` with all of its checks (contact, related record and
// source touchpoint of the customer, a live assignee of the customer's team, not due in the past), each one's
// "Wiedervorlage" source the report's touchpoint; its field errors are named where the task sits in the input
// (`tasks.<n>.ownerId`). The appointment's checks come before the first write; a refused task rolls the
// transaction back, so a refused report writes nothing.
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Appointment, AppointmentFields, TaskFields } from '../../../../shared/modules/planning'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import { berlinLocalToInstant } from '../../../../shared/platform/berlin-time'
import { eventColumns } from '../../../../shared/platform/event-message'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { checkAppointment } from './appointment-checks'
import { loadAppointment, loadPlannedAppointment, participantsOf, toAppointment } from './appointment-rows'
import { insertAppointment } from './appointment-writes'
import { insertTask } from './task.service'

export interface ReportInput {
  id: string
  channel: TouchpointChannel
  summary: string
  tasks: TaskFields[]
  next: AppointmentFields | null
}

/** Runs `write`; a field error it throws is named where the part sits in the report's input (`tasks.0.` + `ownerId`). */
async function atFields<T>(prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields) throw e
    throw new AppError(e.code, e.message, Object.fromEntries(Object.entries(e.fields).map(([field, key]) => [`${prefix}${field}`, key])))
  }
}

export async function reportAppointment(ctx: ServiceContext, input: ReportInput): Promise<Appointment> {
  const now = nowIso(ctx)
  const today = todayOf(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadPlannedAppointment(trx, input.id)
    for (const [n, task] of input.tasks.entries()) {
      if (task.companyId !== row.company_id) throw fieldError(`tasks.${n}.companyId`, 'errors.appointmentTaskCompany')
    }
    if (input.next) {
      if (input.next.companyId !== row.company_id) throw fieldError('next.companyId', 'errors.appointmentTaskCompany')
      await checkAppointment(trx, today, ctx.userId, input.next, 'next.')
    }
    const participants = (await participantsOf(trx, [row.id])).get(row.id) ?? []
    const journey = await trx.selectFrom('company_journey').select('station').where('company_id', '=', row.company_id).executeTakeFirst()
    // On the timeline at the time it took place (the report may be written later), never in the future.
    const started = berlinLocalToInstant(row.starts_at)
    const touchpointId = newId()
    await insertSynced(trx, 'touchpoints', {
      id: touchpointId, company_id: row.company_id, contact_id: participants.find((p) => p.kind === 'contact')?.contactId ?? null,
      occurred_at: started < now ? started : now, channel: input.channel, direction: 'outbound', mode: 'direct', station: journey?.station ?? 'offer',
      summary: input.summary, ...eventColumns('appointment.reported', { title: row.title }), related_type: 'appointment', related_id: row.id, created_by: ctx.userId,
    }, now)
    await updateSynced(trx, 'appointments', row.id, { status: 'done', report_touchpoint_id: touchpointId, sequence: row.sequence + 1 }, now)
    for (const [n, task] of input.tasks.entries()) {
      await atFields(`tasks.${n}.`, () => insertTask(trx, ctx, { ...task, sourceTouchpointId: touchpointId }, now))
    }
    if (input.next) await insertAppointment(trx, ctx, input.next, now)
    await refreshJourney(trx, row.company_id, now)
  })
  const row = await loadAppointment(ctx.db, input.id)
  return toAppointment(row, (await participantsOf(ctx.db, [row.id])).get(row.id) ?? [])
}
