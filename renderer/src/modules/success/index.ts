// Public entry of the module: its pages and panels (issue 17: the early-warning triggers).
export * from './firings-panel'
export * from './trigger-report-page'
export * from './trigger-rules-page'
