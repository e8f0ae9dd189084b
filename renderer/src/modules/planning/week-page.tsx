// My week (/week?week=YYYY-MM-DD): Monday to Sunday side by side, my appointments with time, customer and kind and
// my tasks due that day; the previous and next week and back to this one. An appointment that has ended without a
// report says "Bericht fehlt" and leads to its report.
import { Link, useSearchParams } from 'react-router-dom'
import type { Appointment, WeekTask } from '../../../../shared/modules/planning'
import { addCalendarDays, parseDate, weekday } from '../../../../shared/platform/calendar/calendar-days'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { nowLocal } from './appointment-fields'

const mondayOf = (day: string): string => addCalendarDays(day, -((weekday(parseDate(day)) + 6) % 7))

/** The ISO 8601 week number (KW) of the week starting on a Monday. */
function isoWeek(monday: string): number {
  const thursday = addCalendarDays(monday, 3)
  const firstThursday = mondayOf(`${thursday.slice(0, 4)}-01-04`)
  return Math.round((parseDate(thursday) - parseDate(addCalendarDays(firstThursday, 3))) / 7) + 1
}

const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && (() => { try { parseDate(value); return true } catch { return false } })()

export function WeekPage() {
  const { t, date, language, enumLabel } = useI18n()
  const [params, setParams] = useSearchParams()
  const asked = params.get('week')
  // Without a week asked for, main's clock says which one is this week (and what has ended).
  const week = useData('appointments.week', { weekStart: isDay(asked) ? asked : '', ownerId: '' })
  const today = week.data?.today ?? todayIso()
  const monday = week.data?.weekStart ?? mondayOf(isDay(asked) ? asked : today)
  const go = (day: string) => setParams(day === mondayOf(today) ? {} : { week: day }, { replace: false })
  const weekdayName = (day: string) => new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
  const dayLabel = (day: string) => date(`${day}T12:00:00Z`)
  const now = week.data?.now ?? nowLocal()

  return (
    <section className="page">
      <PageHeader
        title={t('week.title')}
        subtitle={t('week.range', { week: isoWeek(monday), from: dayLabel(monday), to: dayLabel(addCalendarDays(monday, 6)) })}
        actions={
          <>
            <button type="button" className="button" onClick={() => go(addCalendarDays(monday, -7))}>{t('week.previous')}</button>
            <button type="button" className="button" disabled={monday === mondayOf(today)} onClick={() => go(mondayOf(today))}>{t('week.today')}</button>
            <button type="button" className="button" onClick={() => go(addCalendarDays(monday, 7))}>{t('week.next')}</button>
          </>
        }
      />
      <p className="muted small">{t('week.intro')}</p>
      {week.error ? <LoadError message={week.error} /> : null}
      <ol className="week" aria-label={t('week.title')}>
        {(week.data?.days ?? []).map((d) => (
          <li key={d.day} className={`card week__day${d.day === today ? ' week__day--today' : ''}`} aria-current={d.day === today ? 'date' : undefined} aria-labelledby={`day-${d.day}`}>
            <h2 id={`day-${d.day}`} className="week__heading">
              {weekdayName(d.day)}<br /><span className="muted">{dayLabel(d.day)}</span>
            </h2>
            {d.appointments.length === 0 && d.tasks.length === 0 ? <p className="muted small">{t('week.free')}</p> : null}
            <ul className="week__entries">
              {d.appointments.map((a) => <AppointmentEntry key={a.id} a={a} now={now} kind={enumLabel('appointmentKind', a.kind)} />)}
              {d.tasks.map((task) => <TaskEntry key={task.id} task={task} />)}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  )
}

function AppointmentEntry({ a, now, kind }: { a: Appointment; now: string; kind: string }) {
  const { t } = useI18n()
  const missing = a.status === 'planned' && a.endsAt <= now
  return (
    <li className="small week__entry">
      <Link to={`/appointments/${a.id}`}><strong>{a.startsAt.slice(11)}–{a.endsAt.slice(11)}</strong> {a.title}</Link>
      <div className="muted">{a.companyName} · {kind}</div>
      {a.status === 'done' ? <Badge tone="good">{t('enum.appointmentStatus.done')}</Badge> : null}
      {missing ? <Link to={`/appointments/${a.id}`} aria-label={t('appointment.missingReportOf', { title: a.title })}><Badge tone="warn">{t('appointment.missingReport')}</Badge></Link> : null}
    </li>
  )
}

function TaskEntry({ task }: { task: WeekTask }) {
  const { t, taskTitle } = useI18n()
  return (
    <li className="small week__entry week__entry--task">
      <span className="muted">{t('week.taskLabel')} · {task.dueTime || t('week.anyTime')}</span>
      <div><Link to={`/tasks/${task.id}`}>{taskTitle(task)}</Link></div>
      <div className="muted">{task.companyName}</div>
    </li>
  )
}
