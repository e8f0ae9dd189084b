// Texts of appointments and the week view (issue 16), German and English side by side. Keys `appointment.*`,
// `appointments.*`, `week.*`, enums `enum.appointment…`, errors `errors.appointment…`.
import type { Texts } from '../../platform/texts'

export const APPOINTMENT_TEXTS = {
} as const satisfies Texts
