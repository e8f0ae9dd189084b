// "Aufbewahrung prüfen": the companies due for a deletion decision (prospects and former customers without
// activity for longer than their period), "Ein Jahr behalten", the periods, and "Prüfung abgeschlossen" for
// the monthly review. Deleting happens on the company's own page, as a decision.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { RetentionReview } from '../../../../shared/modules/customers/retention.schema'
import { RetentionSettingsForm } from './retention-settings'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

const inAYear = (today: string) => `${Number(today.slice(0, 4)) + 1}${today.slice(4, 10) === '-02-29' ? '-02-28' : today.slice(4)}`
const monthAgo = (today: string) => {
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - 1)
  return d.toISOString().slice(0, 10)
}

export function RetentionPage() {
  const { t, tFromData, date, enumLabel } = useI18n()
  const action = useAction()
  const loaded = useData('retention.list', {})
  const [review, setReview] = useState<RetentionReview | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const data = review ?? loaded.data

  const apply = (answer: Awaited<ReturnType<typeof action.run>>, message: string) => {
    if (!answer.ok) return setError(Object.values(answer.error.fields ?? {})[0] ?? answer.error.message)
    setError(null)
    setReview(answer.data as RetentionReview)
    setNotice(message)
  }

  if (loaded.error) return <LoadError message={loaded.error} />
  if (!data) return <p className="muted" role="status">{t('common.loading')}</p>
  const reviewDue = !data.lastReviewedOn || data.lastReviewedOn < monthAgo(data.today)
  return (
    <section className="page retention-page">
      <PageHeader title={t('retention.title')} subtitle={t('retention.hint')} />
      <p className={reviewDue ? 'form-error' : 'muted small'} role="status">
        {data.lastReviewedOn ? t('retention.lastReview', { date: date(data.lastReviewedOn) }) : null} {reviewDue ? t('retention.reviewDue') : null}
      </p>
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      <section className="card" aria-label={t('retention.due')}>
        <h2>{t('retention.due')}</h2>
        {data.items.length === 0 ? <EmptyState>{t('retention.empty')}</EmptyState> : (
          <table className="data-table" aria-label={t('retention.due')}>
            <thead><tr><th>{t('company.name')}</th><th>{t('company.status')}</th><th>{t('retention.lastActivity')}</th><th>{t('retention.dueSince')}</th><th className="num">{t('retention.contacts')}</th><th /></tr></thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td><Link to={`/companies/${item.id}`}>{item.name}</Link>{item.customerNumber ? <span className="muted small"> {item.customerNumber}</span> : null}</td>
                  <td>{enumLabel('status', item.status)}</td>
                  <td>{date(item.lastActivity)}</td>
                  <td>{date(item.dueSince)}</td>
                  <td className="num">{item.contacts}</td>
                  <td>
                    <button type="button" className="button button--small" disabled={action.busy} aria-label={`${t('retention.keep')}: ${item.name}`}
                      onClick={async () => apply(await action.run('retention.keep', { id: item.id, until: inAYear(data.today) }), t('retention.kept', { name: item.name, date: date(inAYear(data.today)) }))}>
                      {t('retention.keep')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={action.busy} onClick={async () => apply(await action.run('retention.complete', {}), t('retention.complete'))}>
            {t('retention.complete')}
          </button>
        </div>
      </section>
      <RetentionSettingsForm settings={data.settings} busy={action.busy}
        onSave={async (settings) => apply(await action.run('retention.settings', settings), t('retention.settingsSaved'))} />
    </section>
  )
}
