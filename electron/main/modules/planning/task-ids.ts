// The id of a repeating task's next occurrence, derived from its series and number: when the assigner and the
// assignee both complete the same occurrence offline, both laptops make the same row, and the server takes the
// second insert as the same record (server/sync/push.ts) instead of forking the series.
import { derivedId } from '../../../../db/platform/ids'

/** UUID-shaped sha-256 of `task:<series id>:<occurrence>` (derivedId). */
export const taskOccurrenceId = (seriesId: string, occurrence: number): string => derivedId(`task:${seriesId.toLowerCase()}:${occurrence}`)
