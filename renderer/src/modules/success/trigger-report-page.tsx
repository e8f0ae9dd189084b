// "Triggers fired and their follow-up rate" (issue 17): per rule in a period, how often it fired, the tasks it made
// and how many of those are done. The manager dashboard links here.
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { DateInput } from '../../components/typed-fields'
import { Rate } from '../../components/rate'
import { LoadError, PageHeader } from '../../components/page'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'

const rate = (done: number, tasks: number): number | null => (tasks === 0 ? null : done / tasks)

export function TriggerReportPage() {
  const { t, enumLabel, number } = useI18n()
  const today = todayIso()
  // The dashboard's tile opens the report on its own period (?from=…&to=…); otherwise this year so far.
  const [params] = useSearchParams()
  const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null)
  const [range, setRange] = useState({ from: day(params.get('from')) ?? `${today.slice(0, 4)}-01-01`, to: day(params.get('to')) ?? today })
  const report = useData('reports.triggers', range.from <= range.to ? range : null)
  return (
    <section className="page">
      <PageHeader title={t('triggers.report')} actions={<Link className="button" to="/triggers">{t('triggers.rulesLink')}</Link>} />
      <div className="toolbar">
        <DateInput label={t('triggers.report.from')} value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} />
        <DateInput label={t('triggers.report.to')} value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} />
      </div>
      {range.from > range.to ? <p className="form-error" role="alert">{t('errors.triggerRange')}</p> : null}
      {report.error ? <LoadError message={report.error} /> : null}
      {report.data ? (
        <div className="card">
          {report.data.total.fired === 0 ? <p className="muted">{t('triggers.report.empty')}</p> : null}
          <table className="data-table" aria-label={t('triggers.report')}>
            <thead>
              <tr><th>{t('triggers.col.rule')}</th><th className="num">{t('triggers.report.fired')}</th><th className="num">{t('triggers.report.tasks')}</th><th className="num">{t('triggers.report.done')}</th><th className="num">{t('triggers.report.rate')}</th></tr>
            </thead>
            <tbody>
              {report.data.rows.map((row) => (
                <tr key={row.signal}>
                  <th scope="row">{enumLabel('triggerSignal', row.signal)}</th>
                  <td className="num">{number(row.fired)}</td><td className="num">{number(row.tasks)}</td><td className="num">{number(row.done)}</td><td className="num"><Rate value={rate(row.done, row.tasks)} /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('triggers.report.total')}</th>
                <td className="num"><strong>{number(report.data.total.fired)}</strong></td><td className="num">{number(report.data.total.tasks)}</td>
                <td className="num">{number(report.data.total.done)}</td><td className="num"><strong><Rate value={rate(report.data.total.done, report.data.total.tasks)} /></strong></td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </section>
  )
}
