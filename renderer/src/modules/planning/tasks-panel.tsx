// The open tasks of a record, on its page: for a customer all of theirs, for an offer, contract or case those
// about it; "Aufgabe anlegen" opens the form with the record filled in.
import { Link } from 'react-router-dom'
import type { RecordRef } from '../../components/record-panels'
import { LoadError } from '../../components/page'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { PriorityBadge, TaskRepeatLine } from './task-parts'

export function TasksPanel({ record }: { record: RecordRef }) {
  const { t, date, taskTitle } = useI18n()
  const query = record.kind === 'company' ? { companyId: record.id, status: 'open' as const } : { relatedType: record.kind, relatedId: record.id, status: 'open' as const }
  const list = useData('tasks.list', query)
  const create = new URLSearchParams({ companyId: record.companyId, ...(record.kind === 'company' ? {} : { relatedType: record.kind, relatedId: record.id }) })
  const headingId = `tasks-${record.kind}-${record.id}`
  return (
    <section className="card stack stack-gap" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 id={headingId}>{t('task.panel')}</h2>
        <Link className="button" to={`/tasks/new?${create.toString()}`}>{t('task.add')}</Link>
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      {list.data && list.data.length === 0 ? <p className="muted">{t('task.panelEmpty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <table className="data-table" aria-label={t('task.list')}>
          <thead>
            <tr><th className="nowrap">{t('task.field.dueDate')}</th><th>{t('task.field.title')}</th><th>{t('task.field.owner')}</th><th>{t('task.field.priority')}</th></tr>
          </thead>
          <tbody>
            {list.data.map((task) => (
              <tr key={task.id}>
                <td className="nowrap">{date(task.dueDate)}{task.dueTime ? ` · ${task.dueTime}` : ''}</td>
                <td>
                  <Link to={`/tasks/${task.id}`}>{taskTitle(task)}</Link>
                  {task.contactName || task.recurrence !== 'none' ? (
                    <div className="muted small">{task.contactName}{task.contactName && task.recurrence !== 'none' ? ' · ' : ''}<TaskRepeatLine task={task} /></div>
                  ) : null}
                </td>
                <td>{task.ownerName}</td>
                <td><PriorityBadge priority={task.priority} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
