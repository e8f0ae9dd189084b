// Device settings: language, who is working, where the data lives, the demo. Sections of other
// modules (the sync connection) are handed in by the composition root, first in the grid; in the demo
// database they give way to a note why it never syncs.
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react'
import { PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { ProfileSettings } from './profile-settings'
import { TeamRulesSection } from './team-rules-section'
import { SettingsTeamChoice } from './settings-team-choice'
import { LeadRulesSection } from '../leads'

/** After a switch between the user's database and the demo database: start afresh on the start page. */
function reloadOnStartPage(): void {
  window.location.hash = '/'
  window.location.reload()
}

/** "Demo ausprobieren" with a confirmation that says what happens; in the demo, the way back. */
function DemoSection({ demo }: { demo: boolean }) {
  const { t, tFromData } = useI18n()
  const { run, busy } = useAction()
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (asking && !d.open) d.showModal()
    if (!asking && d.open) d.close()
  }, [asking])

  const switchTo = async (channel: 'demo.open' | 'demo.close') => {
    setError(null)
    const result = await run(channel, {})
    if (result.ok) return reloadOnStartPage()
    setAsking(false)
    setError(tFromData(result.error.message))
  }

  return (
    <div className="card">
      <h2>{t('settings.demo')}</h2>
      {demo ? (
        <>
          <p>{t('settings.demoActive')}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void switchTo('demo.close')}>{busy ? t('demo.switching') : t('demo.back')}</button>
        </>
      ) : (
        <>
          <p>{t('settings.demoHint')}</p>
          <button type="button" className="button" onClick={() => setAsking(true)}>{t('settings.demoTry')}</button>
        </>
      )}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <dialog ref={dialog} className="dialog" aria-labelledby="demo-confirm-title" aria-describedby="demo-confirm-text" onClose={() => setAsking(false)}>
        <h2 id="demo-confirm-title">{t('demo.confirmTitle')}</h2>
        <p id="demo-confirm-text">{t('demo.confirmText')}</p>
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void switchTo('demo.open')}>{busy ? t('demo.switching') : t('demo.confirm')}</button>
          <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>{t('common.cancel')}</button>
        </div>
      </dialog>
    </div>
  )
}

export function SettingsPage({ sections }: { sections?: ReactNode }) {
  const { t, language, setLanguage, number } = useI18n()
  const info = useData('app.info', {})
  const settings = useData('settings.get', {})
  const users = useData('users.list', {})
  const demo = info.data?.database === 'demo'
  const action = useAction()
  // A change of the team whose settings are edited loads every section afresh.
  const [team, setTeam] = useState('')

  const changeUser = async (currentUserId: string) => {
    const result = await action.run('settings.update', { currentUserId })
    if (result.ok) settings.reload()
  }

  return (
    <section className="page">
      <PageHeader title={t('settings.title')} />
      <div className="settings-grid">
        {demo ? (
          <div className="card">
            <h2>{t('sync.title')}</h2>
            <p>{t('demo.syncUnavailable')}</p>
          </div>
        ) : null}
        <SettingsTeamChoice onChosen={setTeam} />
        <Fragment key={team}>
          {demo ? null : sections}
          <ProfileSettings />
          <TeamRulesSection />
          <LeadRulesSection />
        </Fragment>
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
              <div className="details__item">
                <dt>{t('settings.encryption')}</dt>
                <dd>{info.data.encrypted ? t('settings.encrypted') : info.data.database === 'demo' ? t('settings.unencryptedDemo') : t(info.data.mode === 'web' ? 'settings.unencryptedWeb' : 'settings.unencryptedDesktop')}</dd>
              </div>
              <div className="details__item"><dt>{t('settings.schemaVersion')}</dt><dd>{info.data.schemaVersion}</dd></div>
              <div className="details__item"><dt>{t('settings.pendingChanges')}</dt><dd>{number(info.data.pendingChanges)}</dd></div>
              <div className="details__item"><dt>{t('settings.version')}</dt><dd>{info.data.version}</dd></div>
            </dl>
          ) : null}
        </div>
        {info.data ? <DemoSection demo={demo} /> : null}
      </div>
    </section>
  )
}
