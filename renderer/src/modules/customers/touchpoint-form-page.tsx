// Log a touchpoint with a company: when, channel, direction, direct or indirect, station, contact, summary.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { z } from 'zod'
import { DIRECTIONS, TOUCHPOINT_CHANNELS, TOUCHPOINT_MODES } from '../../../../shared/modules/customers/customer.enums'
import { touchpointFieldsSchema, type TouchpointFields } from '../../../../shared/modules/customers/touchpoint.schema'
import { STATIONS } from '../../../../shared/modules/customers'
import { FormError, SelectField, TextAreaField, TextField, showServerErrors, enumOptions } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { appNow, localDateTimeInput, localDateTimeSchema } from '../../lib/today'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

/** The contract's schema, except that the date-time field gives local time, made an instant here. */
const formSchema = touchpointFieldsSchema.extend({ occurredAt: localDateTimeSchema })
type FormInput = z.input<typeof formSchema>

export function TouchpointFormPage() {
  const { t, enumLabel } = useI18n()
  const { run } = useAction()
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const companyId = searchParams.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<FormInput, unknown, TouchpointFields>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      companyId, contactId: '', occurredAt: localDateTimeInput(appNow()), channel: 'visit', direction: 'outbound', mode: 'direct',
      station: company.data?.journey.station ?? 'offer', summary: '',
    },
  })

  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = await run('touchpoints.create', fields)
    if (result.ok) navigate(`/companies/${companyId}`)
    else setFormError(showServerErrors(form, result.error))
  })

  if (!companyId) return <LoadError message="errors.companyNotFound" />
  if (company.error) return <LoadError message={company.error} />

  return (
    <section className="page">
      <PageHeader title={t('touchpoint.new')} subtitle={company.data ? `${t('touchpoint.company')}: ${company.data.name}` : undefined} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form">
          <FormError message={formError} />
          <fieldset>
            <legend>{t('touchpoint.section')}</legend>
            <div className="form-grid">
              <TextField name="occurredAt" label={t('touchpoint.occurredAt')} type="datetime-local" required />
              <SelectField name="channel" label={t('touchpoint.channel')} required options={enumOptions(enumLabel, 'channel', TOUCHPOINT_CHANNELS)} />
              <SelectField name="direction" label={t('touchpoint.direction')} required options={enumOptions(enumLabel, 'direction', DIRECTIONS)} />
              <SelectField name="mode" label={t('touchpoint.mode')} required options={enumOptions(enumLabel, 'mode', TOUCHPOINT_MODES)} />
              <SelectField name="station" label={t('touchpoint.station')} required options={enumOptions(enumLabel, 'station', STATIONS)} />
              <SelectField
                name="contactId"
                label={t('touchpoint.contact')}
                options={(contacts.data?.rows ?? []).map((k) => ({ value: k.id, label: `${k.firstName} ${k.lastName}`.trim() }))}
                emptyLabel={t('common.noEntry')}
              />
              <TextAreaField name="summary" label={t('touchpoint.summary')} required rows={5} maxLength={maxLengthOf(formSchema.shape.summary)} />
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <Link className="button button--ghost" to={`/companies/${companyId}`}>{t('common.cancel')}</Link>
          </div>
        </form>
      </FormProvider>
    </section>
  )
}
