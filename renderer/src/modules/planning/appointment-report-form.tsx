// The visit report (Besuchsbericht) on the appointment's page, after its end: the report text (a touchpoint on the
// customer's timeline), follow-up tasks (title and due date, on my work list) and, if wanted, the next appointment
// with the same participants — saved together in one change.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useFieldArray, useForm } from 'react-hook-form'
import { z } from 'zod'
import { REPORT_CHANNEL, localDateTimeSchema, type Appointment } from '../../../../shared/modules/planning'
import { daySchema, requiredText } from '../../../../shared/platform/common.schema'
import { CheckboxField, DateField, DateTimeField, FormError, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { addMinutesLocal } from './appointment-fields'

const reportFormSchema = z.object({
  summary: requiredText(10_000),
  tasks: z.array(z.object({ title: requiredText(200), dueDate: daySchema })).max(20, 'errors.tooMany'),
  planNext: z.boolean(),
  nextStartsAt: z.string(),
  nextEndsAt: z.string(),
}).superRefine((f, issues) => {
  if (!f.planNext) return
  for (const field of ['nextStartsAt', 'nextEndsAt'] as const) {
    if (!localDateTimeSchema.safeParse(f[field]).success) issues.addIssue({ code: 'custom', path: [field], message: 'errors.dateTime' })
  }
  if (f.nextEndsAt && f.nextStartsAt && f.nextEndsAt <= f.nextStartsAt) issues.addIssue({ code: 'custom', path: ['nextEndsAt'], message: 'errors.appointmentEndBeforeStart' })
})
type ReportForm = z.infer<typeof reportFormSchema>

/** The server names the next appointment's fields `next.…`; the form has them flat. */
const FIELD_OF: Record<string, string> = { 'next.startsAt': 'nextStartsAt', 'next.endsAt': 'nextEndsAt' }

export function AppointmentReportForm({ appointment: a, onSaved }: { appointment: Appointment; onSaved(): void }) {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<ReportForm>({ resolver: zodResolver(reportFormSchema), defaultValues: { summary: '', tasks: [], planNext: false, nextStartsAt: '', nextEndsAt: '' } })
  const tasks = useFieldArray({ control: form.control, name: 'tasks' })
  const planNext = form.watch('planNext')
  // The next appointment's end follows its start by an hour while the end is empty.
  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      const end = name === 'nextStartsAt' ? addMinutesLocal(values.nextStartsAt ?? '', 60) : null
      if (end && !values.nextEndsAt) form.setValue('nextEndsAt', end)
    })
    return () => subscription.unsubscribe()
  }, [form])

  const onSubmit = form.handleSubmit(async (f) => {
    setFormError(null)
    const participants = { contactIds: a.participants.filter((p) => p.kind === 'contact').map((p) => p.contactId), userIds: a.participants.filter((p) => p.kind === 'user').map((p) => p.userId) }
    const result = await run('appointments.report', {
      id: a.id, channel: REPORT_CHANNEL[a.kind], summary: f.summary,
      tasks: f.tasks.map((task) => ({ companyId: a.companyId, title: task.title, dueDate: task.dueDate, relatedType: a.relatedType, relatedId: a.relatedId })),
      next: f.planNext ? {
        companyId: a.companyId, kind: a.kind, title: a.title, startsAt: f.nextStartsAt, endsAt: f.nextEndsAt, location: a.location, notes: '', ownerId: a.ownerId,
        relatedType: a.relatedType, relatedId: a.relatedId, ...participants,
      } : null,
    })
    if (result.ok) return onSaved()
    const fields = Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([k, v]) => [FIELD_OF[k] ?? k, v]))
    setFormError(showServerErrors(form, { ...result.error, fields }))
  })

  return (
    <section className="card stack" aria-labelledby="report-title" id="report">
      <h2 id="report-title">{t('appointment.report.title')}</h2>
      <p className="muted small">{t('appointment.report.intro')}</p>
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('appointment.report.title')}>
          <FormError message={formError} />
          <TextAreaField name="summary" label={t('appointment.report.summary')} required rows={5} maxLength={10_000} />
          <fieldset>
            <legend>{t('appointment.report.tasks')}</legend>
            {tasks.fields.map((field, n) => (
              <div key={field.id} className="participant-row" role="group" aria-label={t('appointment.report.taskN', { n: n + 1 })}>
                <TextField name={`tasks.${n}.title`} label={t('appointment.report.taskTitle')} required />
                <DateField name={`tasks.${n}.dueDate`} label={t('appointment.report.taskDue')} required />
                <button type="button" className="button button--ghost" onClick={() => tasks.remove(n)}>{t('common.remove')}</button>
              </div>
            ))}
            <button type="button" className="button" onClick={() => tasks.append({ title: '', dueDate: '' })}>{t('appointment.report.addTask')}</button>
          </fieldset>
          <CheckboxField name="planNext" label={t('appointment.report.next')} />
          {planNext ? (
            <div className="form-grid">
              <DateTimeField name="nextStartsAt" label={t('appointment.report.nextStartsAt')} required />
              <DateTimeField name="nextEndsAt" label={t('appointment.report.nextEndsAt')} required />
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy || form.formState.isSubmitting}>{busy ? t('common.saving') : t('appointment.report.save')}</button>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
