// Texts of the mails read from the rep's mailbox and filed to customers (issue 15). Keys are stable; add a text with both languages.
import type { Texts } from '../../platform/texts'

export const MAILBOX_TEXTS = {
  'mailbox.title': { de: 'E-Mails', en: 'E-mails' },
} as const satisfies Texts
