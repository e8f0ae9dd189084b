// Planning or changing an appointment (/appointments/new?companyId=&relatedType=&relatedId=, /appointments/:id/edit):
// kind, subject, start and end typed as "TT.MM.JJJJ HH:MM" (the end follows the start by an hour until it is typed),
// the place (a visit starts at the customer's address), and the participants: the customer's contacts with their
// buying role, and colleagues.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import type { z } from 'zod'
import { APPOINTMENT_KINDS, PLANNING_RELATED_TYPES, appointmentFieldsSchema, type AppointmentFields, type PlanningRelatedType } from '../../../../shared/modules/planning'
import { DateTimeField, FormError, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { ParticipantChecks, addMinutesLocal, withoutFieldsPrefix } from './appointment-fields'

type FormInput = z.input<typeof appointmentFieldsSchema>

const relatedOf = (value: string | null): PlanningRelatedType | '' => (PLANNING_RELATED_TYPES as readonly string[]).includes(value ?? '') ? value as PlanningRelatedType : ''

export function AppointmentFormPage() {
  const { t, enumLabel } = useI18n()
  const { run, busy } = useAction()
  const { id } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const existing = useData('appointments.get', id ? { id } : null)
  const companyId = existing.data?.companyId ?? params.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const users = useData('users.list', {})
  const settings = useData('settings.get', {})
  const [formError, setFormError] = useState<string | null>(null)
  const relatedType = relatedOf(params.get('relatedType'))
  const form = useForm<FormInput, unknown, AppointmentFields>({
    resolver: zodResolver(appointmentFieldsSchema),
    defaultValues: {
      companyId, kind: 'visit', title: '', startsAt: '', endsAt: '', location: '', notes: '', ownerId: '', relatedType,
      relatedId: relatedType ? params.get('relatedId') ?? '' : '', contactIds: [], userIds: [],
    },
  })
  const address = company.data ? [company.data.street, [company.data.postalCode, company.data.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : ''
  // The end follows the start (an hour later) until the user types an end of their own.
  const autoEnd = useRef('')

  useEffect(() => {
    if (existing.data) {
      const a = existing.data
      form.reset({
        companyId: a.companyId, kind: a.kind, title: a.title, startsAt: a.startsAt, endsAt: a.endsAt, location: a.location, notes: a.notes, ownerId: a.ownerId,
        relatedType: a.relatedType, relatedId: a.relatedId, contactIds: a.participants.filter((p) => p.kind === 'contact').map((p) => p.contactId),
        userIds: a.participants.filter((p) => p.kind === 'user').map((p) => p.userId),
      })
      autoEnd.current = ''
    }
  }, [existing.data, form])

  useEffect(() => {
    if (!id && address && form.getValues('kind') === 'visit' && !form.getValues('location')) form.setValue('location', address)
  }, [id, address, form])

  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      if (name === 'startsAt') {
        const end = addMinutesLocal(values.startsAt ?? '', 60)
        if (end && (!values.endsAt || values.endsAt === autoEnd.current)) {
          autoEnd.current = end
          form.setValue('endsAt', end)
        }
      }
      if (name === 'kind' && address) {
        if (values.kind !== 'visit' && values.location === address) form.setValue('location', '')
        if (values.kind === 'visit' && !values.location) form.setValue('location', address)
      }
    })
    return () => subscription.unsubscribe()
  }, [form, address])

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('appointments.update', { id, fields }) : await run('appointments.create', fields)
    if (result.ok) navigate(`/appointments/${result.data.id}`, { replace: true })
    else setFormError(showServerErrors(form, withoutFieldsPrefix(result.error)))
  })

  if (existing.error) return <LoadError message={existing.error} />
  if ((id && !existing.data) || (companyId && !contacts.data && !contacts.error) || !settings.data || !users.data) return <p className="page muted" role="status">{t('common.loading')}</p>
  const me = settings.data?.currentUserId ?? ''
  const contactOptions = (contacts.data?.rows ?? []).map((c) => ({
    id: c.id, label: `${c.firstName} ${c.lastName}`.trim(), detail: [c.buyingRole ? enumLabel('buyingRole', c.buyingRole) : '', c.jobFunction].filter(Boolean).join(', '),
  }))
  const colleagues = (users.data ?? []).filter((u) => u.id !== me).map((u) => ({ id: u.id, label: u.displayName, detail: '' }))
  const title = id ? t('appointment.editTitle') : t('appointment.new')
  const back = id ? `/appointments/${id}` : companyId ? `/companies/${companyId}` : '/week'

  return (
    <section className="page">
      <PageHeader title={title} subtitle={company.data ? <Link to={`/companies/${company.data.id}`}>{company.data.name}</Link> : undefined} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={title}>
          <FormError message={formError} />
          <div className="form-grid">
            <SelectField name="kind" label={t('appointment.field.kind')} options={enumOptions(enumLabel, 'appointmentKind', APPOINTMENT_KINDS)} required />
            <TextField name="title" label={t('appointment.field.title')} hint={t('appointment.field.titleHint')} required wide />
            <DateTimeField name="startsAt" label={t('appointment.field.startsAt')} required />
            <DateTimeField name="endsAt" label={t('appointment.field.endsAt')} required />
            <SelectField name="ownerId" label={t('appointment.field.owner')} options={(users.data ?? []).filter((u) => u.id !== me).map((u) => ({ value: u.id, label: u.displayName }))} emptyLabel={t('appointment.ownerMe')} />
            <TextField name="location" label={t('appointment.field.location')} hint={t('appointment.field.locationHint')} wide />
            <ParticipantChecks name="contactIds" legend={t('appointment.participants.contacts')} options={contactOptions} empty={t('appointment.participants.noContacts')} />
            <ParticipantChecks name="userIds" legend={t('appointment.participants.colleagues')} options={colleagues} empty={t('appointment.participants.noColleagues')} />
            <TextAreaField name="notes" label={t('appointment.field.notes')} rows={3} maxLength={5000} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy || form.formState.isSubmitting}>{busy ? t('common.saving') : t('common.save')}</button>
            <Link className="button button--ghost" to={back}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
