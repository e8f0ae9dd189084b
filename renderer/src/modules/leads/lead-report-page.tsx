// The lead report (issue 19, docs/leads.md "Lead report"): leads that arrived in a period by source and campaign,
// the funnel lead → conversion → offer → order, the order rate by lead source, the time to first contact (median)
// against the response-time target, and the rejection reasons.
import { useState, type ReactNode } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import type { LeadFunnelRow, LeadReport } from '../../../../shared/modules/leads'
import { localeOf } from '../../../../shared/i18n'
import { LoadError, PageHeader } from '../../components/page'
import { Rate } from '../../components/rate'
import { DateInput } from '../../components/typed-fields'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'

/** The --brand colour of styles.css and three lighter/darker steps of it (recharts takes colours as values). */
const COLOURS = { leads: '#9bbfd6', converted: '#4f8fb8', withOffer: '#0b5c8a', withWon: '#053a59' } as const
const AXIS_TICK = { fontSize: 12, fill: '#5b6878' }

export function LeadReportPage() {
  const { t } = useI18n()
  const today = todayIso()
  const [range, setRange] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const report = useData('reports.leads', range.from <= range.to ? range : null)
  return (
    <section className="page">
      <PageHeader title={t('leadReport.title')} subtitle={t('leadReport.subtitle')} />
      <div className="toolbar">
        <DateInput label={t('leadReport.from')} value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} />
        <DateInput label={t('leadReport.to')} value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
      </div>
      {range.from > range.to ? <p className="form-error" role="alert">{t('errors.leadReportRange')}</p> : null}
      {report.error ? <LoadError message={report.error} /> : null}
      {report.data && range.from <= range.to ? <Report r={report.data} /> : null}
    </section>
  )
}

function Kpi({ label, value, detail }: { label: string; value: ReactNode; detail: string }) {
  return (
    <div className="card kpi" role="group" aria-label={label}>
      <h2>{label}</h2>
      <p className="kpi__value">{value}</p>
      <p className="muted small">{detail}</p>
    </div>
  )
}

function Report({ r }: { r: LeadReport }) {
  const { t, number, language } = useI18n()
  if (r.total.leads === 0) return <div className="card"><p className="muted">{t('leadReport.empty')}</p></div>
  const median = r.firstContact.medianHours
  const format = (value: number) => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value)
  // Under an hour in minutes, else in hours.
  const firstContact = median === null ? '–' : median < 1 ? t('leadReport.minutes', { minutes: format(Math.round(median * 60)) }) : t('leadReport.hours', { hours: format(median) })
  const funnel = (part: number) => t('leadReport.funnelDetail', { part: number(part), whole: number(r.total.leads) })
  return (
    <div className="lead-report">
      <div className="kpi-grid">
        <Kpi label={t('leadReport.leads')} value={number(r.total.leads)}
          detail={`${t('leadReport.marketing')}: ${number(r.total.marketing)} · ${t('leadReport.open')}: ${number(r.total.open)}`} />
        <Kpi label={t('leadReport.conversionRate')} value={<Rate value={r.total.conversionRate} />} detail={funnel(r.total.converted)} />
        <Kpi label={t('leadReport.offerRate')} value={<Rate value={r.total.offerRate} />} detail={funnel(r.total.withOffer)} />
        <Kpi label={t('leadReport.wonRate')} value={<Rate value={r.total.wonRate} />} detail={funnel(r.total.withWon)} />
        <Kpi label={t('leadReport.orderRate')} value={<Rate value={r.total.orderRate} />}
          detail={t('leadReport.orderRateDetail', { won: number(r.total.wonOffers), decided: number(r.total.decidedOffers) })} />
        <Kpi label={t('leadReport.firstContact')} value={firstContact}
          detail={r.firstContact.decided === 0 ? t('leadReport.noFirstContact')
            : t('leadReport.withinTarget', { within: number(r.firstContact.withinTarget), decided: number(r.firstContact.decided), days: r.firstContact.targetBusinessDays })} />
      </div>
      <div className="card">
        <h2>{t('leadReport.bySource')}</h2>
        <SourceChart rows={r.bySource} />
        <FunnelTable label={t('leadReport.bySource')} rows={r.bySource} total={r.total} />
      </div>
      <div className="card">
        <h2>{t('leadReport.byCampaign')}</h2>
        <FunnelTable label={t('leadReport.byCampaign')} rows={r.byCampaign} campaigns />
      </div>
      <div className="card">
        <h2>{t('leadReport.rejectReasons')}</h2>
        {r.rejectReasons.length === 0 ? <p className="muted">{t('leadReport.noRejections')}</p> : (
          <table className="data-table" aria-label={t('leadReport.rejectReasons')}>
            <thead><tr><th>{t('leadReport.reason')}</th><th className="num">{t('leadReport.count')}</th></tr></thead>
            <tbody>
              {r.rejectReasons.map((reason) => <tr key={reason.reason}><th scope="row">{t(`leads.reason.${reason.reason}`)}</th><td className="num">{number(reason.count)}</td></tr>)}
            </tbody>
          </table>
        )}
      </div>
    </div>
  )
}

/** Leads, conversions, leads with an offer and with an order per source, as grouped bars (recharts). */
function SourceChart({ rows }: { rows: LeadFunnelRow[] }) {
  const { t, number } = useI18n()
  const series = [
    ['leads', t('leadReport.leads')], ['converted', t('leadReport.converted')], ['withOffer', t('leadReport.withOffer')], ['withWon', t('leadReport.withWon')],
  ] as const
  const order: string[] = series.map(([key]) => key)
  return (
    <figure className="chart">
      <BarChart responsive data={rows} role="img" aria-label={t('leadReport.chart')} accessibilityLayer={false}
        className="chart__plot" style={{ height: 260 }} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#dde3ea" />
        <XAxis dataKey="source" interval={0} tick={AXIS_TICK} tickLine={false} />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => number(v)} tick={AXIS_TICK} width={52} />
        {series.map(([key, name]) => <Bar key={key} dataKey={key} name={name} fill={COLOURS[key]} maxBarSize={36} isAnimationActive={false} />)}
        <Tooltip separator=": " cursor={{ fill: 'rgba(11, 92, 138, 0.08)' }} isAnimationActive={false} formatter={(value) => number(Number(value))} />
        <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 12.5 }} itemSorter={(item) => order.indexOf(String(item.dataKey))} />
      </BarChart>
      <figcaption className="visually-hidden">{t('leadReport.chart')}</figcaption>
    </figure>
  )
}

function FunnelTable({ label, rows, total, campaigns }: { label: string; rows: LeadFunnelRow[]; total?: LeadFunnelRow; campaigns?: boolean }) {
  const { t, number } = useI18n()
  const cells = (row: LeadFunnelRow) => (
    <>
      <td className="num">{number(row.leads)}</td><td className="num">{number(row.marketing)}</td><td className="num">{number(row.open)}</td>
      <td className="num">{number(row.converted)}</td><td className="num">{number(row.rejected)}</td>
      <td className="num">{number(row.withOffer)}</td><td className="num">{number(row.withWon)}</td>
      <td className="num"><Rate value={row.conversionRate} /></td><td className="num"><Rate value={row.wonRate} /></td><td className="num"><Rate value={row.orderRate} /></td>
    </>
  )
  return (
    <div className="table-scroll">
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th>{t('leadReport.source')}</th>{campaigns ? <th>{t('leadReport.campaign')}</th> : null}
          <th className="num">{t('leadReport.leads')}</th><th className="num">{t('leadReport.marketing')}</th><th className="num">{t('leadReport.open')}</th>
          <th className="num">{t('leadReport.converted')}</th><th className="num">{t('leadReport.rejected')}</th>
          <th className="num">{t('leadReport.withOffer')}</th><th className="num">{t('leadReport.withWon')}</th>
          <th className="num">{t('leadReport.conversionRate')}</th><th className="num">{t('leadReport.wonRate')}</th><th className="num">{t('leadReport.orderRate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.source}\u0000${row.campaign}`}>
            <th scope="row">{row.source}</th>{campaigns ? <td>{row.campaign || <span className="muted">{t('leadReport.noCampaign')}</span>}</td> : null}
            {cells(row)}
          </tr>
        ))}
      </tbody>
      {total ? <tfoot><tr><th scope="row">{t('leadReport.total')}</th>{cells(total)}</tr></tfoot> : null}
    </table>
    </div>
  )
}
