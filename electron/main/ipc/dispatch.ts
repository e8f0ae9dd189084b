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
import { syncHandlers } from '../modules/sync'
import { offerHandlers } from '../modules/offers'
import { workListHandlers } from '../modules/worklist'
import type { AppContext, Handler, HandlerMap } from './handler-types'

export const handlers: HandlerMap = { ...appHandlers, ...demoHandlers, ...customerHandlers, ...syncHandlers, ...offerHandlers, ...contractHandlers, ...serviceHandlers, ...workListHandlers }

export type Logger = (message: string, detail: Record<string, unknown>) => void
const defaultLogger: Logger = (message, detail) => console.error(`[kundenreise] ${message}`, detail)

export async function dispatch(app: AppContext, channel: string, input: unknown, log: Logger = defaultLogger): Promise<Result<unknown>> {
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
    return ok(await handler(app, parsed.data as never))
  } catch (err) {
    if (err instanceof AppError) return fail(err.toData())
    log('handler failed', { channel, error: err instanceof Error ? err.stack : String(err) })
    return fail({ code: 'internal', message: 'errors.internal' })
  }
}
