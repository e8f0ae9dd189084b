// All offers: search by number or customer, filter by status, newest first.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { OFFER_STATUSES } from '../../../../shared/modules/offers/offer.enums'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { StatusBadge } from '../../components/status-badge'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { useDebounced } from '../../lib/use-debounced'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { resultCount } from '../../lib/result-count'
import { formatCents } from '../../../../shared/platform/money'

/** The status filter's choices: all, the open ones, or one status. */
const STATUS_FILTERS = ['', 'open', ...OFFER_STATUSES] as const

export function OfferListPage() {
  const { t, date, language } = useI18n()
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number]>('')
  const term = useDebounced(search, 200)
  const offers = useData('offers.list', { search: term, status, limit: 200 })
  return (
    <section className="page">
      <PageHeader title={t('offer.listTitle')} subtitle={offers.data ? resultCount(t, offers.data) : undefined}
        actions={<>
          <ExportButtons onExport={(format) => call('offers.export', { search: term, status, format, language })} />
          <Link className="button button--primary" to="/offers/new">{t('offer.new')}</Link>
        </>} />
      <div className="toolbar">
        <label>{t('offer.search')}<input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('offer.searchPlaceholder')} /></label>
        <label>{t('offer.status')}
          <select value={status} onChange={(e) => { if (isOneOf(STATUS_FILTERS, e.target.value)) setStatus(e.target.value) }}>
            <option value="">{t('common.all')}</option>
            <option value="open">{t('offer.openOnly')}</option>
            {OFFER_STATUSES.map((s) => <option key={s} value={s}>{t(`enum.offerStatus.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {offers.error ? <LoadError message={offers.error} /> : null}
      {offers.data?.total === 0 ? <EmptyState>{t('offer.empty')}</EmptyState> : null}
      {offers.data && offers.data.total > 0 ? (
        <table className="data-table card" aria-label={t('offer.listTitle')}>
          <thead><tr><th>{t('offer.number')}</th><th>{t('offer.customer')}</th><th>{t('offer.status')}</th><th>{t('offer.offerDate')}</th><th>{t('offer.validUntil')}</th><th className="num">{t('offer.gross')}</th><th>{t('offer.owner')}</th></tr></thead>
          <tbody>
            {offers.data.rows.map((o) => (
              <tr key={o.id}>
                <td><Link to={`/offers/${o.id}`}>{o.number}</Link>{o.revision > 1 ? <span className="muted"> · Rev. {o.revision}</span> : null}</td>
                <td><Link to={`/companies/${o.companyId}`}>{o.companyName}</Link></td>
                <td><StatusBadge list="offerStatus" value={o.status} /></td>
                <td>{date(o.offerDate)}</td>
                <td>{date(o.validUntil)}</td>
                <td className="num">{formatCents(o.grossCents, language)}</td>
                <td>{o.ownerName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
