// A customer's ERP facts on their page: revenue per month of the last 24 months as bars (recharts), the
// twelve-month sums, the newest open items with their days overdue, and the months as a table (charts always
// come with a text form of the same figures).
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { Link } from 'react-router-dom'
import { monthRange } from '../../../../shared/modules/erp'
import { formatCents } from '../../../../shared/platform/money'
import type { RecordRef } from '../../components/record-panels'
import { LoadError } from '../../components/page'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

/** The --brand colour of styles.css (recharts takes colours as values). */
const BAR_COLOUR = '#0b5c8a'
const AXIS_TICK = { fontSize: 12, fill: '#5b6878' }

export function ErpPanel({ record }: { record: RecordRef }) {
  if (record.kind !== 'company') return null
  return <CompanyErp companyId={record.id} />
}

function CompanyErp({ companyId }: { companyId: string }) {
  const { t, language, number, period } = useI18n()
  const facts = useData('erp.forCompany', { companyId })
  const money = (cents: number) => formatCents(cents, language)
  const f = facts.data
  const byMonth = new Map((f?.months ?? []).map((m) => [m.month, m]))
  const data = f ? monthRange(f.firstMonth, f.lastMonth).map((month) => ({ month: period(month), revenue: (byMonth.get(month)?.revenueCents ?? 0) / 100 })) : []
  const euros = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0 })
  return (
    <section className="card stack stack-gap" aria-labelledby="erp-panel">
      <div className="card__header">
        <h2 id="erp-panel">{t('erp.panelTitle')}</h2>
        <Link className="button" to="/erp/import">{t('erp.importOpen')}</Link>
      </div>
      {facts.error ? <LoadError message={facts.error} /> : null}
      {f && f.months.length === 0 ? <p className="muted">{t('erp.panelEmpty')}</p> : null}
      {f && f.latest ? (
        <>
          <p>{t('erp.revenue12', { amount: money(f.revenue12Cents), previous: money(f.revenuePrevious12Cents) })}</p>
          <p className={f.latest.daysOverdue > 0 ? 'notice notice--warn' : ''}>
            {t('erp.openItemsLatest', { month: period(f.latest.month), amount: money(f.latest.openItemsCents), days: f.latest.daysOverdue })}
          </p>
          <figure className="chart">
            <BarChart responsive data={data} role="img" aria-label={t('erp.chartLabel')} accessibilityLayer={false} className="chart__plot erp-chart" margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid vertical={false} stroke="#dde3ea" />
              {/* Every sixth month labelled: the panel is half the page wide. */}
              <XAxis dataKey="month" interval={5} tick={AXIS_TICK} tickLine={false} />
              <YAxis tickFormatter={(v: number) => `${euros.format(v)} €`} tick={AXIS_TICK} width={72} />
              <Tooltip separator=": " cursor={{ fill: 'rgba(11, 92, 138, 0.08)' }} isAnimationActive={false} formatter={(v) => money(Math.round(Number(v) * 100))} />
              <Bar dataKey="revenue" name={t('erp.field.revenue')} fill={BAR_COLOUR} maxBarSize={28} isAnimationActive={false} />
            </BarChart>
          </figure>
          <details>
            <summary>{t('erp.showTable')}</summary>
            <table className="data-table" aria-label={t('erp.chartLabel')}>
              <thead>
                <tr>
                  <th>{t('erp.field.month')}</th><th className="num">{t('erp.field.revenue')}</th><th className="num">{t('erp.field.openItems')}</th>
                  <th className="num">{t('erp.field.daysOverdue')}</th><th>{t('erp.source')}</th>
                </tr>
              </thead>
              <tbody>
                {[...f.months].reverse().map((m) => (
                  <tr key={m.month}>
                    <td className="nowrap">{period(m.month)}</td><td className="num">{money(m.revenueCents)}</td><td className="num">{money(m.openItemsCents)}</td>
                    <td className="num">{number(m.daysOverdue)}</td><td>{t(`erp.source.${m.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </section>
  )
}
