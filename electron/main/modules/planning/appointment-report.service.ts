// The visit report (Besuchsbericht) after an appointment, one transaction: the report becomes a touchpoint on the
// customer's timeline (event 'appointment.reported', related to the appointment), the appointment is done and
// points to it, and the follow-up tasks and the next appointment the rep asked for are written with it. The
// tasks are plain rows of the tasks table (the tasks service belongs to its own use cases): each one's
// "Wiedervorlage" source is the report's touchpoint. Every check comes before the first write.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Appointment, AppointmentFields, TaskFields } from '../../../../shared/modules/planning'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import { berlinLocalToInstant } from '../../../../shared/platform/berlin-time'
import { eventColumns } from '../../../../shared/platform/event-message'
import { fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { checkAppointment } from './appointment-checks'
import { loadAppointment, loadPlannedAppointment, participantsOf, toAppointment } from './appointment-rows'
import { insertAppointment } from './appointment-writes'

export interface ReportInput {
  id: string
  channel: TouchpointChannel
  summary: string
  tasks: TaskFields[]
  next: AppointmentFields | null
}

/** A follow-up task's references, at its field (`tasks.<n>.…`): the appointment's company, its contact, a live owner, not due in the past. */
async function checkTask(trx: Transaction<Database>, today: string, companyId: string, t: TaskFields, n: number): Promise<void> {
  const at = (field: string) => `tasks.${n}.${field}`
  if (t.companyId !== companyId) throw fieldError(at('companyId'), 'errors.appointmentTaskCompany')
  if (t.dueDate < today) throw fieldError(at('dueDate'), 'errors.appointmentTaskDuePast')
  if (t.contactId) {
    const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', t.contactId).where('deleted_at', 'is', null).executeTakeFirst()
    if (contact?.company_id !== companyId) throw fieldError(at('contactId'), 'errors.contactNotOfCompany')
  }
  if (t.ownerId) {
    const owner = await trx.selectFrom('users').select('id').where('id', '=', t.ownerId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!owner) throw fieldError(at('ownerId'), 'errors.appointmentOwnerUnknown')
  }
}

/** A task row as the tasks service writes one: the first (and for a single task only) occurrence. */
function taskRow(ctx: ServiceContext, t: TaskFields, sourceTouchpointId: string) {
  const id = newId()
  return {
    id, company_id: t.companyId, contact_id: t.contactId || null, related_type: t.relatedType || null, related_id: t.relatedType ? t.relatedId : null,
    title: t.title, notes: t.notes, due_date: t.dueDate, due_time: t.dueTime || null, priority: t.priority, owner_id: t.ownerId || ctx.userId,
    recurrence: t.recurrence, recurrence_interval: t.recurrenceInterval, recurrence_until: t.recurrenceUntil || null, recurrence_count: t.recurrenceCount,
    occurrence: 1, series_id: t.recurrence === 'none' ? null : id, source_touchpoint_id: sourceTouchpointId, created_by: ctx.userId,
  }
}

export async function reportAppointment(ctx: ServiceContext, input: ReportInput): Promise<Appointment> {
  const now = nowIso(ctx)
  const today = todayOf(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadPlannedAppointment(trx, input.id)
    for (const [n, task] of input.tasks.entries()) await checkTask(trx, today, row.company_id, task, n)
    if (input.next) {
      if (input.next.companyId !== row.company_id) throw fieldError('next.companyId', 'errors.appointmentTaskCompany')
      await checkAppointment(trx, today, input.next, 'next.')
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
    for (const task of input.tasks) await insertSynced(trx, 'tasks', taskRow(ctx, task, touchpointId), now)
    if (input.next) await insertAppointment(trx, ctx, input.next, now)
    await refreshJourney(trx, row.company_id, now)
  })
  const row = await loadAppointment(ctx.db, input.id)
  return toAppointment(row, (await participantsOf(ctx.db, [row.id])).get(row.id) ?? [])
}
