// A return's own part: its RMA number and where it stands, its lines, and its next steps (each a
// button that sends the step, with a note and whether the customer was informed).
import { RETURN_TRANSITIONS, isOpenCase, type ReturnStatus } from '../../../../shared/modules/service/service.enums'
import { returnStepSchema } from '../../../../shared/modules/service/service.schema'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { CheckboxField, TextField } from '../../components/form-fields'
import { Badge } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'

export function ReturnPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, tFromData } = useI18n()
  const next = c.returnStatus && isOpenCase(c.status) ? RETURN_TRANSITIONS[c.returnStatus] : []
  return (
    <section aria-label={t('case.return')}>
      <h2>{t('case.return')} {c.rmaNumber}</h2>
      <p>{t('case.returnStatus')}: <Badge tone="station">{t(`enum.returnStatus.${c.returnStatus || 'requested'}`)}</Badge></p>
      <table className="data-table" aria-label={t('case.lines')}>
        <thead><tr><th>{t('case.lineName')}</th><th className="num">{t('case.lineQuantity')}</th><th>{t('case.lineReason')}</th></tr></thead>
        <tbody>{c.lines.map((l) => <tr key={l.id}><td>{l.name}</td><td className="num">{l.quantity}</td><td>{tFromData(`enum.returnReason.${l.reason}`)}</td></tr>)}</tbody>
      </table>
      {next.length > 0 ? <StepForm c={c} next={next} onDone={onDone} /> : null}
    </section>
  )
}

function StepForm({ c, next, onDone }: { c: ServiceCase; next: readonly ReturnStatus[]; onDone: () => void }) {
  const { t } = useI18n()
  const panel = usePanel({
    channel: 'cases.returnStep', schema: returnStepSchema, defaultValues: { id: c.id, note: '', customerInformed: false },
    shown: ['note', 'customerInformed'], onSaved: onDone, clearAfterSave: true,
  })
  // Each button names its step; its click sets the step before the form submits (also on Enter).
  const actions = next.map((s) => <SaveButton key={s} label={t(`case.returnTo.${s}`)} onClick={() => panel.form.setValue('to', s)} />)
  return (
    <PanelForm panel={panel} label={t('case.returnStatus')} actions={actions}>
      <TextField name="note" label={t('case.note')} wide />
      <CheckboxField name="customerInformed" label={t('case.customerInformed')} />
    </PanelForm>
  )
}
