// The renewal pipeline: contracts by cancel-by date (next 30, 90, 180 days) with the annual value at
// stake, soonest first; and every contract by status.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { CONTRACT_STATUSES, PIPELINE_HORIZONS } from '../../../../shared/modules/contracts/contract.enums'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { StatusBadge } from '../../components/status-badge'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { OwnerFilter } from '../../components/filters'

type Horizon = (typeof PIPELINE_HORIZONS)[number]

/** What the contract list filters by: the running ones, one status, or all (''). */
const STATUS_FILTERS = ['running', ...CONTRACT_STATUSES, ''] as const
type ContractStatusFilter = (typeof STATUS_FILTERS)[number]

export function ContractsPage() {
  const { t, number, date, language } = useI18n()
  const [days, setDays] = useState<Horizon>(90)
  const [ownerId, setOwnerId] = useState('')
  const [status, setStatus] = useState<ContractStatusFilter>('running')
  const pipeline = useData('contracts.pipeline', { days, ownerId, limit: 200 })
  const all = useData('contracts.list', { status, ownerId, limit: 200 })
  const p = pipeline.data
  return (
    <section className="page">
      <PageHeader title={t('contract.pipelineTitle')} subtitle={t('contract.pipelineSubtitle')} />
      <div className="toolbar">
        <OwnerFilter value={ownerId} onChange={setOwnerId} />
      </div>
      {pipeline.error ? <LoadError message={pipeline.error} /> : null}
      {p ? (
        <div className="stack">
          <div className="kpi-grid" role="group" aria-label={t('contract.horizons')}>
            {p.buckets.map((b) => (
              <button key={b.days} type="button" className={`card kpi kpi--button${b.days === days ? ' kpi--selected' : ''}`} aria-pressed={b.days === days}
                onClick={() => setDays(b.days as Horizon)}>
                <span className="kpi__title">{t('contract.nextDays', { n: b.days })}</span>
                <span className="kpi__value">{number(b.count)}</span>
                <span className="muted small">{t('contract.valueAtRisk', { value: formatCents(b.annualValueCents, language) })}</span>
              </button>
            ))}
          </div>
          <div className="card">
            <h2>{t('contract.pipelineList', { n: days })}</h2>
            {p.rows.length === 0 ? <EmptyState>{t('contract.pipelineEmpty')}</EmptyState> : (
              <div className="table-scroll"><table className="data-table" aria-label={t('contract.pipelineList', { n: days })}>
                <thead><tr><th className="nowrap">{t('contract.cancelByColumn')}</th><th className="num">{t('contract.daysLeftColumn')}</th><th>{t('contract.number')}</th><th>{t('contract.company')}</th><th>{t('contract.titleField')}</th><th className="num">{t('contract.annualValue')}</th><th>{t('contract.owner')}</th><th>{t('contract.renewalOfferColumn')}</th></tr></thead>
                <tbody>
                  {p.rows.map((r) => (
                    <tr key={r.id} className={r.daysLeft <= 30 ? 'row--urgent' : undefined}>
                      <td className="nowrap"><strong>{date(r.cancelBy)}</strong></td>
                      <td className="num">{number(r.daysLeft)}</td>
                      <td className="nowrap"><Link to={`/contracts/${r.id}`}>{r.number}</Link></td>
                      <td><Link to={`/companies/${r.companyId}`}>{r.companyName}</Link></td>
                      <td>{r.title}</td>
                      <td className="num">{formatCents(r.annualValueCents, language)}</td>
                      <td>{r.ownerName}</td>
                      <td>{r.renewalOfferStatus ? <StatusBadge list="offerStatus" value={r.renewalOfferStatus} /> : <span className="muted">–</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table></div>
            )}
            {p.total > p.rows.length ? <p className="muted small">{t('contract.moreRows', { shown: number(p.rows.length), total: number(p.total) })}</p> : null}
          </div>
        </div>
      ) : null}
      <div className="card stack-gap">
        <h2>{t('contract.allContracts')}</h2>
        <div className="toolbar">
          <label>{t('contract.status')}
            <select value={status} onChange={(e) => setStatus(isOneOf(STATUS_FILTERS, e.target.value) ? e.target.value : 'running')}>
              <option value="running">{t('contract.statusRunning')}</option>
              <option value="">{t('common.all')}</option>
              {CONTRACT_STATUSES.map((s) => <option key={s} value={s}>{t(`enum.contractStatus.${s}`)}</option>)}
            </select>
          </label>
          <ExportButtons onExport={(format) => call('contracts.export', { status, ownerId, format, language })} />
        </div>
        {all.error ? <LoadError message={all.error} /> : null}
        {all.data && all.data.rows.length === 0 ? <EmptyState>{t('contract.empty')}</EmptyState> : null}
        {all.data && all.data.rows.length > 0 ? (
          <table className="data-table" aria-label={t('contract.allContracts')}>
            <thead><tr><th>{t('contract.number')}</th><th>{t('contract.company')}</th><th>{t('contract.titleField')}</th><th>{t('contract.status')}</th><th>{t('contract.endOfTerm')}</th><th>{t('contract.cancelBy')}</th><th className="num">{t('contract.annualValue')}</th></tr></thead>
            <tbody>
              {all.data.rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap"><Link to={`/contracts/${r.id}`}>{r.number}</Link></td>
                  <td><Link to={`/companies/${r.companyId}`}>{r.companyName}</Link></td>
                  <td>{r.title}</td>
                  <td><StatusBadge list="contractStatus" value={r.status} /></td>
                  <td>{date(r.endDate)}</td>
                  <td>{date(r.cancelBy)}</td>
                  <td className="num">{formatCents(r.annualValueCents, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  )
}
