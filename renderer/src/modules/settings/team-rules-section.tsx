// Settings: the team's rules (issue 18) — the follow-up cadence and lost-reason catalogue of offers and the service
// levels, team settings that sync with the team (`teamRules.update`). A manager or an admin edits them (on a device
// without a sync server its single user); everyone else reads them with the reason why they cannot change them.
import { zodResolver } from '@hookform/resolvers/zod'
import { Fragment, useState } from 'react'
import type { z } from 'zod'
import { FormProvider, useForm } from 'react-hook-form'
import { teamRulesSchema, type TeamRules } from '../../../../shared/modules/settings'
import { LOST_REASONS } from '../../../../shared/modules/offers'
import { PRIORITIES } from '../../../../shared/modules/service'
import { ROLES } from '../../../../shared/platform/rights'
import { FormError, NumberField, showServerErrors } from '../../components/form-fields'
import { LoadError } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useLiveData } from '../../lib/use-data'
import { useLoadedForm } from '../../lib/use-loaded-form'

export function TeamRulesSection() {
  const { t, tFromData } = useI18n()
  const { run, busy } = useAction()
  const view = useLiveData('teamRules.get', {})
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const form = useForm<z.input<typeof teamRulesSchema>, unknown, TeamRules>({ resolver: zodResolver(teamRulesSchema) })
  const ready = useLoadedForm(form, view.data?.rules)
  const canEdit = ready && (view.data?.canEdit ?? false)
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false)
    setError(null)
    const result = await run('teamRules.update', values)
    if (result.ok) setSaved(true)
    else setError(showServerErrors(form, result.error))
  })
  const lostError = form.formState.errors.lostReasons?.message
  return (
    <div className="card card--wide">
      <h2>{t('teamRules.title')}</h2>
      <p className="muted">{t('teamRules.intro')}</p>
      {view.error ? <LoadError message={view.error} /> : null}
      {view.data && !view.data.canEdit ? <p className="notice notice--warn" role="note">{t('teamRules.readOnly')}</p> : null}
      {view.data ? (
        <FormProvider {...form}>
          <form onSubmit={onSubmit} noValidate className="form" aria-label={t('teamRules.title')}>
            <FormError message={error} />
            <fieldset disabled={!canEdit}>
              <legend>{t('teamRules.followUp')}</legend>
              <div className="form-grid">
                <NumberField name="followUpFirstDays" label={t('profile.followUpFirstDays')} step="1" />
                <NumberField name="followUpSecondDays" label={t('profile.followUpSecondDays')} step="1" />
                <NumberField name="followUpDaysBeforeExpiry" label={t('profile.followUpDaysBeforeExpiry')} step="1" />
              </div>
              <div role="group" aria-label={t('profile.lostReasons')} className="checkbox-group">
                <span className="checkbox-group__label">{t('profile.lostReasons')}</span>
                {LOST_REASONS.map((r) => (
                  <label key={r}><input type="checkbox" value={r} {...form.register('lostReasons')} /> {t(`enum.lostReason.${r}`)}</label>
                ))}
                {lostError ? <p className="field__error" role="alert">{tFromData(lostError)}</p> : null}
              </div>
            </fieldset>
            <fieldset disabled={!canEdit}>
              <legend>{t('profile.serviceLevels')}</legend>
              <div className="form-grid">
                {PRIORITIES.map((p) => (
                  <Fragment key={p}>
                    <NumberField name={`serviceLevels.${p}.acknowledgeHours`} label={t('profile.acknowledgeHours', { priority: t(`enum.priority.${p}`) })} step="1" />
                    <NumberField name={`serviceLevels.${p}.resolveBusinessDays`} label={t('profile.resolveBusinessDays', { priority: t(`enum.priority.${p}`) })} step="1" />
                  </Fragment>
                ))}
              </div>
            </fieldset>
            <fieldset disabled={!canEdit}>
              <legend>{t('teamRules.discounts')}</legend>
              <p className="muted small">{t('teamRules.discountsIntro')}</p>
              <div className="form-grid">
                {ROLES.map((r) => (
                  <Fragment key={r}>
                    <NumberField name={`discountLimits.${r}.itemPercent`} label={t('teamRules.itemPercent', { role: t(`enum.role.${r}`) })} step="0.01" />
                    <NumberField name={`discountLimits.${r}.offerPercent`} label={t('teamRules.offerPercent', { role: t(`enum.role.${r}`) })} step="0.01" />
                    <NumberField name={`discountLimits.${r}.marginFloorPercent`} label={t('teamRules.marginFloor', { role: t(`enum.role.${r}`) })} step="0.01" />
                  </Fragment>
                ))}
              </div>
            </fieldset>
            {canEdit ? (
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('teamRules.save')}</button>
                {saved ? <span className="notice" role="status">{t('teamRules.saved')}</span> : null}
              </div>
            ) : null}
          </form>
        </FormProvider>
      ) : null}
    </div>
  )
}
