// Small pieces the task screens share: the link to a task's record, its priority as a badge, and how it
// repeats in one line ("Alle 2 Wochen, bis 31.03.2027 · Aufgabe 3 von 6").
import type { PlanningRelatedType, Task, TaskPriority } from '../../../../shared/modules/planning'
import { Badge, type Tone } from '../../components/page'
import { useI18n } from '../../lib/i18n'

/** The page of an offer, contract or case. */
export const recordHref = (type: PlanningRelatedType, id: string): string => `/${type === 'case' ? 'cases' : `${type}s`}/${id}`

const PRIORITY_TONE: Record<TaskPriority, Tone> = { high: 'warn', normal: 'neutral', low: 'muted' }

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { enumLabel } = useI18n()
  return <Badge tone={PRIORITY_TONE[priority]}>{enumLabel('priority', priority)}</Badge>
}

export function TaskRepeatLine({ task }: { task: Pick<Task, 'recurrence' | 'recurrenceInterval' | 'recurrenceUntil' | 'recurrenceCount' | 'occurrence'> }) {
  const { t, date } = useI18n()
  if (task.recurrence === 'none') return null
  const rhythm = task.recurrence === 'weekly' ? t('task.repeatsWeekly', { interval: task.recurrenceInterval }) : t('task.repeatsMonthly', { interval: task.recurrenceInterval })
  const parts = [
    task.recurrenceUntil ? `${rhythm}, ${t('task.repeatsUntil', { date: date(task.recurrenceUntil) })}` : rhythm,
    task.recurrenceCount !== null ? t('task.repeatsCount', { occurrence: task.occurrence, count: task.recurrenceCount }) : '',
  ]
  return <>{parts.filter(Boolean).join(' · ')}</>
}
