// Handlers of the demo: switching to the demo database and back, and its data (never in the user's own database).
import { AppError } from '../../../../shared/platform/result'
import type { AppContext, DatabaseKind, HandlerMap } from '../../ipc/handler-types'
import { ensureDemoData, isDemoDatabase } from './demo-database'

async function switchTo(app: AppContext, to: DatabaseKind): Promise<void> {
  if (!app.switchDatabase) throw new AppError('forbidden', 'demo.errors.unavailable')
  await app.switchDatabase(to)
}

export const demoHandlers = {
  'demo.load': async ({ ctx, env }) => {
    if (env.database !== 'demo' || !(await isDemoDatabase(ctx.db))) throw new AppError('forbidden', 'demo.errors.loadRefused')
    return ensureDemoData(ctx)
  },
  'demo.open': async (app) => {
    await switchTo(app, 'demo')
    return { database: 'demo' as const }
  },
  'demo.close': async (app) => {
    await switchTo(app, 'real')
    return { database: 'real' as const }
  },
} satisfies Pick<HandlerMap, 'demo.load' | 'demo.open' | 'demo.close'>
