// Create or edit a company; validated by the same zod schema as companies.create/update.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { companyFieldsSchema, type CompanyFields, type CompanyFieldsInput } from '../../../../shared/modules/customers/company.schema'
import { COMPANY_STATUSES, FEDERAL_STATES, LEAD_SOURCES, SEGMENTS } from '../../../../shared/modules/customers/customer.enums'
import { CompanyDuplicateHint } from './company-duplicate-hint'
import { FormError, SelectField, TextAreaField, TextField, showServerErrors, enumOptions } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

const EMPTY: CompanyFieldsInput = {
  name: '', customerNumber: '', street: '', postalCode: '', city: '', federalState: '', industry: '',
  segment: '', status: 'prospect', ownerId: '', leadSource: '', notes: '',
}

export function CompanyFormPage() {
  const { t, enumLabel } = useI18n()
  const { run } = useAction()
  const { id } = useParams()
  const navigate = useNavigate()
  const [formError, setFormError] = useState<string | null>(null)
  const existing = useData('companies.get', id ? { id } : null)
  const users = useData('users.list', {})
  const settings = useData('settings.get', {})
  const form = useForm<CompanyFieldsInput, unknown, CompanyFields>({ resolver: zodResolver(companyFieldsSchema), defaultValues: EMPTY })
  // The form is shown once it holds the stored record: typing before that would be overwritten by it.
  const [loadedId, setLoadedId] = useState<string | null>(null)

  useEffect(() => {
    if (existing.data) {
      const { id: _id, createdAt: _c, updatedAt: _u, journey: _j, ownerName: _o, formerNumbers: _f, ...fields } = existing.data
      form.reset(fields)
      setLoadedId(existing.data.id)
    } else if (!id && settings.data && users.data && !form.getValues('ownerId')) {
      // Once the owners are listed: a value set before its option exists shows as "no entry" in the select.
      form.setValue('ownerId', settings.data.currentUserId)
    }
  }, [existing.data, settings.data, users.data, id, form])

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = id ? await run('companies.update', { id, ...fields, statusLoaded: existing.data?.status }) : await run('companies.create', fields)
    if (result.ok) navigate(`/companies/${result.data.id}`)
    else setFormError(showServerErrors(form, result.error))
  })

  const states = enumOptions(enumLabel, 'federalState', FEDERAL_STATES)
  if (existing.error) return <LoadError message={existing.error} />
  // Typing into the form before the record has loaded would be overwritten when it arrives.
  if (id && (!existing.data || loadedId !== id)) return <p className="muted" role="status">{t('common.loading')}</p>

  return (
    <section className="page">
      <PageHeader title={id ? t('company.edit') : t('company.new')} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form">
          <FormError message={formError} />
          <fieldset>
            <legend>{t('company.details')}</legend>
            <div className="form-grid">
              <TextField name="name" label={t('company.name')} required wide />
              <TextField name="customerNumber" label={t('company.customerNumber')} />
              <SelectField name="status" label={t('company.status')} required options={enumOptions(enumLabel, 'status', COMPANY_STATUSES)} />
              <TextField name="industry" label={t('company.industry')} />
              <SelectField name="segment" label={t('company.segment')} options={enumOptions(enumLabel, 'segment', SEGMENTS)} emptyLabel={t('common.noEntry')} />
              <SelectField name="ownerId" label={t('company.owner')} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} emptyLabel={t('common.noEntry')} />
              <SelectField name="leadSource" label={t('company.leadSource')} options={enumOptions(enumLabel, 'leadSource', LEAD_SOURCES)} emptyLabel={t('common.noEntry')} />
            </div>
            <CompanyDuplicateHint exceptId={id ?? ''} />
          </fieldset>
          <fieldset>
            <legend>{t('company.address')}</legend>
            <div className="form-grid">
              <TextField name="street" label={t('company.street')} wide autoComplete="street-address" />
              <TextField name="postalCode" label={t('company.postalCode')} autoComplete="postal-code" />
              <TextField name="city" label={t('company.city')} autoComplete="address-level2" />
              <SelectField name="federalState" label={t('company.federalState')} options={states} emptyLabel={t('common.noEntry')} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('company.notes')}</legend>
            <TextAreaField name="notes" label={t('company.notes')} rows={4} maxLength={maxLengthOf(companyFieldsSchema.shape.notes)} />
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <Link className="button button--ghost" to={id ? `/companies/${id}` : '/companies'}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
