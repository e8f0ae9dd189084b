// The customer's health on the company page: the score with its traffic light, the reasons in words, the
// components with their points and weights, and the weekly trend line (recharts) with its figures as text.
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts'
import type { RecordRef } from '../../components/record-panels'
import { LoadError } from '../../components/page'
import type { CompanyHealth, HealthWeek } from '../../../../shared/modules/success'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { HealthLightBadge } from './health-light'

const LINE_COLOUR = '#0b5c8a'
const AXIS_TICK = { fontSize: 12, fill: '#5b6878' }

/** On the customer's page only (the other records' pages show their own things). */
export function HealthPanel({ record }: { record: RecordRef }) {
  return record.kind === 'company' ? <CompanyHealthPanel record={record} /> : null
}

function CompanyHealthPanel({ record }: { record: RecordRef }) {
  const { t, tFromData, date } = useI18n()
  const health = useData('health.get', { companyId: record.companyId })
  const h = health.data
  return (
    <section className="card card--wide health" aria-labelledby={`health-${record.id}`}>
      <div className="card__header">
        <h2 id={`health-${record.id}`}>{t('health.title')}</h2>
        {h?.computedAt ? <span className="muted small">{t('health.computedAt', { day: date(h.computedAt) })}</span> : null}
      </div>
      {health.error ? <LoadError message={health.error} /> : null}
      {h && h.score === null ? <p className="muted">{t('health.none')}</p> : null}
      {h && h.score !== null && h.light ? (
        <div className="health__grid">
          <div className="health__summary">
            <HealthLightBadge score={h.score} light={h.light} large />
            <span className="muted">{t('health.scoreOf', { score: h.score })}</span>
            <ul className="health__reasons" aria-label={t('health.score')}>
              {h.reasons.length === 0 ? <li>{t('health.noReasons')}</li> : h.reasons.map((r, i) => <li key={i}>{tFromData(r.key, r.params)}</li>)}
            </ul>
            {h.facts && h.facts.erp === null ? <p className="muted small">{t('health.noErp')}</p> : null}
          </div>
          <Components health={h} />
          <Trend history={h.history} />
        </div>
      ) : null}
    </section>
  )
}

function Components({ health }: { health: CompanyHealth }) {
  const { t, number } = useI18n()
  return (
    <table className="data-table health__components" aria-label={t('health.components')}>
      <thead>
        <tr><th scope="col">{t('health.col.component')}</th><th scope="col" className="num">{t('health.col.points')}</th><th scope="col" className="num">{t('health.col.weight')}</th></tr>
      </thead>
      <tbody>
        {health.components.map((c) => (
          <tr key={c.component}>
            <th scope="row">{t(`health.component.${c.component}`)}</th>
            <td className="num">{c.points === null ? <span className="muted">{t('health.neutral')}</span> : number(Math.round(c.points))}</td>
            <td className="num">{number(c.weight)} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Trend({ history }: { history: HealthWeek[] }) {
  const { t, date } = useI18n()
  if (history.length === 0) return <p className="muted">{t('health.trendEmpty')}</p>
  const data = history.map((w) => ({ week: date(w.week), score: w.score }))
  return (
    <figure className="chart health__trend">
      <h3>{t('health.trend')}</h3>
      <LineChart responsive data={data} role="img" aria-label={t('health.trend')} accessibilityLayer={false} className="health__plot" margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <ReferenceArea y1={0} y2={40} fill="#b42318" fillOpacity={0.06} />
        <ReferenceArea y1={70} y2={100} fill="#1f7a4a" fillOpacity={0.06} />
        <CartesianGrid vertical={false} stroke="#dde3ea" />
        <XAxis dataKey="week" tick={AXIS_TICK} tickLine={false} />
        <YAxis domain={[0, 100]} ticks={[0, 40, 70, 100]} tick={AXIS_TICK} width={36} />
        <Line dataKey="score" name={t('health.score')} type="linear" stroke={LINE_COLOUR} strokeWidth={2} dot={{ r: 3, fill: LINE_COLOUR }} isAnimationActive={false} />
        <Tooltip separator=": " isAnimationActive={false} />
      </LineChart>
      <figcaption>
        <ul className="chart__legend" aria-label={t('health.trend')}>
          {history.map((w) => <li key={w.week}>{t('health.week')} {date(w.week)}: {w.score}</li>)}
        </ul>
      </figcaption>
    </figure>
  )
}
