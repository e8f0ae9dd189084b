// Device settings: language, who is working, where the data lives, demo data. Sections of other
// modules (the sync connection) are handed in by the composition root, first in the grid.
import { useState, type ReactNode } from 'react'
import { PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { ProfileSettings } from './profile-settings'

export function SettingsPage({ sections }: { sections?: ReactNode }) {
  const { t, tFromData, language, setLanguage, number } = useI18n()
  const info = useData('app.info', {})
  const settings = useData('settings.get', {})
  const users = useData('users.list', {})
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const loadDemo = async () => {
    setBusy(true)
    const result = await call('demo.load', {})
    setBusy(false)
    setNotice(result.ok ? t('settings.demoLoaded', { count: result.data.companies }) : tFromData(result.error.message))
    info.reload()
    users.reload()
  }

  const changeUser = async (currentUserId: string) => {
    const result = await call('settings.update', { currentUserId })
    if (result.ok) settings.reload()
  }

  return (
    <section className="page">
      <PageHeader title={t('settings.title')} />
      <div className="settings-grid">
        {sections}
        <ProfileSettings />
        <div className="card">
          <div className="field">
            <label htmlFor="settings-language">{t('settings.language')}</label>
            <select id="settings-language" value={language} onChange={(e) => void setLanguage(e.target.value === 'en' ? 'en' : 'de')}>
              <option value="de">{t('lang.de')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-user">{t('settings.currentUser')}</label>
            <select id="settings-user" value={settings.data?.currentUserId ?? ''} onChange={(e) => void changeUser(e.target.value)}>
              {(users.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
            </select>
          </div>
        </div>
        <div className="card">
          <h2>{t('settings.database')}</h2>
          {info.data ? (
            <dl className="details">
              <div className="details__item"><dt>{t('settings.mode')}</dt><dd>{t(`settings.mode.${info.data.mode}`)}</dd></div>
              <div className="details__item"><dt>{t('settings.databasePath')}</dt><dd className="mono">{info.data.databasePath}</dd></div>
              <div className="details__item"><dt>{t('settings.schemaVersion')}</dt><dd>{info.data.schemaVersion}</dd></div>
              <div className="details__item"><dt>{t('settings.pendingChanges')}</dt><dd>{number(info.data.pendingChanges)}</dd></div>
              <div className="details__item"><dt>{t('settings.version')}</dt><dd>{info.data.version}</dd></div>
            </dl>
          ) : null}
        </div>
        <div className="card">
          <h2>{t('settings.demo')}</h2>
          <p>{t('settings.demoHint')}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void loadDemo()}>{busy ? t('common.loading') : t('settings.demoLoad')}</button>
          {notice ? <p role="status">{notice}</p> : null}
        </div>
      </div>
    </section>
  )
}
