// Personas: the list of typical customers and the typing-matrix form.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { YES_NO_UNKNOWN } from '../../../../shared/modules/customers/customer.enums'
import { PERSONA_MATRIX_FIELDS, personaFieldsSchema, type PersonaFields, type PersonaFieldsInput } from '../../../../shared/modules/customers/persona.schema'
import { FormError, SelectField, TextAreaField, TextField, showServerErrors, enumOptions } from '../../components/form-fields'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { call } from '../../lib/api'
import { ExportButtons } from '../../components/export-buttons'

export function PersonaListPage() {
  const { t, language } = useI18n()
  const personas = useData('personas.list', {})
  const newButton = <>
    <ExportButtons onExport={(format) => call('personas.export', { format, language })} />
    <Link className="button button--primary" to="/personas/new">{t('persona.new')}</Link>
  </>
  return (
    <section className="page">
      <PageHeader title={t('persona.title')} actions={newButton} />
      {personas.error ? <LoadError message={personas.error} /> : null}
      {personas.data?.length === 0 ? <EmptyState>{t('persona.empty')}</EmptyState> : null}
      <ul className="persona-grid">
        {(personas.data ?? []).map((p) => (
          <li key={p.id} className="card persona-card">
            <h2><Link to={`/personas/${p.id}`}>{p.name}</Link></h2>
            {p.motto ? <blockquote>„{p.motto}“</blockquote> : null}
            <p className="muted">{p.jobFunction}</p>
            <p className="small">{t('persona.contactCount', { count: p.contactCount })}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

const EMPTY: PersonaFieldsInput = {
  name: '', motto: '', who: '', whyGoals: '', wantsToKnow: '', jobFunction: '', languageStyle: '', informationPrejudices: '',
  worries: '', informationChannels: '', valuesAttitudes: '', contactChannel: '', triggerEvents: '', formerCustomer: 'unknown', knowsCompetitors: '',
}

export function PersonaFormPage() {
  const { t, enumLabel } = useI18n()
  const { run } = useAction()
  const { id } = useParams()
  const navigate = useNavigate()
  const existing = useData('personas.get', id ? { id } : null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<PersonaFieldsInput, unknown, PersonaFields>({ resolver: zodResolver(personaFieldsSchema), defaultValues: EMPTY })

  useEffect(() => {
    if (existing.data) {
      const { id: _id, createdAt: _c, updatedAt: _u, contactCount: _n, ...fields } = existing.data
      form.reset(fields)
    }
  }, [existing.data, form])

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('personas.update', { id, ...fields }) : await run('personas.create', fields)
    if (result.ok) navigate('/personas')
    else setFormError(showServerErrors(form, result.error))
  })

  const remove = async () => {
    if (!id || !existing.data || !window.confirm(t('common.confirmDelete', { name: existing.data.name }))) return
    const result = await run('personas.delete', { id })
    if (result.ok) navigate('/personas')
    else setFormError(result.error.message)
  }

  const yesNo = enumOptions(enumLabel, 'yesNo', YES_NO_UNKNOWN)
  if (existing.error) return <LoadError message={existing.error} />
  // Typing into the form before the record has loaded would be overwritten when it arrives.
  if (id && !existing.data) return <p className="muted" role="status">{t('common.loading')}</p>

  return (
    <section className="page">
      <PageHeader
        title={id ? t('persona.edit') : t('persona.new')}
        actions={id ? <button type="button" className="button button--danger" onClick={() => void remove()}>{t('common.delete')}</button> : undefined}
      />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form">
          <FormError message={formError} />
          <fieldset>
            <legend>{t('persona.name')}</legend>
            <div className="form-grid">
              <TextField name="name" label={t('persona.name')} required />
              <TextField name="motto" label={t('persona.motto')} wide />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('persona.matrix')}</legend>
            <div className="form-grid form-grid--two">
              {PERSONA_MATRIX_FIELDS.map((field) =>
                field === 'jobFunction' || field === 'languageStyle' || field === 'contactChannel' ? (
                  <TextField key={field} name={field} label={t(`persona.${field}`)} />
                ) : (
                  <TextAreaField key={field} name={field} label={t(`persona.${field}`)} rows={2} />
                ),
              )}
              <SelectField name="formerCustomer" label={t('persona.formerCustomer')} options={yesNo} />
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <Link className="button button--ghost" to="/personas">{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
