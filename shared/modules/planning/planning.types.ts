// What the week view shows: my appointments and tasks, day by day.
import type { Appointment } from './appointment.schema'
import type { Task } from './task.schema'

export interface WeekDay {
  day: string
  appointments: Appointment[]
  tasks: Task[]
}
export interface WeekView {
  weekStart: string
  days: WeekDay[]
}
