// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
// Tasks (task.*), appointments, the week view and the reminders (appointment.*), the visit briefing (briefing.*).
export * from './task.handlers'
export * from './task.service'
export * from './appointment.handlers'
export * from './appointment.service'
export * from './briefing.handlers'
export * from './briefing.service'
