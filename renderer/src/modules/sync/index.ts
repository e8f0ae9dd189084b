// Public entry of the sync module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js).
export { ConflictInboxPage } from './conflict-inbox-page'
// For the shell and the composition root: the header's sync line and the settings section.
export { SyncIndicator } from './sync-indicator'
export { SyncSettings } from './sync-settings'
export { useSyncStatus } from './use-sync-status'
export { CalendarFeedSection } from './calendar-feed-section'
export { TeamAdminPage } from './team-admin-page'
