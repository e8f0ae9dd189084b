// The customer-success channels: the manager's dashboard and the rows behind its tiles.
import type { HandlerMap } from '../../ipc/handler-types'
import { managerDashboard } from './dashboard.service'
import { dashboardRows } from './dashboard-rows.service'

type Channels = 'reports.dashboard' | 'reports.dashboardRows'

export const dashboardHandlers = {
  'reports.dashboard': ({ ctx }, input) => managerDashboard(ctx, input),
  'reports.dashboardRows': ({ ctx }, input) => dashboardRows(ctx, input),
} satisfies Pick<HandlerMap, Channels>
