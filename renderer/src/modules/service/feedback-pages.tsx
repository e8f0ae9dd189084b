// Feedback: an NPS answer, a satisfaction rating or a testimonial, per customer, contact and station;
// and the NPS report by period and segment with the testimonials that may be quoted.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import { Link, useNavigate } from 'react-router-dom'
import { STATIONS } from '../../../../shared/modules/customers'
import { FEEDBACK_KINDS } from '../../../../shared/modules/service/service.enums'
import { feedbackFieldsSchema, type FeedbackFields, type FeedbackFieldsInput } from '../../../../shared/modules/service/service.schema'
import type { NpsRow } from '../../../../shared/modules/service/service.types'
import { CheckboxField, FormError, SaveCancel, NumberField, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { ReportRange, type Period } from '../../components/filters'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { useCompanyContext } from './company-context'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

export function FeedbackFormPage() {
  const { t, enumLabel } = useI18n()
  const action = useAction()
  const navigate = useNavigate()
  const { companyId, company, contactOptions } = useCompanyContext()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<FeedbackFieldsInput, unknown, FeedbackFields>({
    resolver: zodResolver(feedbackFieldsSchema),
    defaultValues: { companyId, contactId: '', kind: 'nps', station: '', givenOn: todayIso(), score: null, comment: '', quotePermission: false, beforeFigure: '', afterFigure: '' },
  })
  const kind = useWatch({ control: form.control, name: 'kind' })
  // A score typed for another kind (or cleared to nothing) must not block saving a testimonial.
  useEffect(() => form.setValue('score', null), [kind, form])
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = await action.run('feedback.create', { ...fields, score: fields.kind === 'testimonial' || Number.isNaN(fields.score) ? null : fields.score })
    if (result.ok) navigate(`/companies/${companyId}`, { replace: true })
    else setFormError(showServerErrors(form, result.error))
  })
  if (!companyId) return <LoadError message="contract.noCompany" />
  return (
    <section className="page">
      <PageHeader title={t('feedback.new')} subtitle={company.data ? <Link to={`/companies/${companyId}`}>{company.data.name}</Link> : undefined} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('feedback.form')}>
          <FormError message={formError} />
          <div className="form-grid">
            <SelectField name="kind" label={t('feedback.kind')} options={enumOptions(enumLabel, 'feedbackKind', FEEDBACK_KINDS)} required />
            <SelectField name="contactId" label={t('case.contact')} options={contactOptions} emptyLabel={t('common.none')} />
            <SelectField name="station" label={t('feedback.station')} options={enumOptions(enumLabel, 'station', STATIONS)} emptyLabel={t('common.none')} />
            <TextField name="givenOn" label={t('feedback.givenOn')} type="date" required />
            {kind !== 'testimonial' ? <NumberField name="score" label={t(kind === 'nps' ? 'feedback.npsScore' : 'feedback.satisfactionScore')} step="1" required hint={t(kind === 'nps' ? 'feedback.npsHint' : 'feedback.satisfactionHint')} /> : null}
          </div>
          <TextAreaField name="comment" label={t(kind === 'testimonial' ? 'feedback.testimonialText' : 'feedback.comment')} rows={3} required={kind === 'testimonial'} maxLength={maxLengthOf(feedbackFieldsSchema.shape.comment)} />
          {kind === 'testimonial' ? (
            <div className="form-grid">
              <CheckboxField name="quotePermission" label={t('feedback.quotePermission')} />
              <TextField name="beforeFigure" label={t('feedback.beforeFigure')} />
              <TextField name="afterFigure" label={t('feedback.afterFigure')} />
            </div>
          ) : null}
          <SaveCancel cancelTo={`/companies/${companyId}`} />
        </form>
      </FormProvider>
    </section>
  )
}

const fmt = (v: number | null, language: string) => (v === null ? '–' : new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v))

export function NpsPage() {
  const { t, tFromData, language, number, date, period } = useI18n()
  const year = Number(todayIso().slice(0, 4))
  const [range, setRange] = useState<{ from: string; to: string; period: Period }>({ from: `${year - 1}-01-01`, to: `${year}-12-31`, period: 'quarter' })
  const report = useData('reports.nps', range)
  const r = report.data
  const rows = (title: string, list: NpsRow[], label: (k: string) => string) => (
    <div className="card">
      <h2>{title}</h2>
      {list.length === 0 ? <p className="muted">{t('report.noData')}</p> : (
        <table className="data-table" aria-label={title}>
          <thead><tr><th /><th className="num">{t('nps.answers')}</th><th className="num">{t('nps.promoters')}</th><th className="num">{t('nps.passives')}</th><th className="num">{t('nps.detractors')}</th><th className="num">NPS</th></tr></thead>
          <tbody>{list.map((x) => <tr key={x.key}><th scope="row">{label(x.key)}</th><td className="num">{number(x.answers)}</td><td className="num">{number(x.promoters)}</td><td className="num">{number(x.passives)}</td><td className="num">{number(x.detractors)}</td><td className="num"><strong>{fmt(x.nps, language)}</strong></td></tr>)}</tbody>
        </table>
      )}
    </div>
  )
  return (
    <section className="page">
      <PageHeader title={t('nps.title')} subtitle={t('nps.subtitle')}
        actions={<ExportButtons onExport={(format) => call('nps.export', { ...range, format, language })} />} />
      <ReportRange {...range} onChange={setRange} />
      {report.error ? <LoadError message={report.error} /> : null}
      {r ? (
        <div className="stack">
          <div className="kpi-grid">
            <div className="card kpi" role="group" aria-label="NPS">
              <h2>Net Promoter Score</h2>
              <p className="kpi__value">{fmt(r.total.nps, language)}</p>
              <p className="muted small">{t('nps.summary', { answers: r.total.answers, promoters: r.total.promoters, detractors: r.total.detractors })}</p>
            </div>
            <div className="card kpi" role="group" aria-label={t('nps.satisfaction')}>
              <h2>{t('nps.satisfaction')}</h2>
              <p className="kpi__value">{r.satisfactionAverage === null ? '–' : `${fmt(r.satisfactionAverage, language).replace('+', '')} / 5`}</p>
            </div>
          </div>
          {rows(t('renewalReport.byPeriod'), r.byPeriod, period)}
          {rows(t('nps.bySegment'), r.bySegment, (k) => (k ? tFromData(`enum.segment.${k}`) : t('common.noEntry')))}
          <div className="card">
            <h2>{t('nps.testimonials')}</h2>
            {r.testimonials.length === 0 ? <p className="muted">{t('nps.noTestimonials')}</p> : (
              <ul className="plain-list testimonials">
                {r.testimonials.map((x) => (
                  <li key={x.id}>
                    <blockquote>„{x.comment}“</blockquote>
                    <p className="muted small">{x.contactName ? `${x.contactName}, ` : ''}{x.companyName} · {date(x.givenOn)}{x.beforeFigure || x.afterFigure ? ` · ${t('nps.beforeAfter', { before: x.beforeFigure || '–', after: x.afterFigure || '–' })}` : ''}</p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : null}
    </section>
  )
}
