// The retention periods (years without activity, per kind), a small form of whole numbers read the app's way.
import { zodResolver } from '@hookform/resolvers/zod'
import { FormProvider, useForm } from 'react-hook-form'
import { retentionSettingsSchema, type RetentionSettings } from '../../../../shared/modules/customers/retention.schema'
import { NumberField } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'

export function RetentionSettingsForm({ settings, busy, onSave }: { settings: RetentionSettings; busy: boolean; onSave: (settings: RetentionSettings) => Promise<void> }) {
  const { t } = useI18n()
  const form = useForm<RetentionSettings>({ resolver: zodResolver(retentionSettingsSchema) as never, values: settings })
  return (
    <section className="card form" aria-label={t('retention.settings')}>
      <h2>{t('retention.settings')}</h2>
      <FormProvider {...form}>
        <form noValidate onSubmit={form.handleSubmit((values) => onSave(values))}>
          <div className="form-grid form-grid--two">
            <NumberField name="prospectYears" label={t('retention.prospectYears')} decimals={0} required />
            <NumberField name="formerYears" label={t('retention.formerYears')} decimals={0} required />
          </div>
          <div className="form-actions"><button type="submit" className="button" disabled={busy}>{t('retention.saveSettings')}</button></div>
        </form>
      </FormProvider>
    </section>
  )
}
