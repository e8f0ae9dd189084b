// The frame of every screen: navigation by journey station, the customer lists, settings, language switch.
import { useEffect, useState, type ReactNode } from 'react'
import { NavLink, useLocation } from 'react-router-dom'
import type { StationCount } from '../../../shared/modules/customers/customer.types'
import { STATION_NUMBER, STATION_PHASE, STATIONS } from '../../../shared/modules/journey/journey.stations'
import { call } from '../lib/api'
import { setAppNow } from '../lib/today'
import { useI18n } from '../lib/i18n'
import { SyncIndicator } from '../modules/sync/sync-indicator'
import { useSyncStatus } from '../modules/sync/use-sync-status'
import { DueFollowUpsBanner } from '../modules/worklist/due-banner'

export function AppShell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage, number } = useI18n()
  const location = useLocation()
  const [counts, setCounts] = useState<StationCount[]>([])
  const [damaged, setDamaged] = useState<string | null>(null)
  const { status: syncStatus } = useSyncStatus()

  useEffect(() => {
    void call('companies.stationCounts', {}).then((r) => r.ok && setCounts(r.data))
  }, [location.pathname, location.search])

  useEffect(() => {
    // The background integrity check takes a few seconds on a large file; ask again until it is done.
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () =>
      void call('app.info', {}).then((r) => {
        if (!r.ok) return
        setAppNow(r.data.now)
        if (r.data.integrity === 'corrupt') setDamaged(r.data.databasePath)
        else if (r.data.integrity === 'checking') timer = setTimeout(poll, 2000)
      })
    poll()
    return () => clearTimeout(timer)
  }, [])

  const countOf = (station: string) => counts.find((c) => c.station === station)?.count
  const stationLink = (station: (typeof STATIONS)[number]) => (
    <li key={station}>
      <NavLink to={`/journey/${station}`} className="nav__link">
        <span className="nav__number" aria-hidden="true">{STATION_NUMBER[station]}</span>
        <span className="nav__label">{t(`enum.station.${station}`)}</span>
        {countOf(station) !== undefined ? <span className="nav__count">{number(countOf(station)!)}</span> : null}
      </NavLink>
    </li>
  )

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
      <nav className="shell__nav" aria-label={t('nav.main')}>
        <h2 className="nav__heading">{t('nav.customers')}</h2>
        <ul>
          <li><NavLink to="/companies" className="nav__link">{t('nav.companies')}</NavLink></li>
          <li><NavLink to="/contacts" className="nav__link">{t('nav.contacts')}</NavLink></li>
          <li><NavLink to="/touchpoints" className="nav__link">{t('nav.touchpoints')}</NavLink></li>
          <li><NavLink to="/personas" className="nav__link">{t('nav.personas')}</NavLink></li>
        </ul>
        <h2 className="nav__heading">{t('nav.sales')}</h2>
        <ul>
          <li><NavLink to="/offers" end className="nav__link">{t('nav.offers')}</NavLink></li>
          <li><NavLink to="/follow-ups" className="nav__link">{t('nav.followUps')}</NavLink></li>
          <li><NavLink to="/contracts" className="nav__link">{t('nav.contracts')}</NavLink></li>
          <li><NavLink to="/reports/order-rate" className="nav__link">{t('nav.orderRate')}</NavLink></li>
          <li><NavLink to="/reports/renewal" className="nav__link">{t('nav.renewalRate')}</NavLink></li>
          <li><NavLink to="/products" className="nav__link">{t('nav.products')}</NavLink></li>
        </ul>
        <h2 className="nav__heading">{t('nav.service')}</h2>
        <ul>
          <li><NavLink to="/service" className="nav__link">{t('nav.cases')}</NavLink></li>
          <li><NavLink to="/referrals" end className="nav__link">{t('nav.referrals')}</NavLink></li>
          <li><NavLink to="/reports/nps" className="nav__link">{t('nav.nps')}</NavLink></li>
        </ul>
        <h2 className="nav__heading">{t('nav.journey')}</h2>
        <h3 className="nav__phase">{t('nav.phase.buy')}</h3>
        <ul>{STATIONS.filter((s) => STATION_PHASE[s] === 'buy').map(stationLink)}</ul>
        <h3 className="nav__phase">{t('nav.phase.use')}</h3>
        <ul>{STATIONS.filter((s) => STATION_PHASE[s] === 'use').map(stationLink)}</ul>
        <ul className="nav__bottom">
          <li>
            <NavLink to="/conflicts" className="nav__link">
              <span className="nav__label">{t('nav.conflicts')}</span>
              {syncStatus && syncStatus.openConflicts > 0 ? <span className="nav__count nav__count--warn">{number(syncStatus.openConflicts)}</span> : null}
            </NavLink>
          </li>
          <li><NavLink to="/settings" className="nav__link">{t('nav.settings')}</NavLink></li>
        </ul>
      </nav>
      <main className="shell__main">
        {damaged ? <div className="banner banner--danger" role="alert">{t('errors.db.integrity', { path: damaged })}</div> : null}
        <DueFollowUpsBanner />
        {children}
      </main>
    </div>
  )
}
