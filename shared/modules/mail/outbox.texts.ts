// Texts of the outbox and the mail accounts (issue 15). Keys are stable; add a text with both languages.
import type { Texts } from '../../platform/texts'

export const OUTBOX_TEXTS = {
  'outbox.title': { de: 'Postausgang', en: 'Outbox' },
} as const satisfies Texts
