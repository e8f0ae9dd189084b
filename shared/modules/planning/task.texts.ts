// Texts of tasks (issue 16), German and English side by side. Keys `task.*`, `tasks.*`, enums `enum.task…`,
// errors `errors.task…`.
import type { Texts } from '../../platform/texts'

export const TASK_TEXTS = {
} as const satisfies Texts
