// Texts of the visit briefing ("Besuchsvorbereitung", issue 16): screen and PDF. Keys `briefing.*`, errors `errors.briefing…`.
import type { Texts } from '../../platform/texts'

export const BRIEFING_TEXTS = {
} as const satisfies Texts
