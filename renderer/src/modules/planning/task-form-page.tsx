// A task (Aufgabe), new or changed: what, when (a day "TT.MM.JJJJ" and optionally a time "HH:MM"), how urgent,
// for whom (me by default, or a colleague — it reaches their laptop by sync), which contact, and whether it
// repeats (every N weeks or months, until a day or for a number of tasks). Opened from a record's page with the
// record in the query (/tasks/new?companyId=&contactId=&relatedType=&relatedId=&sourceTouchpointId=), from the
// work list without one (the customer is picked), or as /tasks/:id/edit.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import type { z } from 'zod'
import { PLANNING_RELATED_TYPES, TASK_PRIORITIES, TASK_RECURRENCES, taskFieldsSchema, type PlanningRelatedType, type Task, type TaskFields } from '../../../../shared/modules/planning'
import { maxLengthOf } from '../../../../shared/platform/common.schema'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { CompanyPicker } from '../../components/company-picker'
import { DateField, FormError, NumberField, SaveCancel, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

type TaskFormInput = z.input<typeof taskFieldsSchema>

const schemaResolver = zodResolver(taskFieldsSchema)
/** The channel's schema; an empty "oder nach … Aufgaben" is no count (NumberField holds NaN for an empty field). */
const resolver: Resolver<TaskFormInput, unknown, TaskFields> = (values, context, options) =>
  schemaResolver({ ...values, recurrenceCount: Number.isNaN(values.recurrenceCount) ? null : values.recurrenceCount }, context, options)

/** A title the app made is shown in the reader's language; saved unchanged, it stays the app's (its key). */
const fieldsOf = (task: Task, title: string): TaskFormInput => ({
  companyId: task.companyId, contactId: task.contactId, relatedType: task.relatedType, relatedId: task.relatedId, title, notes: task.notes,
  dueDate: task.dueDate, dueTime: task.dueTime, priority: task.priority, ownerId: task.ownerId, recurrence: task.recurrence, recurrenceInterval: task.recurrenceInterval,
  recurrenceUntil: task.recurrenceUntil, recurrenceCount: task.recurrenceCount, sourceTouchpointId: task.sourceTouchpointId,
})

/** Where the form came from, and where it returns after saving or cancelling. */
function backTo(id: string | undefined, companyId: string, relatedType: PlanningRelatedType | '', relatedId: string): string {
  if (id) return `/tasks/${id}`
  if (relatedType && relatedId) return `/${relatedType === 'case' ? 'cases' : `${relatedType}s`}/${relatedId}`
  return companyId ? `/companies/${companyId}` : '/follow-ups'
}

export function TaskFormPage() {
  const { id } = useParams()
  const existing = useData('tasks.get', id ? { id } : null)
  if (id && existing.error) return <section className="page"><LoadError message={existing.error} /></section>
  if (id && !existing.data) return null
  return <TaskForm key={id ?? 'new'} task={existing.data ?? null} />
}

function TaskForm({ task }: { task: Task | null }) {
  const { t, enumLabel, taskTitle } = useI18n()
  const { run } = useAction()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const [formError, setFormError] = useState<string | null>(null)
  const relatedParam = params.get('relatedType') ?? ''
  const form = useForm<TaskFormInput, unknown, TaskFields>({
    resolver,
    defaultValues: task ? fieldsOf(task, taskTitle(task)) : {
      companyId: params.get('companyId') ?? '', contactId: params.get('contactId') ?? '',
      relatedType: isOneOf(PLANNING_RELATED_TYPES, relatedParam) ? relatedParam : '', relatedId: params.get('relatedId') ?? '',
      sourceTouchpointId: params.get('sourceTouchpointId') ?? '', title: '', notes: '', dueDate: '', dueTime: '', priority: 'normal', ownerId: '',
      recurrence: 'none', recurrenceInterval: 1, recurrenceUntil: '', recurrenceCount: null,
    },
  })
  const [companyId, recurrence, relatedType, relatedId] = useWatch({ control: form.control, name: ['companyId', 'recurrence', 'relatedType', 'relatedId'] })
  const fixedCompany = Boolean(task ?? params.get('companyId'))
  const company = useData('companies.get', fixedCompany && companyId ? { id: companyId } : null)
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const users = useData('users.list', {})
  const settings = useData('settings.get', {})
  const relatedLabel = useRelatedLabel(task, relatedType ?? '', relatedId ?? '')
  // A select shows "no entry" for a value set before its option existed: each is set again once its options
  // are listed — the assignee (me by default) and the contact given by the record or the task.
  useEffect(() => {
    if (!users.data) return
    const owner = form.getValues('ownerId') || (task ? '' : settings.data?.currentUserId ?? '')
    if (owner) form.setValue('ownerId', owner)
  }, [task, settings.data, users.data, form])
  useEffect(() => {
    if (contacts.data) form.setValue('contactId', form.getValues('contactId') ?? '')
  }, [contacts.data, form])

  // Back where the form was opened: the record, the customer, or the work list (where the customer is picked).
  const back = backTo(task?.id, params.get('companyId') ?? '', isOneOf(PLANNING_RELATED_TYPES, relatedParam) ? relatedParam : '', params.get('relatedId') ?? '')
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = task ? await run('tasks.update', { id: task.id, fields }) : await run('tasks.create', fields)
    if (result.ok) navigate(task ? `/tasks/${task.id}` : back, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })
  const me = settings.data?.currentUserId
  const title = task ? t('task.editOf', { title: taskTitle(task) }) : t('task.new')
  return (
    <section className="page">
      <PageHeader title={title} subtitle={company.data?.name ?? task?.companyName} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
          <FormError message={formError} />
          {relatedLabel || task?.sourceTouchpointId || params.get('sourceTouchpointId') ? (
            <p className="muted">{[relatedLabel, task?.sourceTouchpointId || params.get('sourceTouchpointId') ? t('task.fromTouchpoint') : ''].filter(Boolean).join(' · ')}</p>
          ) : null}
          <fieldset>
            <legend>{t('task.title')}</legend>
            <div className="form-grid">
              {fixedCompany ? null : <CompanyPicker name="companyId" label={t('task.field.company')} required />}
              <TextField name="title" label={t('task.field.title')} hint={t('task.field.titleHint')} required wide />
              <DateField name="dueDate" label={t('task.field.dueDate')} required />
              <TextField name="dueTime" label={t('task.field.dueTime')} hint={t('task.field.dueTimeHint')} />
              <SelectField name="priority" label={t('task.field.priority')} options={enumOptions(enumLabel, 'priority', TASK_PRIORITIES)} required />
              <SelectField name="ownerId" label={t('task.field.owner')}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.id === me ? t('task.field.ownerMe', { name: u.displayName }) : u.displayName }))} />
              <SelectField name="contactId" label={t('task.field.contact')} emptyLabel={t('common.none')}
                options={(contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))} />
            </div>
            <div className="form-grid">
              <TextAreaField name="notes" label={t('task.field.notes')} rows={3} maxLength={maxLengthOf(taskFieldsSchema.shape.notes)} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('task.field.recurrence')}</legend>
            <div className="form-grid">
              <SelectField name="recurrence" label={t('task.field.recurrence')} options={enumOptions(enumLabel, 'taskRecurrence', TASK_RECURRENCES)} required />
              {recurrence !== 'none' ? (
                <>
                  <NumberField name="recurrenceInterval" label={t('task.field.recurrenceInterval')} step="1" required unit={recurrence === 'weekly' ? t('task.unit.weeks') : t('task.unit.months')} />
                  <DateField name="recurrenceUntil" label={t('task.field.recurrenceUntil')} hint={t('task.field.recurrenceHint')} />
                  <NumberField name="recurrenceCount" label={t('task.field.recurrenceCount')} step="1" />
                </>
              ) : null}
            </div>
          </fieldset>
          <SaveCancel cancelTo={back} />
        </form>
      </FormProvider>
    </section>
  )
}

/** "Angebot A-2026-0042": the record the task is about, for the form's heading line. */
function useRelatedLabel(task: Task | null, relatedType: string, relatedId: string): string {
  const { t } = useI18n()
  const known = task && task.relatedId === relatedId ? task.relatedLabel : ''
  const ask = !known && relatedId
  const offer = useData('offers.get', ask && relatedType === 'offer' ? { id: relatedId } : null)
  const contract = useData('contracts.get', ask && relatedType === 'contract' ? { id: relatedId } : null)
  const serviceCase = useData('cases.get', ask && relatedType === 'case' ? { id: relatedId } : null)
  const label = known || offer.data?.number || contract.data?.number || serviceCase.data?.number || ''
  if (!relatedId || !isOneOf(PLANNING_RELATED_TYPES, relatedType)) return ''
  return t(`task.related.${relatedType}`, { label })
}
