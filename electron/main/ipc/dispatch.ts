// The one generic handler: checks the channel, validates input with the contract, calls the service.
// Transport-neutral: Electron IPC and web mode both call it, so both behave the same.
import { isChannel, type Channel } from '../../../shared/ipc/channels'
import { contract } from '../../../shared/ipc/contract'
import { toFieldErrors } from '../../../shared/platform/field-errors'
import { AppError, fail, ok, type Result } from '../../../shared/platform/result'
import { appHandlers } from '../modules/settings'
import { demoHandlers } from '../modules/demo'
import { contractHandlers } from '../modules/contracts'
import { serviceHandlers } from '../modules/service'
import { customerHandlers } from '../modules/customers'
import { calendarFeedHandlers, syncHandlers, teamAdminHandlers } from '../modules/sync'
import { offerHandlers, promiseHandlers } from '../modules/offers'
import { mailHandlers } from '../modules/mail'
import { appointmentHandlers, briefingHandlers, taskHandlers } from '../modules/planning'
import { workListHandlers } from '../modules/worklist'
import { dashboardHandlers, healthHandlers, triggerHandlers } from '../modules/success'
import { erpHandlers } from '../modules/erp'
import { journeyHandlers } from '../modules/journey'
import { fileHandlers } from '../modules/files'
import { leadHandlers } from '../modules/leads'
import { auditOf, dsgvoHandlers, recordAudit } from '../modules/dsgvo'
import type { AppContext, Handler, HandlerMap } from './handler-types'
import { REQUEST_KEY, RequestLedger } from './request-ledger'
import { track } from '../platform/activity'

export const handlers: HandlerMap = { ...appHandlers, ...demoHandlers, ...customerHandlers, ...syncHandlers, ...offerHandlers, ...contractHandlers, ...serviceHandlers, ...workListHandlers, ...dsgvoHandlers, ...promiseHandlers, ...mailHandlers,
  ...taskHandlers, ...appointmentHandlers, ...briefingHandlers, ...calendarFeedHandlers, ...teamAdminHandlers, ...dashboardHandlers, ...healthHandlers,
  ...erpHandlers, ...triggerHandlers, ...journeyHandlers, ...fileHandlers, ...leadHandlers }

export type Logger = (message: string, detail: Record<string, unknown>) => void
const defaultLogger: Logger = (message, detail) => console.error(`[kundenreise] ${message}`, detail)

export interface DispatchOptions {
  log?: Logger
  /** The submission's key (see request-ledger.ts): the same key runs the handler once. */
  requestKey?: string | undefined
  /**
   * The database the window that sent a change shows ('real' or 'demo'). A window still showing the
   * other one (a second tab not yet reloaded after a switch) is refused, so nothing lands in the wrong file.
   */
  database?: string | undefined
}

/** The channels that switch the database: they run while the old one drains, so they are not counted on it. */
const SWITCHING_CHANNELS: ReadonlySet<string> = new Set(['demo.open', 'demo.close'])

const ledgers = new WeakMap<AppContext, RequestLedger>()

export function dispatch(app: AppContext, channel: string, input: unknown, options: DispatchOptions = {}): Promise<Result<unknown>> {
  const { requestKey, log = defaultLogger } = options
  if (options.database !== undefined && options.database !== (app.env.database ?? 'real')) {
    return Promise.resolve(fail({ code: 'conflict', message: 'errors.databaseSwitched' }))
  }
  if (requestKey === undefined) return dispatchOnce(app, channel, input, log)
  if (!REQUEST_KEY.test(requestKey)) return Promise.resolve(fail({ code: 'validation', message: 'errors.invalid' }))
  let ledger = ledgers.get(app)
  if (!ledger) ledgers.set(app, (ledger = new RequestLedger()))
  return ledger.run(channel, requestKey, input, () => dispatchOnce(app, channel, input, log))
}

/**
 * A file with customer data left the app (a list export, a vCard, an Art. 15 information): recorded in the
 * privacy audit log. A failure to record is logged, never turned into a failed export.
 */
async function audit(app: AppContext, channel: Channel, input: unknown, answer: unknown, log: Logger): Promise<void> {
  const record = auditOf(channel, input, answer)
  if (!record) return
  try {
    await track(app.ctx, () => recordAudit(app.ctx, record))
  } catch (err) {
    log('audit record failed', { channel, error: err instanceof Error ? err.stack : String(err) })
  }
}

async function dispatchOnce(app: AppContext, channel: string, input: unknown, log: Logger): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail({ code: 'unknown_channel', message: 'errors.unknownChannel' })
  let parsed
  try {
    parsed = contract[channel].input.safeParse(input ?? {})
  } catch (err) {
    // A refinement that throws is a bug in the schema, but the input is what provoked it: refuse it calmly.
    log('input check failed', { channel, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) })
    return fail({ code: 'validation', message: 'errors.validation' })
  }
  if (!parsed.success) return fail({ code: 'validation', message: 'errors.validation', fields: toFieldErrors(parsed.error) })
  try {
    // The map is keyed by channel, so this handler takes exactly this channel's parsed input.
    const handler = handlers[channel] as Handler<Channel>
    const data = parsed.data as never
    const answer = await (SWITCHING_CHANNELS.has(channel) ? handler(app, data) : track(app.ctx, () => handler(app, data)))
    await audit(app, channel, parsed.data, answer, log)
    return ok(answer)
  } catch (err) {
    if (err instanceof AppError) return fail(err.toData())
    log('handler failed', { channel, error: err instanceof Error ? err.stack : String(err) })
    return fail({ code: 'internal', message: 'errors.internal' })
  }
}
