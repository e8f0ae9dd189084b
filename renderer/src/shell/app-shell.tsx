// The frame of every screen, composed from the modules: the skip link, the header with the sync line
// and the language switch, the navigation, the demo banner, the damaged-file warning and the due-work
// banner above the page.
// The shell is part of the composition root (with app.tsx): it may use module entries; components/ may not.
import { useState, type ReactNode } from 'react'
import { useI18n } from '../lib/i18n'
import { useAction } from '../lib/use-action'
import { SyncIndicator, useSyncStatus } from '../modules/sync'
import { DueFollowUpsBanner } from '../modules/worklist'
import { Navigation } from './navigation'
import { reloadOnStartPage, useAppInfo } from './use-app-info'

/** The first thing Tab reaches: skips the header and the navigation to the page (hidden until focused). */
function SkipLink() {
  const { t } = useI18n()
  const [focused, setFocused] = useState(false)
  return (
    <a
      href="#main"
      className={focused ? 'skip-link' : 'skip-link visually-hidden'}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      // The router lives in the hash: move the focus instead of following the link.
      onClick={(e) => {
        e.preventDefault()
        document.getElementById('main')?.focus()
      }}
    >
      {t('shell.skipToContent')}
    </a>
  )
}

/** While the demo database is open: says so on every screen, and leads back to the user's own data. */
function DemoBanner() {
  const { t, tFromData } = useI18n()
  const { run, busy } = useAction()
  const [error, setError] = useState<string | null>(null)
  const back = async () => {
    const result = await run('demo.close', {})
    if (result.ok) reloadOnStartPage()
    else setError(tFromData(result.error.message))
  }
  return (
    <div className="banner banner--demo" role="region" aria-label={t('settings.demo')}>
      <span>{t('demo.banner')}</span>
      <button type="button" className="button" disabled={busy} onClick={() => void back()}>{busy ? t('demo.switching') : t('demo.back')}</button>
      {error ? <span role="alert">{error}</span> : null}
    </div>
  )
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n()
  const { damagedDatabase, demo } = useAppInfo()
  const { status: syncStatus } = useSyncStatus()

  return (
    <div className="shell">
      <SkipLink />
      <header className="shell__top">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">K</span>
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <SyncIndicator status={syncStatus} />
        <label className="lang-switch">
          <span>{t('lang.switch')}</span>
          <select value={language} onChange={(e) => void setLanguage(e.target.value === 'en' ? 'en' : 'de')}>
            <option value="de">{t('lang.de')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
      </header>
      <Navigation openConflicts={syncStatus?.openConflicts ?? 0} />
      <main id="main" tabIndex={-1} className="shell__main">
        {demo ? <DemoBanner /> : null}
        {damagedDatabase ? <div className="banner banner--danger" role="alert">{t('errors.db.integrity', { path: damagedDatabase })}</div> : null}
        <DueFollowUpsBanner />
        {children}
      </main>
    </div>
  )
}
