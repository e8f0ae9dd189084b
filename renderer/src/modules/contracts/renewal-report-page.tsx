// Renewal rate and churn reasons, by period and owner.
import { useState } from 'react'
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { RenewalRateRow, RenewalReport } from '../../../../shared/modules/contracts/contract.types'
import { LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { Rate } from '../../components/rate'
import { ReportRange, type Period } from '../../components/filters'

export function RenewalReportPage() {
  const { t, language } = useI18n()
  const year = Number(todayIso().slice(0, 4))
  const [range, setRange] = useState<{ from: string; to: string; period: Period }>({ from: `${year - 1}-01-01`, to: `${year}-12-31`, period: 'quarter' })
  const report = useData('reports.renewal', range)
  return (
    <section className="page">
      <PageHeader title={t('renewalReport.title')} subtitle={t('renewalReport.subtitle')}
        actions={<ExportButtons onExport={(format) => call('renewalRate.export', { ...range, format, language })} />} />
      <ReportRange {...range} onChange={setRange} />
      {report.error ? <LoadError message={report.error} /> : null}
      {report.data ? <Report r={report.data} /> : null}
    </section>
  )
}

function RowsTable({ title, rows, periods }: { title: string; rows: RenewalRateRow[]; periods?: boolean }) {
  const { t, number, language, period } = useI18n()
  return (
    <div className="card">
      <h2>{title}</h2>
      {rows.length === 0 ? <p className="muted">{t('report.noData')}</p> : (
        <table className="data-table" aria-label={title}>
          <thead><tr><th /><th className="num">{t('renewalReport.due')}</th><th className="num">{t('renewalReport.renewed')}</th><th className="num">{t('renewalReport.churned')}</th><th className="num">{t('report.rateCount')}</th><th className="num">{t('report.rateValue')}</th><th className="num">{t('renewalReport.renewedValue')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}><th scope="row">{periods ? period(r.key) : r.key}</th><td className="num">{number(r.due)}</td><td className="num">{number(r.renewed)}</td><td className="num">{number(r.churned)}</td>
                <td className="num"><Rate value={r.rateByCount} /></td><td className="num"><Rate value={r.rateByValue} /></td><td className="num">{formatCents(r.renewedValueCents, language)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** The --brand colour of styles.css (recharts takes colours as values). */
const BAR_COLOUR = '#0b5c8a'
const AXIS_TICK = { fontSize: 12, fill: '#5b6878' }

/** Churn reasons as horizontal bars (count), most frequent first, with the annual value lost beside each (recharts). */
function ChurnChart({ reasons }: { reasons: RenewalReport['churnReasons'] }) {
  const { t, number, language } = useI18n()
  const data = reasons.map((c) => ({ reason: t(`enum.churnReason.${c.reason}`), count: c.count, valueCents: c.valueCents }))
  const label = (c: { count: number; valueCents: number }) => `${number(c.count)} · ${formatCents(c.valueCents, language)}`
  return (
    <figure className="churn chart">
      <BarChart
        layout="vertical" responsive data={data} role="img" aria-label={t('renewalReport.churnReasons')} accessibilityLayer={false}
        className="chart__plot" style={{ height: 36 * data.length + 48 }} margin={{ top: 4, right: 150, bottom: 4, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#dde3ea" />
        <XAxis type="number" domain={[0, 'dataMax']} allowDecimals={false} tickFormatter={(v: number) => number(v)} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="reason" width={220} tick={AXIS_TICK} tickLine={false} interval={0} />
        <Bar dataKey="count" name={t('renewalReport.churned')} fill={BAR_COLOUR} maxBarSize={22} isAnimationActive={false}>
          <LabelList position="right" className="chart__value" valueAccessor={(_entry, index) => label(data[index]!)} />
        </Bar>
        <Tooltip separator=": " cursor={{ fill: 'rgba(11, 92, 138, 0.08)' }} isAnimationActive={false}
          formatter={(_value, _name, item) => label(item.payload as { count: number; valueCents: number })} />
      </BarChart>
      <figcaption>
        <ul className="chart__legend" aria-label={t('renewalReport.churnReasons')}>
          {reasons.map((c) => <li key={c.reason}>{t(`enum.churnReason.${c.reason}`)}: {label(c)}</li>)}
        </ul>
      </figcaption>
    </figure>
  )
}

function Report({ r }: { r: RenewalReport }) {
  const { t, number } = useI18n()
  return (
    <div className="stack">
      <div className="kpi-grid">
        <div className="card kpi" role="group" aria-label={t('renewalReport.rate')}>
          <h2>{t('renewalReport.rate')}</h2>
          <p className="kpi__value"><Rate value={r.total.rateByCount} /></p>
          <p className="muted small">{t('renewalReport.byCount', { renewed: number(r.total.renewed), due: r.total.due })}</p>
          <p className="kpi__secondary"><Rate value={r.total.rateByValue} /> <span className="muted small">{t('report.byValue')}</span></p>
        </div>
      </div>
      <div className="card">
        <h2>{t('renewalReport.churnReasons')}</h2>
        {r.churnReasons.length === 0 ? <p className="muted">{t('renewalReport.noChurn')}</p> : <ChurnChart reasons={r.churnReasons} />}
      </div>
      <RowsTable title={t('renewalReport.byPeriod')} rows={r.byPeriod} periods />
      <RowsTable title={t('renewalReport.byOwner')} rows={r.byOwner} />
    </div>
  )
}
