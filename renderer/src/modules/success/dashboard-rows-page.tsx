// The list behind a dashboard tile: the contracts of a cancel-by month, the open complaints of an age, one rep's
// touchpoints of one week — each linking to its record and its company.
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { COMPLAINT_AGES, DASHBOARD_ROW_TILES, type DashboardRows } from '../../../../shared/modules/success'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { formatCents } from '../../../../shared/platform/money'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

export function DashboardRowsPage() {
  const { t, period, date } = useI18n()
  const { tile = '' } = useParams()
  const [params] = useSearchParams()
  const key = params.get('key') ?? ''
  const valid = isOneOf(DASHBOARD_ROW_TILES, tile)
  const rows = useData('reports.dashboardRows', valid ? { tile, key } : null)
  return (
    <section className="page">
      <PageHeader title={rows.data ? titleOf(rows.data, { t, period, date }) : t('dashboard.title')} actions={<Link className="button" to="/dashboard">{t('dashboard.back')}</Link>} />
      {!valid ? <LoadError message={t('errors.dashboardKey')} /> : null}
      {rows.error ? <LoadError message={rows.error} /> : null}
      {rows.data ? <Rows r={rows.data} /> : null}
    </section>
  )
}

type I18n = Pick<ReturnType<typeof useI18n>, 't' | 'period' | 'date'>

function titleOf(r: DashboardRows, { t, period, date }: I18n): string {
  if (r.tile === 'valueAtStake') return t('dashboard.rows.valueAtStake', { month: period(r.key) })
  if (r.tile === 'complaints') return t('dashboard.rows.complaints', { age: isOneOf(COMPLAINT_AGES, r.key) ? t(`dashboard.age.${r.key}`) : r.key })
  const [, monday = ''] = r.key.split(':')
  return t('dashboard.rows.activity', { name: r.rows[0]?.ownerName || t('dashboard.unknownRep'), week: t('dashboard.week', { monday: date(monday) }) })
}

function Rows({ r }: { r: DashboardRows }) {
  const { t, date, language } = useI18n()
  if (r.rows.length === 0) return <EmptyState>{t('dashboard.rows.empty')}</EmptyState>
  const withValue = r.rows.some((row) => row.valueCents !== null)
  return (
    <div className="card">
      <table className="data-table" aria-label={t('dashboard.rows.record')}>
        <thead><tr><th>{t('dashboard.rows.day')}</th><th>{t('dashboard.rows.record')}</th><th>{t('dashboard.rows.company')}</th><th>{t('dashboard.rows.owner')}</th>{withValue ? <th className="num">{t('dashboard.rows.value')}</th> : null}</tr></thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.id}>
              <td>{date(row.day)}</td>
              <td><Link to={row.href}>{row.title}</Link></td>
              <td><Link to={`/companies/${row.companyId}`}>{row.companyName}</Link></td>
              <td>{row.ownerName}</td>
              {withValue ? <td className="num">{row.valueCents === null ? '' : formatCents(row.valueCents, language)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {r.more ? <p className="muted small">{t('dashboard.rows.more')}</p> : null}
    </div>
  )
}
