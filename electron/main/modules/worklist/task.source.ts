// Tasks (Aufgaben) as a source of the work list: open ones by due day and time; done = completed with the
// outcome (a touchpoint on the customer's timeline, and a repeating task's next occurrence), snoozed = a new
// due day after today.
import { finishTask, snoozeTask, taskCounts, taskItems } from '../planning'

export const taskWorkListSource = {
  source: 'task',
  list: taskItems,
  count: taskCounts,
  complete: finishTask,
  snooze: snoozeTask,
} as const
