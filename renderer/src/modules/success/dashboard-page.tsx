// The manager's dashboard (issue 17): value at stake by cancel-by month, the order and renewal rate trends, open
// complaints by age, the NPS trend and the team's activity. Every tile leads to the list behind it: the rows of a
// month, an age or a rep's week (the dashboard's own list), or the report of a rate.
import { Link, useNavigate } from 'react-router-dom'
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { localeOf } from '../../../../shared/i18n'
import { formatCents } from '../../../../shared/platform/money'
import type { Dashboard } from '../../../../shared/modules/success'
import { LoadError, PageHeader } from '../../components/page'
import { Rate } from '../../components/rate'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

/** The --brand colour of styles.css (recharts takes colours as values). */
const COLOUR = '#0b5c8a'
const AXIS_TICK = { fontSize: 11, fill: '#5b6878' }

export function DashboardPage() {
  const { t, date } = useI18n()
  const dashboard = useData('reports.dashboard', {})
  const d = dashboard.data
  return (
    <section className="page">
      <PageHeader title={t('dashboard.title')} subtitle={d ? t('dashboard.subtitle', { today: date(d.today) }) : undefined} />
      {dashboard.error ? <LoadError message={dashboard.error} /> : null}
      {d ? (
        <div className="dashboard">
          <AtRisk d={d} />
          <ValueAtStake d={d} />
          <Complaints d={d} />
          <OrderRate d={d} />
          <RenewalRate d={d} />
          <Nps d={d} />
          <Triggers d={d} />
          <Activity d={d} />
        </div>
      ) : null}
    </section>
  )
}

function Tile({ title, children, report, wide }: { title: string; children: React.ReactNode; report?: string; wide?: boolean }) {
  const { t } = useI18n()
  return (
    <section className={`card dashboard__tile${wide ? ' dashboard__tile--wide' : ''}`} aria-label={title}>
      <h2>{title}</h2>
      {children}
      {report ? <p className="dashboard__more"><Link to={report}>{t('dashboard.openReport')}</Link></p> : null}
    </section>
  )
}

function AtRisk({ d }: { d: Dashboard }) {
  const { t, tFromData, language, number } = useI18n()
  return (
    <Tile title={t('dashboard.atRisk')} wide>
      <p className="muted small">{d.atRiskCount > 0
        ? <Link to="/companies?health=red&sort=health">{t('dashboard.atRiskCount', { count: d.atRiskCount })}</Link>
        : t('dashboard.atRiskCount', { count: d.atRiskCount })}</p>
      {d.atRisk.length === 0 ? <p className="muted">{t('dashboard.atRiskNone')}</p> : (
        <table className="data-table" aria-label={t('dashboard.atRisk')}>
          <thead><tr><th>{t('dashboard.rows.company')}</th><th className="num">{t('dashboard.score')}</th><th className="num">{t('dashboard.value')}</th><th>{t('dashboard.rows.owner')}</th><th>{t('dashboard.reasons')}</th></tr></thead>
          <tbody>
            {d.atRisk.map((a) => (
              <tr key={a.companyId}>
                <td><Link to={`/companies/${a.companyId}`}>{a.companyName}</Link></td>
                <td className="num">{number(a.score)}</td>
                <td className="num">{formatCents(a.annualValueCents, language)}</td>
                <td>{a.ownerName}</td>
                <td>{a.reasons.map((r) => tFromData(r.key, r.params)).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Tile>
  )
}

function usePercent() {
  const { language } = useI18n()
  const format = new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 })
  return (v: number | null | undefined) => (v === null || v === undefined ? '–' : format.format(v))
}

function ValueAtStake({ d }: { d: Dashboard }) {
  const { t, period, language } = useI18n()
  const navigate = useNavigate()
  const data = d.valueAtStake.map((m) => ({ ...m, label: period(m.month) }))
  const open = (month: string) => navigate(`/dashboard/valueAtStake?key=${month}`)
  return (
    <Tile title={t('dashboard.valueAtStake')}>
      <p className="muted small">{t('dashboard.valueAtStakeHint')}</p>
      <BarChart responsive data={data} className="chart__plot dashboard__plot" role="img" aria-label={t('dashboard.valueAtStake')} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#dde3ea" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval={1} />
        <YAxis tick={AXIS_TICK} width={70} tickFormatter={(v: number) => formatCents(v, language).replace(/,00\s?€|\.00$/, '')} />
        <Bar dataKey="annualValueCents" name={t('dashboard.value')} fill={COLOUR} isAnimationActive={false} cursor="pointer" onClick={(entry: { payload?: { month?: string } }) => entry.payload?.month && open(entry.payload.month)} />
        <Tooltip isAnimationActive={false} formatter={(v) => formatCents(Number(v), language)} />
      </BarChart>
      <ul className="dashboard__list">
        {d.valueAtStake.filter((m) => m.contracts > 0).map((m) => (
          <li key={m.month}><Link to={`/dashboard/valueAtStake?key=${m.month}`}>{period(m.month)}</Link>: {t('dashboard.contracts', { count: m.contracts })} · {formatCents(m.annualValueCents, language)}</li>
        ))}
      </ul>
    </Tile>
  )
}

function Complaints({ d }: { d: Dashboard }) {
  const { t, number } = useI18n()
  const navigate = useNavigate()
  const data = d.complaints.map((c) => ({ ...c, label: t(`dashboard.age.${c.age}`) }))
  return (
    <Tile title={t('dashboard.complaints')}>
      <BarChart responsive data={data} className="chart__plot dashboard__plot" role="img" aria-label={t('dashboard.complaints')} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#dde3ea" />
        <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
        <YAxis tick={AXIS_TICK} allowDecimals={false} width={40} />
        <Bar dataKey="count" name={t('dashboard.count')} fill="#b3261e" isAnimationActive={false} cursor="pointer" onClick={(entry: { payload?: { age?: string } }) => entry.payload?.age && navigate(`/dashboard/complaints?key=${entry.payload.age}`)} />
        <Tooltip isAnimationActive={false} />
      </BarChart>
      <ul className="dashboard__list">
        {d.complaints.map((c) => <li key={c.age}><Link to={`/dashboard/complaints?key=${c.age}`}>{t(`dashboard.age.${c.age}`)}</Link>: {number(c.count)}</li>)}
      </ul>
    </Tile>
  )
}

function TrendLine({ title, data, dataKey, format, domain }: { title: string; data: Array<{ label: string }>; dataKey: string; format(v: number | null): string; domain: [number, number] }) {
  return (
    <LineChart responsive data={data} className="chart__plot dashboard__plot" role="img" aria-label={title} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke="#dde3ea" />
      <XAxis dataKey="label" tick={AXIS_TICK} />
      <YAxis tick={AXIS_TICK} domain={domain} width={48} tickFormatter={(v: number) => format(v)} />
      <Line type="linear" dataKey={dataKey} stroke={COLOUR} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      <Tooltip isAnimationActive={false} formatter={(v) => format(v === null || v === undefined ? null : Number(v))} />
    </LineChart>
  )
}

function OrderRate({ d }: { d: Dashboard }) {
  const { t, period, number } = useI18n()
  const percent = usePercent()
  const data = d.orderRate.map((m) => ({ ...m, label: period(m.month) }))
  const last = d.orderRate[d.orderRate.length - 1]
  return (
    <Tile title={t('dashboard.orderRate')} report="/reports/order-rate">
      <TrendLine title={t('dashboard.orderRate')} data={data} dataKey="rate" format={percent} domain={[0, 1]} />
      {last ? <p className="muted small">{period(last.month)}: {percent(last.rate)} · {number(last.decided)} {t('dashboard.decided')}</p> : null}
    </Tile>
  )
}

function RenewalRate({ d }: { d: Dashboard }) {
  const { t, period, number } = useI18n()
  const percent = usePercent()
  const data = d.renewalRate.map((q) => ({ ...q, label: period(q.quarter) }))
  const withData = d.renewalRate.filter((q) => q.due > 0)
  const last = withData[withData.length - 1]
  return (
    <Tile title={t('dashboard.renewalRate')} report="/reports/renewal">
      <TrendLine title={t('dashboard.renewalRate')} data={data} dataKey="rate" format={percent} domain={[0, 1]} />
      {last ? <p className="muted small">{period(last.quarter)}: {percent(last.rate)} · {number(last.due)} {t('dashboard.due')}</p> : null}
    </Tile>
  )
}

function Nps({ d }: { d: Dashboard }) {
  const { t, period, number } = useI18n()
  const data = d.nps.map((q) => ({ ...q, label: period(q.quarter) }))
  const withData = d.nps.filter((q) => q.answers > 0)
  const last = withData[withData.length - 1]
  const format = (v: number | null) => (v === null ? '–' : number(Math.round(v)))
  return (
    <Tile title={t('dashboard.nps')} report="/reports/nps">
      <TrendLine title={t('dashboard.nps')} data={data} dataKey="nps" format={format} domain={[-100, 100]} />
      {last ? <p className="muted small">{period(last.quarter)}: NPS {format(last.nps)} · {number(last.answers)} {t('dashboard.answers')}</p> : null}
    </Tile>
  )
}

/** The early warnings of the last 90 days per rule, with the share of their tasks done; opens the report of that period. */
function Triggers({ d }: { d: Dashboard }) {
  const { t, date, number, enumLabel } = useI18n()
  const { from, to, rows, total } = d.triggers
  const fired = rows.filter((r) => r.fired > 0)
  return (
    <Tile title={t('dashboard.triggers')} report={`/reports/triggers?from=${from}&to=${to}`}>
      <p className="muted small">{t('dashboard.triggersPeriod', { from: date(from), to: date(to) })}</p>
      {fired.length === 0 ? <p className="muted">{t('dashboard.triggersNone')}</p> : (
        <>
          <table className="data-table" aria-label={t('dashboard.triggers')}>
            <thead><tr><th>{t('triggers.col.rule')}</th><th className="num">{t('triggers.report.fired')}</th><th className="num">{t('triggers.report.rate')}</th></tr></thead>
            <tbody>
              {fired.map((r) => (
                <tr key={r.signal}>
                  <th scope="row">{enumLabel('triggerSignal', r.signal)}</th>
                  <td className="num">{number(r.fired)}</td>
                  <td className="num"><Rate value={r.tasks === 0 ? null : r.done / r.tasks} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">{t('dashboard.triggersTotal', { fired: total.fired, done: number(total.done), tasks: number(total.tasks) })}</p>
        </>
      )}
    </Tile>
  )
}

function Activity({ d }: { d: Dashboard }) {
  const { t, date, number } = useI18n()
  const { weeks, reps } = d.activity
  return (
    <Tile title={t('dashboard.activity')} wide>
      {reps.length === 0 ? <p className="muted">{t('dashboard.noData')}</p> : (
        <div className="table-scroll">
          <table className="data-table dashboard__activity" aria-label={t('dashboard.activity')}>
            <thead><tr><th>{t('dashboard.rep')}</th>{weeks.map((w) => <th key={w} className="num" title={t('dashboard.week', { monday: date(w) })}>{date(w).slice(0, 6)}</th>)}</tr></thead>
            <tbody>
              {reps.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">{r.name || t('dashboard.unknownRep')}</th>
                  {r.counts.map((n, i) => (
                    <td key={weeks[i]} className="num">
                      {n > 0 ? <Link to={`/dashboard/activity?key=${r.userId}:${weeks[i]}`} aria-label={`${r.name || t('dashboard.unknownRep')}, ${t('dashboard.week', { monday: date(weeks[i]!) })}: ${number(n)}`}>{number(n)}</Link> : <span className="muted">0</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Tile>
  )
}
