// The frame of every screen, composed from the modules: the header with the sync line and the
// language switch, the navigation, the damaged-file warning and the due-work banner above the page.
// The shell is part of the composition root (with app.tsx): it may use module entries; components/ may not.
import type { ReactNode } from 'react'
import { useI18n } from '../lib/i18n'
import { SyncIndicator, useSyncStatus } from '../modules/sync'
import { DueFollowUpsBanner } from '../modules/worklist'
import { Navigation } from './navigation'
import { useAppInfo } from './use-app-info'

export function AppShell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n()
  const { damagedDatabase } = useAppInfo()
  const { status: syncStatus } = useSyncStatus()

  return (
    <div className="shell">
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
      <main className="shell__main">
        {damagedDatabase ? <div className="banner banner--danger" role="alert">{t('errors.db.integrity', { path: damagedDatabase })}</div> : null}
        <DueFollowUpsBanner />
        {children}
      </main>
    </div>
  )
}
