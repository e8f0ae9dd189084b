// The next step of a case's workflow: pick it, say why (a rejection needs its reason), add a note and
// whether the customer was informed. Returns only close or reject here; their other steps are the
// return panel's.
import { useWatch } from 'react-hook-form'
import { CASE_TRANSITIONS, type CaseStatus } from '../../../../shared/modules/service/service.enums'
import { caseTransitionSchema } from '../../../../shared/modules/service/service.schema'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { CheckboxField, TextField } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'

export function TransitionPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  // The step (`to`) is set by its button; until then no form is shown.
  const panel = usePanel({
    channel: 'cases.transition', schema: caseTransitionSchema, defaultValues: { id: c.id, note: '', customerInformed: false, rejectionReason: '' },
    shown: ['note', 'rejectionReason', 'customerInformed'], onSaved: onDone, clearAfterSave: true,
  })
  const to = useWatch({ control: panel.form.control, name: 'to' })
  const next = CASE_TRANSITIONS[c.status].filter((s) => c.type !== 'return' || s === 'closed' || s === 'rejected')
  if (next.length === 0) return null
  const choose = (step: CaseStatus) => {
    panel.form.setValue('to', step)
    panel.form.clearErrors()
    panel.setError(null)
  }
  return (
    <div className="case-steps">
      <h3>{t('case.nextStep')}</h3>
      <div className="form-actions">
        {next.map((s) => <button key={s} type="button" className={`button${to === s ? ' button--primary' : ''}`} aria-pressed={to === s} onClick={() => choose(s)}>{t(`case.to.${s}`)}</button>)}
      </div>
      {to ? (
        <PanelForm panel={panel} label={t(`case.to.${to}`)} actions={<SaveButton label={t(`case.confirm.${to}`)} />}>
          {to === 'rejected' ? <TextField name="rejectionReason" label={t('case.rejectionReason')} required wide /> : null}
          <TextField name="note" label={t('case.note')} wide />
          <CheckboxField name="customerInformed" label={t('case.customerInformed')} />
        </PanelForm>
      ) : null}
    </div>
  )
}
