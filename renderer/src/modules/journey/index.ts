// Public entry of the journey module's screens: the station line on the customer page and the journey map report.
// Pages and panels are for the composition root (app.tsx) only: another module never imports them.
export { JourneyLinePanel } from './journey-line-panel'
export { JourneyMapPage } from './journey-map-page'
