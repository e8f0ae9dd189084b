// The journey map's numbers as tables: customers per station today, the transitions, and per station the time
// spent there and the drop-outs.
import { localeOf } from '../../../../shared/i18n'
import type { JourneyMap, MapStation } from '../../../../shared/modules/journey'
import { Rate } from '../../components/rate'
import { useI18n } from '../../lib/i18n'

export function useStationLabel() {
  const { t, enumLabel } = useI18n()
  return (s: MapStation) => (s === 'left' ? t('journeyMap.left') : enumLabel('station', s))
}

export function StationsNow({ now }: { now: JourneyMap['now'] }) {
  const { t, number } = useI18n()
  const label = useStationLabel()
  return (
    <div className="card">
      <h2>{t('journeyMap.now')}</h2>
      <ul className="journey-now" aria-label={t('journeyMap.now')}>
        {now.map((n) => (
          <li key={n.station} className={n.station === 'left' ? 'journey-now__tile journey-now__tile--left' : 'journey-now__tile'}>
            <span className="journey-now__count">{number(n.count)}</span>
            <span className="journey-now__station">{label(n.station)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function TransitionsTable({ transitions }: { transitions: JourneyMap['transitions'] }) {
  const { t, number } = useI18n()
  const label = useStationLabel()
  if (transitions.length === 0) return null
  return (
    <table className="data-table" aria-label={t('journeyMap.transitions')}>
      <thead><tr><th>{t('journeyMap.col.from')}</th><th>{t('journeyMap.col.to')}</th><th className="num">{t('journeyMap.col.count')}</th></tr></thead>
      <tbody>
        {transitions.map((tr) => (
          <tr key={`${tr.from}-${tr.to}`}><td>{label(tr.from)}</td><td>{label(tr.to)}</td><td className="num">{number(tr.count)}</td></tr>
        ))}
      </tbody>
    </table>
  )
}

export function StationTable({ stations }: { stations: JourneyMap['stations'] }) {
  const { t, number, language } = useI18n()
  const label = useStationLabel()
  const days = (value: number | null) => (value === null ? t('journeyMap.none') : t('journeyMap.days', { days: value }))
  // A median of an even count may fall between two days: "40,5 Tage".
  const medianText = (value: number | null) => (value === null || Number.isInteger(value) ? days(value)
    : t('journeyMap.daysDecimal', { days: new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value) }))
  return (
    <table className="data-table" aria-label={t('journeyMap.perStation')}>
      <thead>
        <tr>
          <th>{t('journeyMap.col.station')}</th><th className="num">{t('journeyMap.col.customers')}</th><th className="num">{t('journeyMap.col.completed')}</th>
          <th className="num">{t('journeyMap.col.median')}</th><th className="num">{t('journeyMap.col.lost')}</th><th className="num">{t('journeyMap.col.churned')}</th>
          <th className="num">{t('journeyMap.col.dropOut')}</th>
        </tr>
      </thead>
      <tbody>
        {stations.map((s) => (
          <tr key={s.station}>
            <th scope="row">{label(s.station)}</th><td className="num">{number(s.customers)}</td><td className="num">{number(s.completedStays)}</td>
            <td className="num">{medianText(s.medianDays)}</td><td className="num">{number(s.lost)}</td><td className="num">{number(s.churned)}</td>
            <td className="num"><Rate value={s.dropOutRate} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
