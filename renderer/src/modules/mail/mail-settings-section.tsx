// The mail part of the settings page: where the accounts and the templates are set up.
import { Link } from 'react-router-dom'
import { useI18n } from '../../lib/i18n'

export function MailSettingsSection() {
  const { t } = useI18n()
  return (
    <section className="card" aria-label={t('mail.settings.title')}>
      <div className="card__header"><h2>{t('mail.settings.title')}</h2></div>
      <p>{t('mail.settings.hint')}</p>
      <div className="form-actions">
        <Link className="button" to="/settings/mail">{t('mail.settings.accounts')}</Link>
        <Link className="button" to="/settings/mail/templates">{t('mail.templates.title')}</Link>
      </div>
    </section>
  )
}
