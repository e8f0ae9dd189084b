// Public entry of the module: its handlers and what the app's start-up and other modules use.
export * from './mail.handlers'
