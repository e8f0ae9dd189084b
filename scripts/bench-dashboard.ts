// The manager's dashboard on the large set (issue 17, target under 200 ms): the whole read, and the rows behind
// the busiest tile (the contracts of the cancel-by month with the most). Called by scripts/bench.ts on the open set.
import type { ServiceContext } from '../electron/main/platform/context'
import { dashboardRows, managerDashboard } from '../electron/main/modules/success'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>
type Emit = (name: string, value: number, unit: string) => void

export async function benchDashboard(ctx: ServiceContext, report: Report, emit: Emit): Promise<void> {
  // The first read after the start (no cancel-by date walked yet, code not yet optimised by the engine), then the median.
  const t0 = performance.now()
  await managerDashboard(ctx, {})
  emit('success.dashboard.first_read', performance.now() - t0, 'ms')
  await report('success.dashboard', () => managerDashboard(ctx, {}))
  const { valueAtStake } = await managerDashboard(ctx, {})
  const busiest = [...valueAtStake].sort((a, b) => b.contracts - a.contracts)[0]
  if (busiest) await report('success.dashboard_rows.value_at_stake', () => dashboardRows(ctx, { tile: 'valueAtStake', key: busiest.month }))
}
