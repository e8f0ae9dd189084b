// The journey as a line of stations on the customer page: each stay with its dates and the time spent there,
// the current one last. A panel of the customer's record (app.tsx adds it), read from `journey.history`.
import type { RecordRef } from '../../components/record-panels'
import { LoadError, StationBadge } from '../../components/page'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

export function JourneyLinePanel({ record }: { record: RecordRef }) {
  if (record.kind !== 'company') return null
  return <JourneyLine companyId={record.id} />
}

function JourneyLine({ companyId }: { companyId: string }) {
  const { t, date } = useI18n()
  const history = useData('journey.history', { companyId })
  const headingId = `journey-line-${companyId}`
  const stays = history.data?.stays ?? []
  return (
    <section className="card stack stack-gap" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('journeyHistory.title')}</h2>
      {history.error ? <LoadError message={history.error} /> : null}
      {!history.data && !history.error ? <p className="muted">{t('journeyHistory.loading')}</p> : null}
      {stays.length > 0 ? (
        <ol className="journey-line" aria-label={t('journeyHistory.title')}>
          {stays.map((stay, i) => {
            const current = stay.until === null
            return (
              <li key={`${stay.since}-${i}`} className={current ? 'journey-line__stay journey-line__stay--current' : 'journey-line__stay'} aria-current={current ? 'step' : undefined}>
                <StationBadge station={stay.station} />
                <span className="journey-line__dates">
                  {current ? t('journeyHistory.since', { date: date(stay.since) }) : t('journeyHistory.fromTo', { from: date(stay.since), to: date(stay.until!) })}
                </span>
                <span className="journey-line__days muted small">
                  {t('journeyHistory.days', { days: stay.days })}{current ? ` · ${t('journeyHistory.current')}` : ''}
                </span>
              </li>
            )
          })}
        </ol>
      ) : null}
      {history.data?.derivedStart ? <p className="muted small">{t('journeyHistory.derivedStart')}</p> : null}
    </section>
  )
}
