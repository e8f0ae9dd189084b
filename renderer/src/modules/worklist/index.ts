// Public entry of the worklist module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js).
export { WorkListPage } from './work-list-page'
// For the shell.
export { DueFollowUpsBanner } from './due-banner'
