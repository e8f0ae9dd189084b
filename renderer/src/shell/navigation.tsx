// The navigation of the app: the customer lists, sales, service, the journey stations with the
// number of customers at each, and at the bottom the sync inbox and the settings.
import { useEffect, useState } from 'react'
import { NavLink, useLocation } from 'react-router-dom'
import type { StationCount } from '../../../shared/modules/customers'
import { STATION_NUMBER, STATION_PHASE, STATIONS, type Station } from '../../../shared/modules/customers'
import { may } from '../../../shared/platform/rights'
import { backgroundCall, call } from '../lib/api'
import { useDataVersion } from '../lib/data-events'
import { useI18n } from '../lib/i18n'

function useStationCounts(): StationCount[] {
  const location = useLocation()
  const [counts, setCounts] = useState<StationCount[]>([])
  // Again after every change and sync, not only when the user navigates.
  const version = useDataVersion()
  useEffect(() => {
    let live = true
    void backgroundCall('companies.stationCounts', {}).then((r) => live && r.ok && setCounts(r.data))
    return () => {
      live = false
    }
  }, [location.pathname, location.search, version])
  return counts
}

/**
 * Whether the signed-in user is a manager or an admin of a connected server (the Team & Benutzer page is theirs),
 * whether they work leads (inside sales, managers, admins) and whether the triage list of service requests is theirs
 * (service staff, managers, admins); a device never connected: its one user does all.
 */
function useNavRights(): { administers: boolean; worksLeads: boolean; triage: boolean } {
  const version = useDataVersion()
  const [rights, setRights] = useState({ administers: false, worksLeads: false, triage: false })
  useEffect(() => {
    let live = true
    void call('rights.get', {}).then((r) => live && r.ok && setRights({
      administers: !!r.data.role && may(r.data.role, 'teams.manage'),
      worksLeads: r.data.role === null || may(r.data.role ?? '', 'leads.work'),
      triage: !r.data.role || ['service', 'manager', 'admin'].includes(r.data.role),
    }))
    return () => {
      live = false
    }
  }, [version])
  return rights
}

export function Navigation({ openConflicts }: { openConflicts: number }) {
  const { t, number } = useI18n()
  const { administers, worksLeads, triage } = useNavRights()
  const counts = useStationCounts()
  const countOf = (station: string) => counts.find((c) => c.station === station)?.count
  const stationLink = (station: Station) => (
    <li key={station}>
      <NavLink to={`/journey/${station}`} className="nav__link">
        <span className="nav__number" aria-hidden="true">{STATION_NUMBER[station]}</span>
        <span className="nav__label">{t(`enum.station.${station}`)}</span>
        {countOf(station) !== undefined ? <span className="nav__count">{number(countOf(station)!)}</span> : null}
      </NavLink>
    </li>
  )

  return (
    <nav className="shell__nav" aria-label={t('nav.main')}>
      <h2 className="nav__heading">{t('nav.customers')}</h2>
      <ul>
        <li><NavLink to="/companies" className="nav__link">{t('nav.companies')}</NavLink></li>
        <li><NavLink to="/contacts" className="nav__link">{t('nav.contacts')}</NavLink></li>
        <li><NavLink to="/touchpoints" className="nav__link">{t('nav.touchpoints')}</NavLink></li>
        <li><NavLink to="/personas" className="nav__link">{t('nav.personas')}</NavLink></li>
        <li><NavLink to="/duplicates" className="nav__link">{t('nav.duplicates')}</NavLink></li>
        <li><NavLink to="/retention" className="nav__link">{t('nav.retention')}</NavLink></li>
      </ul>
      <h2 className="nav__heading">{t('nav.myDay')}</h2>
      <ul>
        <li><NavLink to="/week" className="nav__link">{t('nav.week')}</NavLink></li>
      </ul>
      <h2 className="nav__heading">{t('nav.success')}</h2>
      <ul>
        <li><NavLink to="/dashboard" className="nav__link">{t('nav.dashboard')}</NavLink></li>
        <li><NavLink to="/triggers" className="nav__link">{t('triggers.nav')}</NavLink></li>
      </ul>
      <h2 className="nav__heading">{t('nav.sales')}</h2>
      <ul>
        {worksLeads ? <li><NavLink to="/leads" className="nav__link">{t('leads.nav')}</NavLink></li> : null}
        <li><NavLink to="/offers" end className="nav__link">{t('nav.offers')}</NavLink></li>
        <li><NavLink to="/follow-ups" className="nav__link">{t('nav.followUps')}</NavLink></li>
        <li><NavLink to="/contracts" className="nav__link">{t('nav.contracts')}</NavLink></li>
        <li><NavLink to="/reports/order-rate" className="nav__link">{t('nav.orderRate')}</NavLink></li>
        <li><NavLink to="/reports/leads" className="nav__link">{t('leadReport.nav')}</NavLink></li>
        <li><NavLink to="/reports/renewal" className="nav__link">{t('nav.renewalRate')}</NavLink></li>
        <li><NavLink to="/products" className="nav__link">{t('nav.products')}</NavLink></li>
      </ul>
      <h2 className="nav__heading">{t('nav.service')}</h2>
      <ul>
        <li><NavLink to="/service" end className="nav__link">{t('nav.cases')}</NavLink></li>
        {triage ? <li><NavLink to="/service/intake" className="nav__link">{t('triage.nav')}</NavLink></li> : null}
        <li><NavLink to="/referrals" end className="nav__link">{t('nav.referrals')}</NavLink></li>
        <li><NavLink to="/reports/nps" className="nav__link">{t('nav.nps')}</NavLink></li>
      </ul>
      <h2 className="nav__heading">{t('nav.mail')}</h2>
      <ul>
        <li><NavLink to="/mailbox" className="nav__link">{t('nav.mailbox')}</NavLink></li>
        <li><NavLink to="/outbox" className="nav__link">{t('nav.outbox')}</NavLink></li>
      </ul>
      <h2 className="nav__heading">{t('nav.journey')}</h2>
      <h3 className="nav__phase">{t('nav.phase.buy')}</h3>
      <ul>{STATIONS.filter((s) => STATION_PHASE[s] === 'buy').map(stationLink)}</ul>
      <h3 className="nav__phase">{t('nav.phase.use')}</h3>
      <ul>{STATIONS.filter((s) => STATION_PHASE[s] === 'use').map(stationLink)}</ul>
      <ul>
        <li><NavLink to="/reports/journey-map" className="nav__link">{t('journeyMap.nav')}</NavLink></li>
      </ul>
      <ul className="nav__bottom">
        <li>
          <NavLink to="/conflicts" className="nav__link">
            <span className="nav__label">{t('nav.conflicts')}</span>
            {openConflicts > 0 ? <span className="nav__count nav__count--warn">{number(openConflicts)}</span> : null}
          </NavLink>
        </li>
        {administers ? <li><NavLink to="/team" className="nav__link">{t('teamAdmin.nav')}</NavLink></li> : null}
        <li><NavLink to="/settings" className="nav__link">{t('nav.settings')}</NavLink></li>
      </ul>
    </nav>
  )
}
