// Texts of promises to customers and the conversation confirmation (issue 15). Keys are stable; add a text with both languages.
import type { Texts } from '../../platform/texts'

export const PROMISE_TEXTS = {
  'promise.title': { de: 'Zusagen', en: 'Promises' },
} as const satisfies Texts
