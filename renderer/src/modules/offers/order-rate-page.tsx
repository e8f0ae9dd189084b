// Auftragsquote: order rate by count and value, per period, owner and segment; with vs. without a
// pre-offer conversation; the lost reasons as a Pareto chart; follow-up discipline.
import { useState } from 'react'
import type { OrderRateReport, OrderRateRow } from '../../../../shared/modules/offers/offer.types'
import { LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { money } from '../../lib/money'
import { todayIso } from '../../lib/today'
import { ReportRange, type Period } from '../../components/filters'

const yearStart = () => `${todayIso().slice(0, 4)}-01-01`

export function OrderRatePage() {
  const { t } = useI18n()
  const [range, setRange] = useState<{ from: string; to: string; period: Period }>({ from: yearStart(), to: todayIso(), period: 'month' })
  const report = useData('reports.orderRate', range)
  return (
    <section className="page">
      <PageHeader title={t('report.title')} subtitle={t('report.subtitle')} />
      <ReportRange {...range} onChange={setRange} />
      {report.error ? <LoadError message={report.error} /> : null}
      {report.data ? <Report r={report.data} /> : null}
    </section>
  )
}

export function Rate({ value }: { value: number | null }) {
  const { language } = useI18n()
  return <>{value === null ? '–' : new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value)}</>
}

function Kpi({ label, row }: { label: string; row: OrderRateRow }) {
  const { t, number } = useI18n()
  return (
    <div className="card kpi" role="group" aria-label={label}>
      <h2>{label}</h2>
      <p className="kpi__value"><Rate value={row.rateByCount} /></p>
      <p className="muted small">{t('report.byCount', { won: number(row.won), decided: number(row.decided) })}</p>
      <p className="kpi__secondary"><Rate value={row.rateByValue} /> <span className="muted small">{t('report.byValue')}</span></p>
    </div>
  )
}

function RowsTable({ title, rows, label }: { title: string; rows: OrderRateRow[]; label: (key: string) => string }) {
  const { t, number, language } = useI18n()
  return (
    <div className="card">
      <h2>{title}</h2>
      {rows.length === 0 ? <p className="muted">{t('report.noData')}</p> : (
        <table className="data-table" aria-label={title}>
          <thead><tr><th /><th className="num">{t('report.decided')}</th><th className="num">{t('report.won')}</th><th className="num">{t('report.rateCount')}</th><th className="num">{t('report.rateValue')}</th><th className="num">{t('report.wonValue')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}><th scope="row">{label(r.key)}</th><td className="num">{number(r.decided)}</td><td className="num">{number(r.won)}</td><td className="num"><Rate value={r.rateByCount} /></td><td className="num"><Rate value={r.rateByValue} /></td><td className="num">{money(r.wonValueCents, language)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** Bars for the count of each lost reason, most frequent first, and the cumulative share as a line. */
function Pareto({ reasons }: { reasons: OrderRateReport['lostReasons'] }) {
  const { t, number } = useI18n()
  if (reasons.length === 0) return <p className="muted">{t('report.noLost')}</p>
  const width = 640
  const height = 280
  const pad = { left: 40, right: 44, top: 16, bottom: 92 }
  const max = Math.max(...reasons.map((r) => r.count))
  const slot = (width - pad.left - pad.right) / reasons.length
  const barWidth = Math.min(slot * 0.7, 90)
  const y = (count: number) => pad.top + (height - pad.top - pad.bottom) * (1 - count / max)
  const yShare = (share: number) => pad.top + (height - pad.top - pad.bottom) * (1 - share)
  const points = reasons.map((r, i) => `${pad.left + slot * (i + 0.5)},${yShare(r.cumulativeShare)}`).join(' ')
  return (
    <figure className="pareto">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('report.paretoLabel')}>
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} className="pareto__axis" />
        {reasons.map((r, i) => (
          <g key={r.reason}>
            <rect x={pad.left + slot * (i + 0.5) - barWidth / 2} width={barWidth} y={y(r.count)} height={height - pad.bottom - y(r.count)} className="pareto__bar" />
            <text x={pad.left + slot * (i + 0.5)} y={y(r.count) - 4} textAnchor="middle" className="pareto__count">{number(r.count)}</text>
            <text x={pad.left + slot * (i + 0.5)} y={height - pad.bottom + 14} textAnchor="end" transform={`rotate(-30 ${pad.left + slot * (i + 0.5)} ${height - pad.bottom + 14})`} className="pareto__label">{t(`enum.lostReason.${r.reason}`)}</text>
          </g>
        ))}
        <polyline points={points} className="pareto__line" />
        {reasons.map((r, i) => <circle key={r.reason} cx={pad.left + slot * (i + 0.5)} cy={yShare(r.cumulativeShare)} r={3} className="pareto__dot" />)}
        <text x={width - pad.right + 6} y={yShare(1) + 4} className="pareto__label">100 %</text>
        <text x={width - pad.right + 6} y={yShare(0.8) + 4} className="pareto__label">80 %</text>
        <line x1={pad.left} x2={width - pad.right} y1={yShare(0.8)} y2={yShare(0.8)} className="pareto__eighty" />
      </svg>
      <figcaption>
        <ul className="pareto__legend" aria-label={t('report.lostReasons')}>
          {reasons.map((r) => <li key={r.reason}>{t(`enum.lostReason.${r.reason}`)}: {number(r.count)}</li>)}
        </ul>
      </figcaption>
    </figure>
  )
}

function Report({ r }: { r: OrderRateReport }) {
  const { t, number } = useI18n()
  const d = r.followUpDiscipline
  return (
    <>
      <div className="kpi-grid">
        <Kpi label={t('report.total')} row={r.total} />
        <Kpi label={t('report.withConversation')} row={r.withConversation} />
        <Kpi label={t('report.withoutConversation')} row={r.withoutConversation} />
        <div className="card kpi" role="group" aria-label={t('report.discipline')}>
          <h2>{t('report.discipline')}</h2>
          <p className="kpi__value"><Rate value={d.share} /></p>
          <p className="muted small">{t('report.disciplineDetail', { onTime: number(d.onTime), due: number(d.due) })}</p>
        </div>
      </div>
      <div className="card">
        <h2>{t('report.lostReasons')}</h2>
        <Pareto reasons={r.lostReasons} />
      </div>
      <div className="report-grid">
        <RowsTable title={t('report.byPeriod')} rows={r.byPeriod} label={(k) => k} />
        <RowsTable title={t('report.byOwner')} rows={r.byOwner} label={(k) => k || '–'} />
        <RowsTable title={t('report.bySegment')} rows={r.bySegment} label={(k) => (k ? t(`enum.segment.${k}`) : t('report.noSegment'))} />
      </div>
    </>
  )
}
