// Public entry of the mail module's screens. Its pages are for the composition root (app.tsx) only: another module
// never imports a page. The outbox (Postausgang, route /outbox) and the mail accounts (route /settings/mail).
export { OutboxPage } from './outbox-page'
export { MailSettingsPage } from './mail-settings-page'
export { MailComposePage } from './mail-compose-page'
export { MailTemplatesPage } from './mail-templates-page'
export { MailSettingsSection } from './mail-settings-section'
export { MailboxPage } from './mailbox-page'
