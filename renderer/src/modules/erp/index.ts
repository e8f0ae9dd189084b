// Public entry of the module: its pages and panels for app.tsx.
export * from './erp-import-page'
export * from './erp-panel'
