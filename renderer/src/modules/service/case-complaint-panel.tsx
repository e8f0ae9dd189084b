// A complaint's own part: its analysis (category, root cause, corrective action, goodwill), which
// resolving needs, and once it is resolved the customer's satisfaction with how it was handled.
import { COMPLAINT_CATEGORIES } from '../../../../shared/modules/service/service.enums'
import { caseSatisfactionSchema, complaintDetailsSchema } from '../../../../shared/modules/service/service.schema'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { formatCents } from '../../../../shared/platform/money'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { MoneyField, SelectField, TextAreaField, enumOptions } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

export function ComplaintPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, language } = useI18n()
  const editable = c.status !== 'closed' && c.status !== 'rejected'
  return (
    <section aria-label={t('case.complaint')}>
      <h2>{t('case.complaint')}</h2>
      {editable ? <AnalysisForm c={c} onDone={onDone} /> : (
        <dl className="details">
          <div className="details__item"><dt>{t('case.rootCause')}</dt><dd>{c.rootCause || '–'}</dd></div>
          <div className="details__item"><dt>{t('case.correctiveAction')}</dt><dd>{c.correctiveAction || '–'}</dd></div>
          <div className="details__item"><dt>{t('case.goodwill')}</dt><dd>{formatCents(c.goodwillCents, language)}</dd></div>
        </dl>
      )}
      {c.status === 'resolved' || c.status === 'closed' ? <RatingForm c={c} onDone={onDone} /> : null}
    </section>
  )
}

function AnalysisForm({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, enumLabel } = useI18n()
  const panel = usePanel({
    channel: 'cases.complaint', schema: complaintDetailsSchema,
    defaultValues: { id: c.id, category: isOneOf(COMPLAINT_CATEGORIES, c.category) ? c.category : '', rootCause: c.rootCause, correctiveAction: c.correctiveAction, goodwillCents: c.goodwillCents },
    shown: ['category', 'rootCause', 'correctiveAction', 'goodwillCents'], onSaved: onDone,
  })
  return (
    <PanelForm panel={panel} label={t('case.analysis')} actions={<SaveButton label={t('case.saveAnalysis')} />}>
      <SelectField name="category" label={t('case.category')} options={enumOptions(enumLabel, 'complaintCategory', COMPLAINT_CATEGORIES)} emptyLabel="–" />
      <TextAreaField name="rootCause" label={t('case.rootCause')} rows={2} maxLength={maxLengthOf(complaintDetailsSchema.shape.rootCause)} />
      <TextAreaField name="correctiveAction" label={t('case.correctiveAction')} rows={2} maxLength={maxLengthOf(complaintDetailsSchema.shape.correctiveAction)} />
      <MoneyField name="goodwillCents" label={t('case.goodwill')} emptyCents={0} />
    </PanelForm>
  )
}

/** From 5 (very satisfied) down to 1. */
const SATISFACTION_LEVELS = [5, 4, 3, 2, 1] as const

function RatingForm({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  const panel = usePanel({
    channel: 'cases.rate', schema: caseSatisfactionSchema, defaultValues: { id: c.id, ...(c.satisfaction ? { satisfaction: c.satisfaction } : {}) },
    shown: ['satisfaction'], onSaved: onDone,
  })
  return (
    <PanelForm panel={panel} label={t('case.satisfaction')} actions={<SaveButton label={t('case.saveSatisfaction')} />}>
      <SelectField name="satisfaction" label={t('case.satisfaction')} numeric required emptyLabel={t('common.choose')}
        options={SATISFACTION_LEVELS.map((n) => ({ value: String(n), label: t(`case.satisfactionLevel.${n}`) }))} />
      {c.satisfaction ? <p className="muted small field--wide">{t('case.satisfactionRecorded', { n: c.satisfaction })}</p> : null}
    </PanelForm>
  )
}
