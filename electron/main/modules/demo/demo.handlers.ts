// Handler of the demo data: the same write path as user edits.
import { DEMO_SIZES, loadDemoData } from './demo-data.service'
import type { HandlerMap } from '../../ipc/handler-types'

export const demoHandlers = {
  'demo.load': async ({ ctx }, { size }) => ({ companies: (await loadDemoData(ctx, DEMO_SIZES[size])).companies }),
} satisfies Pick<HandlerMap, 'demo.load'>
