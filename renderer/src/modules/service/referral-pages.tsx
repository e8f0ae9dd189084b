// Referral management: record who recommended whom (the prospect is created with lead source
// "Empfehlung"), follow each referral by its prospect's offers, and thank the referrer.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { useNavigate } from 'react-router-dom'
import { referralFieldsSchema } from '../../../../shared/modules/service/service.schema'
import { FormError, SaveCancel, SelectField, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { useData } from '../../lib/use-data'
import { useCompanyContext } from './company-context'
import { ReferralTable } from './referral-table'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

export function ReferralFormPage() {
  const { t } = useI18n()
  const action = useAction()
  const navigate = useNavigate()
  const { companyId, company, contactOptions } = useCompanyContext()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({ resolver: zodResolver(referralFieldsSchema), defaultValues: { companyId, contactId: '', prospectName: '', prospectCity: '', prospectContactName: '', prospectPhone: '', note: '' } })
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = await action.run('referrals.create', fields)
    if (result.ok) navigate(`/companies/${result.data.referredCompanyId}`, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })
  if (!companyId) return <LoadError message="contract.noCompany" />
  return (
    <section className="page">
      <PageHeader title={t('referral.new')} subtitle={company.data ? t('referral.from', { company: company.data.name }) : undefined} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('referral.form')}>
          <FormError message={formError} />
          <fieldset>
            <legend>{t('referral.referrer')}</legend>
            <div className="form-grid">
              <SelectField name="contactId" label={t('referral.referrerContact')} options={contactOptions} emptyLabel={t('common.none')} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('referral.prospect')}</legend>
            <div className="form-grid">
              <TextField name="prospectName" label={t('referral.prospectName')} required />
              <TextField name="prospectCity" label={t('referral.prospectCity')} />
              <TextField name="prospectContactName" label={t('referral.prospectContactName')} />
              <TextField name="prospectPhone" label={t('referral.prospectPhone')} />
            </div>
            <TextAreaField name="note" label={t('referral.note')} rows={2} maxLength={maxLengthOf(referralFieldsSchema.shape.note)} />
          </fieldset>
          <SaveCancel cancelTo={`/companies/${companyId}`} />
        </form>
      </FormProvider>
    </section>
  )
}

export function ReferralListPage() {
  const { t, language } = useI18n()
  const list = useData('referrals.list', { limit: 200 })
  return (
    <section className="page">
      <PageHeader title={t('referral.title')} subtitle={t('referral.subtitle')}
        actions={<ExportButtons onExport={(format) => call('referrals.export', { format, language })} />} />
      {list.error ? <LoadError message={list.error} /> : null}
      {list.data && list.data.rows.length === 0 ? <EmptyState>{t('referral.empty')}</EmptyState> : null}
      {list.data && list.data.rows.length > 0 ? <ReferralTable rows={list.data.rows} onChange={list.reload} /> : null}
    </section>
  )
}
