// A warranty claim's own part: whether the asset was under warranty on the day it was reported (the
// app decides), and the decision on the claim with its reason while the case is open.
import { useWatch } from 'react-hook-form'
import { WARRANTY_DECISIONS, isOpenCase } from '../../../../shared/modules/service/service.enums'
import { warrantyDecisionSchema } from '../../../../shared/modules/service/service.schema'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { CheckboxField, SelectField, TextField, enumOptions } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'

export function WarrantyPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, date } = useI18n()
  const until = c.assetWarrantyEnd ? date(c.assetWarrantyEnd) : ''
  return (
    <section aria-label={t('case.warranty')}>
      <h2>{t('case.warranty')}</h2>
      <p className={c.underWarranty ? 'notice' : 'notice notice--warn'} role="status">
        {c.underWarranty ? t('case.underWarranty', { date: until }) : t('case.notUnderWarranty', { date: until || '–' })}
      </p>
      {c.warrantyDecision ? <p><strong>{t(`enum.warrantyDecision.${c.warrantyDecision}`)}</strong>{c.decisionReason ? ` – ${c.decisionReason}` : ''}</p> : null}
      {isOpenCase(c.status) ? <DecisionForm c={c} onDone={onDone} /> : null}
    </section>
  )
}

function DecisionForm({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, enumLabel } = useI18n()
  // The decision made, or "accepted" where the app found the asset under warranty; else none yet.
  const initial = c.warrantyDecision || (c.underWarranty ? 'accepted' : '')
  const panel = usePanel({
    channel: 'cases.warrantyDecision', schema: warrantyDecisionSchema,
    defaultValues: { id: c.id, ...(initial ? { decision: initial } : {}), reason: c.decisionReason, customerInformed: false },
    shown: ['decision', 'reason', 'customerInformed'], onSaved: onDone,
  })
  const decision = useWatch({ control: panel.form.control, name: 'decision' })
  return (
    <PanelForm panel={panel} label={t('case.decide')} actions={<SaveButton label={t('case.saveDecision')} />}>
      <SelectField name="decision" label={t('case.decision')} options={enumOptions(enumLabel, 'warrantyDecision', WARRANTY_DECISIONS)} emptyLabel={t('common.choose')} required />
      {/* A reason is needed for anything but accepting a claim under warranty. */}
      <TextField name="reason" label={t('case.decisionReason')} required={decision === 'rejected' || decision === 'goodwill'} />
      <CheckboxField name="customerInformed" label={t('case.customerInformed')} />
    </PanelForm>
  )
}
