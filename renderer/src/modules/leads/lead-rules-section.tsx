// Settings: the team's lead rules (issue 19, team setting `leadRules`) — the handover threshold and the field reps'
// territories (federal states and/or postcode ranges). A manager or an admin edits them (on a device without a sync
// server its single user); everyone else reads them with the reason why they cannot change them.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { FEDERAL_STATES } from '../../../../shared/platform/federal-states'
import { leadRulesFormSchema, type LeadRulesForm, type LeadRulesFormInput } from '../../../../shared/modules/leads'
import { FormError, NumberField, TextField, showServerErrors } from '../../components/form-fields'
import { LoadError } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { useLoadedForm } from '../../lib/use-loaded-form'

export function LeadRulesSection() {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const view = useData('leadRules.get', {})
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const form = useForm<LeadRulesFormInput, unknown, LeadRulesForm>({ resolver: zodResolver(leadRulesFormSchema) })
  const ready = useLoadedForm(form, view.data?.rules)
  const canEdit = ready && (view.data?.canEdit ?? false)
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false)
    setError(null)
    const result = await run('leadRules.update', values)
    if (result.ok) {
      setSaved(true)
      view.reload()
    } else setError(showServerErrors(form, result.error))
  })
  return (
    <div className="card card--wide">
      <h2>{t('leadRules.title')}</h2>
      <p className="muted">{t('leadRules.intro')}</p>
      {view.error ? <LoadError message={view.error} /> : null}
      {view.data && !view.data.canEdit ? <p className="notice notice--warn" role="note">{t('leadRules.readOnly')}</p> : null}
      {view.data ? (
        <FormProvider {...form}>
          <form onSubmit={onSubmit} noValidate className="form" aria-label={t('leadRules.title')}>
            <FormError message={error} />
            <fieldset disabled={!canEdit}>
              <div className="form-grid">
                <NumberField name="threshold" label={t('leadRules.threshold')} step="1" />
                <NumberField name="responseDays" label={t('leadRules.responseDays')} step="1" />
              </div>
            </fieldset>
            <fieldset disabled={!canEdit}>
              <legend>{t('leadRules.territories')}</legend>
              {view.data.reps.length === 0 ? <p className="muted">{t('leadRules.noReps')}</p> : null}
              <div className="form-grid">
                {view.data.reps.map((rep, i) => (
                  <div key={rep.id} className="stack">
                    <TextField name={`territories.${i}.postcodes`} label={t('leadRules.postcodes', { name: rep.name })} hint="20000-22999, 24103" />
                    <TextField name={`territories.${i}.states`} label={t('leadRules.states', { name: rep.name })} hint={FEDERAL_STATES.join(', ')} />
                  </div>
                ))}
              </div>
            </fieldset>
            {canEdit ? (
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('leadRules.save')}</button>
                {saved ? <span className="notice" role="status">{t('leadRules.saved')}</span> : null}
              </div>
            ) : null}
          </form>
        </FormProvider>
      ) : null}
    </div>
  )
}
