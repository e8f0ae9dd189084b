// Auftragsquote: order rate by count and value, per period, owner and segment; with vs. without a
// pre-offer conversation; the lost reasons as a Pareto chart; follow-up discipline.
import { useState } from 'react'
import { Bar, CartesianGrid, ComposedChart, LabelList, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { localeOf } from '../../../../shared/i18n'
import type { OrderRateReport, OrderRateRow, ParetoReason } from '../../../../shared/modules/offers/offer.types'
import { LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { Rate } from '../../components/rate'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { todayIso } from '../../lib/today'
import { ReportRange, type Period } from '../../components/filters'

const yearStart = () => `${todayIso().slice(0, 4)}-01-01`

export function OrderRatePage() {
  const { t, language } = useI18n()
  const [range, setRange] = useState<{ from: string; to: string; period: Period }>({ from: yearStart(), to: todayIso(), period: 'month' })
  const report = useData('reports.orderRate', range)
  return (
    <section className="page">
      <PageHeader title={t('report.title')} subtitle={t('report.subtitle')}
        actions={<ExportButtons onExport={(format) => call('orderRate.export', { ...range, format, language })} />} />
      <ReportRange {...range} onChange={setRange} />
      {report.error ? <LoadError message={report.error} /> : null}
      {report.data ? <Report r={report.data} /> : null}
    </section>
  )
}

function Kpi({ label, row }: { label: string; row: OrderRateRow }) {
  const { t, number } = useI18n()
  return (
    <div className="card kpi" role="group" aria-label={label}>
      <h2>{label}</h2>
      <p className="kpi__value"><Rate value={row.rateByCount} /></p>
      <p className="muted small">{t('report.byCount', { won: number(row.won), decided: row.decided })}</p>
      <p className="kpi__secondary"><Rate value={row.rateByValue} /> <span className="muted small">{t('report.byValue')}</span></p>
    </div>
  )
}

function RowsTable<K extends string>({ title, rows, label }: { title: string; rows: OrderRateRow<K>[]; label: (key: K) => string }) {
  const { t, number, language } = useI18n()
  return (
    <div className="card">
      <h2>{title}</h2>
      {rows.length === 0 ? <p className="muted">{t('report.noData')}</p> : (
        <table className="data-table" aria-label={title}>
          <thead><tr><th /><th className="num">{t('report.decided')}</th><th className="num">{t('report.won')}</th><th className="num">{t('report.rateCount')}</th><th className="num">{t('report.rateValue')}</th><th className="num">{t('report.wonValue')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}><th scope="row">{label(r.key)}</th><td className="num">{number(r.decided)}</td><td className="num">{number(r.won)}</td><td className="num"><Rate value={r.rateByCount} /></td><td className="num"><Rate value={r.rateByValue} /></td><td className="num">{formatCents(r.wonValueCents, language)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** The --brand and --warn colours of styles.css (recharts takes colours as values). */
const BAR_COLOUR = '#0b5c8a'
const LINE_COLOUR = '#9a5b00'
const AXIS_TICK = { fontSize: 12, fill: '#5b6878' }

/** Chart words the catalogue does not have yet (shared/i18n is kept by another hand). */

/** A share as a percentage in the locale: "80 %", "66,7 %" (de-DE). */
const percent = (value: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)

/**
 * A bar's count inside its top when the bar is tall enough, else just above it: the cumulative
 * line runs along the bar tops and would cover a count written above every bar.
 */
function CountLabel({ box, value }: { box: unknown; value: string }) {
  if (!box || typeof box !== 'object' || !('height' in box)) return null
  const { x, y, width, height } = box as { x: number; y: number; width: number; height: number }
  const inside = height >= 22
  return (
    <text x={x + width / 2} y={inside ? y + 16 : y - 6} textAnchor="middle" className={inside ? 'chart__value chart__value--inside' : 'chart__value'}>
      {value}
    </text>
  )
}

/** Bars for the count of each lost reason, most frequent first, and the cumulative share as a line (recharts). */
function Pareto({ reasons }: { reasons: OrderRateReport['lostReasons'] }) {
  const { t, number, language } = useI18n()
  if (reasons.length === 0) return <p className="muted">{t('report.noLost')}</p>
  const reasonText = (reason: ParetoReason) => (reason ? t(`enum.lostReason.${reason}`) : t('common.noEntry'))
  const data = reasons.map((r) => ({ reason: reasonText(r.reason), count: r.count, share: r.cumulativeShare }))
  const countName = t('enum.offerStatus.lost')
  return (
    <figure className="pareto chart">
      <ComposedChart
        responsive data={data} role="img" aria-label={t('report.paretoLabel')} accessibilityLayer={false}
        className="chart__plot" margin={{ top: 22, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke="#dde3ea" />
        <XAxis dataKey="reason" interval={0} angle={-30} textAnchor="end" height={96} tick={AXIS_TICK} tickLine={false} />
        <YAxis yAxisId="count" allowDecimals={false} tickFormatter={(v: number) => number(v)} tick={AXIS_TICK} width={44} />
        <YAxis yAxisId="share" orientation="right" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={(v: number) => percent(v, localeOf(language))} tick={AXIS_TICK} width={52} />
        <ReferenceLine yAxisId="share" y={0.8} stroke={LINE_COLOUR} strokeDasharray="4 4" strokeOpacity={0.6} />
        <Bar yAxisId="count" dataKey="count" name={countName} fill={BAR_COLOUR} maxBarSize={90} isAnimationActive={false}>
          <LabelList dataKey="count" content={(props) => <CountLabel box={props.viewBox} value={number(Number(props.value))} />} />
        </Bar>
        <Line yAxisId="share" dataKey="share" name={t('report.cumulativeShare')} type="linear" stroke={LINE_COLOUR} strokeWidth={2}
          dot={{ r: 3, fill: LINE_COLOUR }} isAnimationActive={false} />
        <Tooltip separator=": " itemSorter="dataKey" cursor={{ fill: 'rgba(11, 92, 138, 0.08)' }} isAnimationActive={false}
          formatter={(value, _name, item) => (item.dataKey === 'share' ? percent(Number(value), localeOf(language)) : number(Number(value)))} />
        <Legend itemSorter="dataKey" verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 12.5 }} />
      </ComposedChart>
      <figcaption>
        <ul className="chart__legend" aria-label={t('report.lostReasons')}>
          {reasons.map((r) => <li key={r.reason}>{reasonText(r.reason)}: {number(r.count)}</li>)}
        </ul>
      </figcaption>
    </figure>
  )
}

function Report({ r }: { r: OrderRateReport }) {
  const { t, number, period } = useI18n()
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
          <p className="muted small">{t('report.disciplineDetail', { onTime: number(d.onTime), due: d.due })}</p>
        </div>
        <div className="card kpi" role="group" aria-label={t('approval.report')}>
          <h2>{t('approval.report')}</h2>
          <p className="kpi__value">{number(r.approvals.offers)}</p>
          <p className="muted small">{r.approvals.medianHoursToDecision === null ? t('approval.reportUndecided') : t('approval.reportDetail', { hours: number(r.approvals.medianHoursToDecision), decided: number(r.approvals.decided) })}</p>
        </div>
      </div>
      <div className="card">
        <h2>{t('report.lostReasons')}</h2>
        <Pareto reasons={r.lostReasons} />
      </div>
      <div className="report-grid">
        <RowsTable title={t('report.byPeriod')} rows={r.byPeriod} label={period} />
        <RowsTable title={t('report.byOwner')} rows={r.byOwner} label={(k) => k || '–'} />
        <RowsTable title={t('report.bySegment')} rows={r.bySegment} label={(k) => (k ? t(`enum.segment.${k}`) : t('report.noSegment'))} />
      </div>
    </>
  )
}
