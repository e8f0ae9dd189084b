// Public entry of the module: its pages.
export * from './dashboard-page'
export * from './dashboard-rows-page'
