// Public entry of the module: what the composition root (app.tsx) and the shell take.
export * from './dashboard-page'
export * from './dashboard-rows-page'
export { HealthPanel } from './health-panel'
export { HealthSettingsSection } from './health-settings-section'
export { HealthLightBadge } from './health-light'
export * from './firings-panel'
export * from './trigger-report-page'
export * from './trigger-rules-page'
