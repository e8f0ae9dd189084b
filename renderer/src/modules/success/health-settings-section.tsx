// Settings: the health score's weights, target values and traffic-light bands for the whole team
// (`healthSettings.update`, synced with the team). A manager or an admin edits them; everyone else reads them
// with the reason why they cannot change them. The weights' total is shown as the user types and refused
// at the total unless it is exactly 100.
import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import {
  DEFAULT_HEALTH_SETTINGS, HEALTH_COMPONENTS, HEALTH_TARGETS, healthSettingsSchema, type HealthSettings, type HealthTarget,
} from '../../../../shared/modules/success'
import { FieldFrame, useFieldError } from '../../components/field-frame'
import { FormError, showServerErrors } from '../../components/form-fields'
import { NumberField } from '../../components/typed-fields'
import { LoadError } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useLiveData } from '../../lib/use-data'
import { useLoadedForm } from '../../lib/use-loaded-form'

const TARGETS = Object.keys(HEALTH_TARGETS) as HealthTarget[]

export function HealthSettingsSection() {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const view = useLiveData('healthSettings.get', {})
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const form = useForm<HealthSettings>({ resolver: zodResolver(healthSettingsSchema), defaultValues: DEFAULT_HEALTH_SETTINGS })
  const ready = useLoadedForm(form, view.data?.settings)
  const canEdit = ready && (view.data?.canEdit ?? false)
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false)
    setError(null)
    const result = await run('healthSettings.update', values)
    if (result.ok) setSaved(true)
    else setError(showServerErrors(form, result.error))
  })
  return (
    <div className="card card--wide">
      <h2>{t('health.settings.title')}</h2>
      <p className="muted">{t('health.settings.intro')}</p>
      {view.error ? <LoadError message={view.error} /> : null}
      {view.data && !view.data.canEdit ? <p className="notice notice--warn" role="note">{t('health.settings.readOnly')}</p> : null}
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('health.settings.title')}>
          <FormError message={error} />
          <fieldset disabled={!canEdit}>
            <legend>{t('health.settings.weights')}</legend>
            <div className="form-grid">
              {HEALTH_COMPONENTS.map((c) => <NumberField key={c} name={`weights.${c}`} label={t(`health.component.${c}`)} decimals={0} step="1" unit="%" />)}
              <WeightTotal />
            </div>
          </fieldset>
          <fieldset disabled={!canEdit}>
            <legend>{t('health.settings.targets')}</legend>
            <div className="form-grid form-grid--two">
              {TARGETS.map((k) => (
                <NumberField key={k} name={`targets.${k}`} label={t(`health.target.${k}`)} decimals={0} step="1"
                  hint={t('health.target.range', { min: HEALTH_TARGETS[k].min, max: HEALTH_TARGETS[k].max })} />
              ))}
            </div>
          </fieldset>
          <fieldset disabled={!canEdit}>
            <legend>{t('health.settings.bands')}</legend>
            <div className="form-grid">
              <NumberField name="greenFrom" label={t('health.settings.greenFrom')} decimals={0} step="1" />
              <NumberField name="redBelow" label={t('health.settings.redBelow')} decimals={0} step="1" />
            </div>
          </fieldset>
          {canEdit ? (
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>{busy ? t('common.saving') : t('health.settings.save')}</button>
              {saved ? <span className="notice" role="status">{t('health.settings.saved')}</span> : null}
            </div>
          ) : null}
        </form>
      </FormProvider>
    </div>
  )
}

/** The weights' sum as typed; the schema's "must be 100" stands here. */
function WeightTotal() {
  const { t, number } = useI18n()
  const id = useId()
  const weights = useWatch<HealthSettings, 'weights'>({ name: 'weights' })
  const error = useFieldError('weights.total')
  const total = HEALTH_COMPONENTS.reduce((sum, c) => sum + (Number.isFinite(weights[c]) ? weights[c] : 0), 0)
  return (
    <FieldFrame id={id} label={t('health.settings.total')} error={error}>
      <output id={id} className={`health-total${total === 100 ? '' : ' health-total--off'}`} aria-invalid={error ? true : undefined}>{number(total)} %</output>
    </FieldFrame>
  )
}
