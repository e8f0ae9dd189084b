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
  inFlight += 1
  try {
    return await send(channel, input, options)
  } finally {
    inFlight -= 1
    if (inFlight === 0) for (const wake of waiting.splice(0)) wake()
  }
}

async function send<C extends Channel>(channel: C, input: ChannelInput<C>, options: CallOptions): Promise<Result<ChannelOutput<C>>> {
  const result = window.api ? await window.api[channel](input, options) : await overHttp(channel, input, options)
  return result as Result<ChannelOutput<C>>
}

/** Requests of the page (and the shell) not yet answered, background reads not counted; those wait until there are none. */
let inFlight = 0
const waiting: Array<() => void> = []
/** The longest a background read waits for the page's requests (a page that keeps asking never starves it). */
export const BACKGROUND_WAIT_MS = 2_000

/**
 * Settles once no request of the page is open, or after BACKGROUND_WAIT_MS. It first lets the render that asked finish
 * (a macrotask), so the page's own first reads, made in the same render's effects, are counted.
 */
export async function whenRequestsSettled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  if (inFlight === 0) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, BACKGROUND_WAIT_MS)
    function done() {
      clearTimeout(timer)
      resolve()
    }
    waiting.push(done)
  })
}

/**
 * A read for what sits around the page (navigation counters, the due banner, reminders, prefetches, the app's and the
 * sync's status): sent once the page's own requests are answered, so main, which answers one query at a time, shows the
 * page first (issue 20: the company list at start waited behind the work list, the station counts and two counts of the
 * sync outbox). Not counted as a request of the page itself.
 */
export const backgroundCall = <C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> =>
  whenRequestsSettled().then(() => send(channel, input, {}))

/** A read: pages and components load data with it (or with useData). Changes go through useAction. */
export const call = <C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> => invoke(channel, input)

/** For reads whose failure the page shows as a whole: throws the error's i18n key. */
export async function fetchData<C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await call(channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}
