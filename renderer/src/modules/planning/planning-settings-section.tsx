// Settings: how many minutes before an appointment this device reminds (a device setting, `settings.update`).
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { z } from 'zod'
import { DEFAULT_REMINDER_LEAD_MINUTES, planningDeviceSettingsShape } from '../../../../shared/modules/planning'
import { FormError, NumberField, showServerErrors } from '../../components/form-fields'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

const schema = z.object(planningDeviceSettingsShape)
type Lead = z.infer<typeof schema>

export function PlanningSettingsSection() {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const settings = useData('settings.get', {})
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const form = useForm<Lead>({ resolver: zodResolver(schema), defaultValues: { reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES } })
  useEffect(() => {
    if (settings.data) form.reset({ reminderLeadMinutes: settings.data.reminderLeadMinutes })
  }, [settings.data, form])
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false)
    setError(null)
    const result = await run('settings.update', values)
    if (result.ok) setSaved(true)
    else setError(showServerErrors(form, result.error))
  })
  return (
    <div className="card">
      <h2>{t('appointment.settings.title')}</h2>
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="form" aria-label={t('appointment.settings.title')}>
          <FormError message={error} />
          <NumberField name="reminderLeadMinutes" label={t('appointment.settings.lead')} hint={t('appointment.settings.hint')} decimals={0} step="1" />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>
            {saved ? <span className="notice" role="status">{t('appointment.settings.saved')}</span> : null}
          </div>
        </form>
      </FormProvider>
    </div>
  )
}
