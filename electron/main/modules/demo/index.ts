// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './demo-data.service'
export * from './demo-database'
export * from './demo.handlers'
export { demoJourneyFor } from './demo-data.journey'
export { addDemoLeads, DEMO_LEADS_LARGE } from './demo-data.leads'
