// What the week view shows: my appointments and tasks, day by day (Monday to Sunday).
import type { Appointment } from './appointment.schema'
import type { Task } from './task.schema'

/** What the week view shows of a task (read straight from the tasks table). */
export type WeekTask = Pick<Task, 'id' | 'companyId' | 'companyName' | 'contactName' | 'title' | 'titleRef' | 'dueDate' | 'dueTime' | 'priority' | 'ownerId' | 'status'>

export interface WeekDay {
  day: string
  appointments: Appointment[]
  tasks: WeekTask[]
}
export interface WeekView {
  /** The Monday. */
  weekStart: string
  days: WeekDay[]
  /** Today and the wall clock in Germany ("YYYY-MM-DDTHH:MM") on the app's clock, when it answered (what has ended). */
  today: string
  now: string
}
