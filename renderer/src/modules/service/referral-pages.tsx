// Referral management: record who recommended whom (the prospect is created with lead source
// "Empfehlung"), follow each referral by its prospect's offers, and thank the referrer.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useNavigate } from 'react-router-dom'
import { referralFieldsSchema } from '../../../../shared/modules/service/service.schema'
import type { Referral } from '../../../../shared/modules/service/service.types'
import { FormError, SaveCancel, SelectField, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { Badge, EmptyState, LoadError, PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { useCompanyContext } from './company-context'
import { money } from '../../lib/money'

const referralTone = (status: string) => (status === 'won' ? 'good' : status === 'lost' ? 'muted' : 'station')

export function ReferralFormPage() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { companyId, company, contactOptions } = useCompanyContext()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({ resolver: zodResolver(referralFieldsSchema), defaultValues: { companyId, contactId: '', prospectName: '', prospectCity: '', prospectContactName: '', prospectPhone: '', note: '' } })
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = await call('referrals.create', fields)
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
            <TextAreaField name="note" label={t('referral.note')} rows={2} />
          </fieldset>
          <SaveCancel cancelTo={`/companies/${companyId}`} />
        </form>
      </FormProvider>
    </section>
  )
}

export function ReferralListPage() {
  const { t } = useI18n()
  const list = useData('referrals.list', { limit: 200 })
  return (
    <section className="page">
      <PageHeader title={t('referral.title')} subtitle={t('referral.subtitle')} />
      {list.error ? <LoadError message={list.error} /> : null}
      {list.data && list.data.rows.length === 0 ? <EmptyState>{t('referral.empty')}</EmptyState> : null}
      {list.data && list.data.rows.length > 0 ? <ReferralTable rows={list.data.rows} onChange={list.reload} /> : null}
    </section>
  )
}

export function ReferralTable({ rows, onChange }: { rows: Referral[]; onChange: () => void }) {
  const { t, date, language } = useI18n()
  const [thanking, setThanking] = useState<string | null>(null)
  return (
    <div className="card">
      <table className="data-table" aria-label={t('referral.title')}>
        <thead><tr><th>{t('referral.date')}</th><th>{t('referral.referrer')}</th><th>{t('referral.prospect')}</th><th>{t('referral.status')}</th><th>{t('referral.thanks')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{date(r.createdAt)}</td>
              <td><Link to={`/companies/${r.companyId}`}>{r.companyName}</Link>{r.contactName ? <div className="small muted">{r.contactName}</div> : null}</td>
              <td><Link to={`/companies/${r.referredCompanyId}`}>{r.referredCompanyName}</Link></td>
              <td><Badge tone={referralTone(r.status)}>{t(`enum.referralStatus.${r.status}`)}</Badge></td>
              <td>
                {r.thankedAt ? <span>{t('referral.thankedOn', { date: date(r.thankedAt) })}{r.reward ? ` · ${r.reward}` : ''}{r.rewardValueCents ? ` (${money(r.rewardValueCents, language)})` : ''}</span>
                  : thanking === r.id ? <ThankForm referral={r} onDone={() => { setThanking(null); onChange() }} />
                    : <button type="button" className={`button button--small${r.thankDue ? ' button--primary' : ''}`} onClick={() => setThanking(r.id)}>{t('referral.thank')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ThankForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useI18n()
  const [reward, setReward] = useState('')
  const [value, setValue] = useState('0')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const result = await call('referrals.thank', { id: referral.id, reward, rewardValue: Number(value.replace(',', '.')), note: '' })
    if (result.ok) onDone()
    else setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
  }
  return (
    <form className="step-form" aria-label={t('referral.thank')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <label>{t('referral.reward')}<input value={reward} onChange={(e) => setReward(e.target.value)} /></label>
      <label>{t('referral.rewardValue')}<input type="number" step="0.01" min="0" value={value} onChange={(e) => setValue(e.target.value)} /></label>
      <button type="submit" className="button button--primary button--small">{t('referral.saveThanks')}</button>
      {error ? <p className="field__error" role="alert">{t(error)}</p> : null}
    </form>
  )
}
