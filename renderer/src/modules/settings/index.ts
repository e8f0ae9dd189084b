// Public entry of the settings module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js). Nothing else is used by other modules yet.
export { SettingsPage } from './settings-page'
export { SetupPage } from './setup-page'
export { FirstStartRedirect } from './first-start'
