// Public entry of the module: its pages for app.tsx.
export * from './lead-inbox-page'
export * from './lead-rules-section'
export * from './lead-report-page'
