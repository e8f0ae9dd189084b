// Settings → Firmenprofil: the user's own signature details, the letterhead, footer and bank details of
// the letters, and this device's station settings (delivery terms, renewal lead; the team's rules are team-rules-section.tsx). Says which details an offer still cannot go out without, and
// opens the setup assistant again.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { FormProvider, useForm } from 'react-hook-form'
import { companyProfileSchema, type CompanyProfileSettings } from '../../../../shared/modules/settings'
import { FormError, NumberField, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { Link } from 'react-router-dom'
import { missingLetterDetails } from '../../../../shared/platform/letter-profile'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

const ME_FIELDS = ['repName', 'repJobTitle', 'repEmail', 'repPhone', 'repMobile'] as const
const FIELDS = ['name', 'street', 'postalCode', 'city', 'phone', 'email', 'website', 'logoPath', 'managingDirectors', 'registerCourt', 'registerNumber', 'vatId', 'bankName', 'iban', 'bic'] as const

export function ProfileSettings() {
  const { t, language } = useI18n()
  const profile = useData('profile.get', {})
  const { run, busy } = useAction()
  const [notice, setNotice] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<z.input<typeof companyProfileSchema>, unknown, CompanyProfileSettings>({ resolver: zodResolver(companyProfileSchema) })
  useEffect(() => {
    if (profile.data) form.reset(profile.data)
  }, [profile.data, form])
  const save = form.handleSubmit(async (values) => {
    setNotice(null)
    setFormError(null)
    const result = await run('profile.update', values)
    if (!result.ok) return setFormError(showServerErrors(form, result.error))
    setNotice(t('profile.saved'))
    profile.reload()
  })
  if (!profile.data) return null
  const missing = missingLetterDetails(profile.data).map((f) => t(`profile.${f}`))
  return (
    <div className="card sync-card">
      <h2>{t('profile.title')}</h2>
      <p className="muted small">{t('profile.hint')}</p>
      {missing.length > 0 ? (
        <p className="notice notice--warn" role="status">
          {t('profile.incomplete', { fields: new Intl.ListFormat(language === 'de' ? 'de-DE' : 'en-GB', { type: 'conjunction' }).format(missing) })}
        </p>
      ) : null}
      <p><Link to="/setup" state={{ from: '/settings' }}>{t('profile.openSetup')}</Link></p>
      <FormProvider {...form}>
        <form onSubmit={save} noValidate className="form" aria-label={t('profile.title')}>
          <FormError message={formError} />
          <fieldset>
            <legend>{t('profile.me')}</legend>
            <div className="form-grid">
              {ME_FIELDS.map((field) => <TextField key={field} name={field} label={t(`profile.${field}`)} hint={field === 'repPhone' ? t('profile.repPhoneHint') : undefined} />)}
            </div>
          </fieldset>
          <div className="form-grid">
            {FIELDS.map((field) => <TextField key={field} name={field} label={t(`profile.${field}`)} wide={field === 'logoPath'} />)}
            <TextAreaField name="defaultDeliveryTerms" label={t('profile.defaultDeliveryTerms')} rows={2} />
          </div>
          <fieldset>
            <legend>{t('profile.rules')}</legend>
            <div className="form-grid">
              <NumberField name="renewalLeadDays" label={t('profile.renewalLeadDays')} step="1" />
            </div>
          </fieldset>
          <div className="form-actions"><button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button></div>
          {notice ? <p className="notice" role="status">{notice}</p> : null}
        </form>
      </FormProvider>
    </div>
  )
}
