// What the week view shows: my appointments and tasks, day by day (Monday to Sunday).
import type { Appointment } from './appointment.schema'
import type { Task } from './task.schema'

/** What the week view shows of a task (read straight from the tasks table). */
export type WeekTask = Pick<Task, 'id' | 'companyId' | 'companyName' | 'contactName' | 'title' | 'dueDate' | 'dueTime' | 'priority' | 'ownerId' | 'status'>

export interface WeekDay {
  day: string
  appointments: Appointment[]
  tasks: WeekTask[]
}
export interface WeekView {
  weekStart: string
  days: WeekDay[]
}
