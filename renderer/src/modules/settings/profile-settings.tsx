// Settings → Firmenprofil: letterhead, footer and bank details of the offer letter, and the rep's signature.
import { zodResolver } from '@hookform/resolvers/zod'
import { Fragment, useEffect, useState } from 'react'
import type { z } from 'zod'
import { FormProvider, useForm } from 'react-hook-form'
import { companyProfileSchema, type CompanyProfileSettings } from '../../../../shared/modules/settings'
import { FormError, NumberField, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { LOST_REASONS } from '../../../../shared/modules/offers'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { PRIORITIES } from '../../../../shared/modules/service'

const FIELDS = ['name', 'street', 'postalCode', 'city', 'phone', 'email', 'website', 'logoPath', 'managingDirectors', 'registerCourt', 'registerNumber', 'vatId', 'bankName', 'iban', 'bic', 'repJobTitle', 'repPhone'] as const

export function ProfileSettings() {
  const { t, tFromData } = useI18n()
  const profile = useData('profile.get', {})
  const [notice, setNotice] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<z.input<typeof companyProfileSchema>, unknown, CompanyProfileSettings>({ resolver: zodResolver(companyProfileSchema) })
  useEffect(() => {
    if (profile.data) form.reset(profile.data)
  }, [profile.data, form])
  const save = form.handleSubmit(async (values) => {
    setNotice(null)
    setFormError(null)
    const result = await call('profile.update', values)
    if (result.ok) setNotice(t('profile.saved'))
    else setFormError(showServerErrors(form, result.error))
  })
  if (!profile.data) return null
  return (
    <div className="card sync-card">
      <h2>{t('profile.title')}</h2>
      <p className="muted small">{t('profile.hint')}</p>
      <FormProvider {...form}>
        <form onSubmit={save} noValidate className="form" aria-label={t('profile.title')}>
          <FormError message={formError} />
          <div className="form-grid">
            {FIELDS.map((field) => <TextField key={field} name={field} label={t(`profile.${field}`)} wide={field === 'logoPath'} />)}
            <TextAreaField name="defaultDeliveryTerms" label={t('profile.defaultDeliveryTerms')} rows={2} />
          </div>
          <fieldset>
            <legend>{t('profile.rules')}</legend>
            <div className="form-grid">
              <NumberField name="followUpFirstDays" label={t('profile.followUpFirstDays')} step="1" />
              <NumberField name="followUpSecondDays" label={t('profile.followUpSecondDays')} step="1" />
              <NumberField name="followUpDaysBeforeExpiry" label={t('profile.followUpDaysBeforeExpiry')} step="1" />
              <NumberField name="renewalLeadDays" label={t('profile.renewalLeadDays')} step="1" />
            </div>
            <p className="checkbox-group__label">{t('profile.serviceLevels')}</p>
            <div className="form-grid" role="group" aria-label={t('profile.serviceLevels')}>
              {PRIORITIES.map((p) => (
                <Fragment key={p}>
                  <NumberField name={`serviceLevels.${p}.acknowledgeHours`} label={t('profile.acknowledgeHours', { priority: t(`enum.priority.${p}`) })} step="1" />
                  <NumberField name={`serviceLevels.${p}.resolveBusinessDays`} label={t('profile.resolveBusinessDays', { priority: t(`enum.priority.${p}`) })} step="1" />
                </Fragment>
              ))}
            </div>
            <div role="group" aria-label={t('profile.lostReasons')} className="checkbox-group">
              <span className="checkbox-group__label">{t('profile.lostReasons')}</span>
              {LOST_REASONS.map((r) => (
                <label key={r}><input type="checkbox" value={r} {...form.register('lostReasons')} /> {t(`enum.lostReason.${r}`)}</label>
              ))}
              {form.formState.errors.lostReasons?.message ? <p className="field__error" role="alert">{tFromData(form.formState.errors.lostReasons.message)}</p> : null}
            </div>
          </fieldset>
          <div className="form-actions"><button type="submit" className="button button--primary">{t('common.save')}</button></div>
          {notice ? <p className="notice" role="status">{notice}</p> : null}
        </form>
      </FormProvider>
    </div>
  )
}
