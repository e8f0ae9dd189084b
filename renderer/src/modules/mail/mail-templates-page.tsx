// Einstellungen → E-Mail-Vorlagen: the template of each purpose in German and English, with the placeholders it
// may use. A placeholder the purpose does not know is named while typing and refused on saving.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link } from 'react-router-dom'
import { MAIL_PURPOSES, mailTemplateSchema, unknownPlaceholders, type MailPurpose, type MailTemplate } from '../../../../shared/modules/mail'
import { FormError, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'

type Language = 'de' | 'en'

export function MailTemplatesPage() {
  const { t } = useI18n()
  const templates = useData('mailTemplates.list', {})
  const [purpose, setPurpose] = useState<MailPurpose>('offer')
  const [language, setLanguage] = useState<Language>('de')
  const current = templates.data?.find((x) => x.purpose === purpose && x.language === language)
  return (
    <section className="page">
      <PageHeader title={t('mail.templates.title')} actions={<Link className="button" to="/settings/mail">{t('mail.compose.back')}</Link>} />
      <section className="card">
        <p>{t('mail.templates.hint')}</p>
        <div className="form-grid">
          <label className="field">
            <span className="field__label">{t('mail.templates.purpose')}</span>
            <select value={purpose} onChange={(e) => setPurpose(e.target.value as MailPurpose)}>
              {MAIL_PURPOSES.map((p) => <option key={p} value={p}>{t(`mail.purpose.${p}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('mail.compose.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              <option value="de">{t('enum.language.de')}</option>
              <option value="en">{t('enum.language.en')}</option>
            </select>
          </label>
        </div>
      </section>
      {templates.error ? <LoadError message={templates.error} /> : null}
      {current ? <TemplateForm key={`${purpose}.${language}`} template={current} onSaved={templates.reload} /> : null}
    </section>
  )
}

function TemplateForm({ template, onSaved }: { template: MailTemplate; onSaved: () => void }) {
  const { t } = useI18n()
  const action = useAction()
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const form = useForm({ resolver: zodResolver(mailTemplateSchema), defaultValues: { purpose: template.purpose, language: template.language, subject: template.subject, body: template.body } })
  useEffect(() => setSaved(false), [template])
  const [subject, body] = form.watch(['subject', 'body'])
  const unknown = [...new Set([...unknownPlaceholders(subject ?? '', template.purpose), ...unknownPlaceholders(body ?? '', template.purpose)])]

  const save = form.handleSubmit(async (values) => {
    setError(null)
    const result = await action.run('mailTemplates.save', values)
    if (!result.ok) return setError(showServerErrors(form, result.error))
    setSaved(true)
    onSaved()
  })
  const reset = async () => {
    const result = await action.run('mailTemplates.reset', { purpose: template.purpose, language: template.language })
    if (!result.ok) return setError(result.error.message)
    form.reset({ purpose: template.purpose, language: template.language, subject: result.data.subject, body: result.data.body })
    onSaved()
  }
  return (
    <FormProvider {...form}>
      <form className="card form" onSubmit={(e) => void save(e)} noValidate aria-label={t(`mail.purpose.${template.purpose}`)}>
        <div className="card__header">
          <h2>{t(`mail.purpose.${template.purpose}`)}</h2>
          <Badge tone={template.custom ? 'station' : 'muted'}>{template.custom ? t('mail.templates.custom') : t('mail.templates.builtIn')}</Badge>
        </div>
        <div className="form-grid">
          <TextField name="subject" label={t('mail.compose.subject')} required wide />
          <TextAreaField name="body" label={t('mail.compose.body')} required rows={14} maxLength={20_000} />
        </div>
        <p className="muted small">{t('mail.templates.placeholders')}: {template.placeholders.map((p) => `{${p}}`).join(' ')}</p>
        {unknown.length > 0 ? <p className="field__error" role="alert">{t('mail.templates.unknown', { names: unknown.map((n) => `{${n}}`).join(', ') })}</p> : null}
        <FormError message={error} />
        {saved ? <p className="notice" role="status">{t('mail.templates.saved')}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>{t('mail.templates.save')}</button>
          {template.custom ? <button type="button" className="button" disabled={action.busy} onClick={() => void reset()}>{t('mail.templates.reset')}</button> : null}
        </div>
      </form>
    </FormProvider>
  )
}
