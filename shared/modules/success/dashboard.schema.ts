// The manager's dashboard (issue 17): what it is asked for, and the rows behind a tile.
import { z } from 'zod'
import { daySchema } from '../../platform/common.schema'

/** Tiles whose rows the dashboard lists itself; the rate tiles open their reports. */
export const DASHBOARD_ROW_TILES = ['valueAtStake', 'complaints', 'activity'] as const
export type DashboardRowTile = (typeof DASHBOARD_ROW_TILES)[number]

/** Open complaints by days since they were received. */
export const COMPLAINT_AGES = ['week', 'month', 'quarter', 'older'] as const
export type ComplaintAge = (typeof COMPLAINT_AGES)[number]
/** The last day of each age bucket (days since received); `older` has none. */
export const COMPLAINT_AGE_DAYS = { week: 7, month: 30, quarter: 90 } as const satisfies Record<Exclude<ComplaintAge, 'older'>, number>

export const dashboardQuerySchema = z.object({ today: daySchema.optional() })

/**
 * A tile's rows: `key` is a month "YYYY-MM" (value at stake), an age bucket (complaints), or
 * "<user id>:<Monday>" (activity: one rep's touchpoints in one week).
 */
export const dashboardRowsQuerySchema = z.object({
  tile: z.enum(DASHBOARD_ROW_TILES, 'errors.invalidChoice'),
  key: z.string('errors.required').trim().min(1, 'errors.required').max(120, 'errors.tooLong'),
  today: daySchema.optional(),
})
