// Texts of composing mails and their templates (issue 15). Keys are stable; add a text with both languages.
import type { Texts } from '../../platform/texts'

export const MAIL_TEXTS = {
  'mail.compose.title': { de: 'E-Mail schreiben', en: 'Write e-mail' },
} as const satisfies Texts
