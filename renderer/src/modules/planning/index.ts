// Public entry of the planning module's screens (tasks, appointments, the week view, the visit briefing, the
// reminders). Pages and panels are for the composition root (app.tsx) only: another module never imports them.
export { TaskFormPage } from './task-form-page'
export { TaskPage } from './task-page'
export { TasksPanel } from './tasks-panel'
export { WeekPage } from './week-page'
export { AppointmentFormPage } from './appointment-form-page'
export { AppointmentPage } from './appointment-page'
export { AppointmentsPanel } from './appointments-panel'
export { ReminderNotices } from './reminder-notices'
export { BriefingPage } from './briefing-page'
export { BriefingPrefetch } from './briefing-prefetch'
export { PlanningSettingsSection } from './planning-settings-section'
