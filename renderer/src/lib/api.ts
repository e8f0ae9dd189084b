// The renderer's only way to main: window.api (Electron preload) or the same contract over HTTP (web mode).
import type { Channel } from '../../../shared/ipc/channels'
import type { ReadChannel } from '../../../shared/ipc/channel-kinds'
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/platform/result'

type Invoke = (input: unknown, options?: CallOptions) => Promise<unknown>

export interface CallOptions {
  /** The submission's key: main runs the same key once (electron/main/ipc/request-ledger.ts). */
  requestKey?: string
  /** The database this window shows: main refuses a change meant for the other one (after a switch elsewhere). */
  database?: string
}

let openDatabase: string | undefined
/** Which database this window shows ('real' or 'demo'), as app.info said when the window loaded. */
export function setOpenDatabase(kind: string): void {
  openDatabase = kind
}
/** The database this window shows ('real' unless app.info said 'demo'). */
export const shownDatabase = (): string => openDatabase ?? 'real'
/** Options every change carries: the database this window shows. */
export const changeOptions = (requestKey: string): CallOptions => (openDatabase ? { requestKey, database: openDatabase } : { requestKey })
declare global {
  interface Window {
    api?: Readonly<Record<Channel, Invoke>>
  }
}

async function overHttp(channel: Channel, input: unknown, options: CallOptions): Promise<Result<unknown>> {
  let response: Response
  try {
    // Web mode signs in by an HttpOnly session cookie the server set when the one-time link was opened.
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        ...(options.requestKey ? { 'idempotency-key': options.requestKey } : {}),
        ...(options.database ? { 'x-kundenreise-database': options.database } : {}),
      },
      body: JSON.stringify(input ?? {}),
    })
  } catch {
    return { ok: false, error: { code: 'internal', message: 'errors.offline' } }
  }
  if (response.status === 401) return { ok: false, error: { code: 'forbidden', message: 'errors.unauthorized' } }
  try {
    return (await response.json()) as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'internal', message: 'errors.internal' } }
  }
}

/**
 * Sends a request to main. Only lib/ uses it for changes (useAction, the language setting); pages and
 * components read with `call`, which takes read channels only (shared/ipc/channel-kinds.ts).
 */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>, options: CallOptions = {}): Promise<Result<ChannelOutput<C>>> {
  const result = window.api ? await window.api[channel](input, options) : await overHttp(channel, input, options)
  return result as Result<ChannelOutput<C>>
}

/** A read: pages and components load data with it (or with useData). Changes go through useAction. */
export const call = <C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> => invoke(channel, input)

/** For reads whose failure the page shows as a whole: throws the error's i18n key. */
export async function fetchData<C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await call(channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}
