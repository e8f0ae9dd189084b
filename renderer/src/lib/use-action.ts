// Every change the user starts — a form's save, an action button (send, win, lose, complete, a case
// step) — goes through this hook, the one guard against double submission:
//   1. while a change of a channel runs, starting it again returns the running one (a double click
//      sends once, even before React has re-rendered the button as disabled);
//   2. each submission carries a request key, and main runs a key once (request-ledger.ts): the same
//      input sent again shortly after it succeeded, or retried after a lost answer, reuses the key and
//      gets the first answer instead of a second record (except REPEATABLE_CHANNELS, "sync now");
//   3. a success tells the rest of the window that the data changed (data-events.ts).
import { useCallback, useRef, useState } from 'react'
import { REPEATABLE_CHANNELS, type ChangeChannel } from '../../../shared/ipc/channel-kinds'
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/platform/result'
import { changeOptions, invoke } from './api'
import { notifyDataChanged } from './data-events'

/**
 * How long the same input counts as the same submission after it succeeded: for a new record ten
 * seconds (a second "Speichern" on the same form content is never meant as a second record); for an
 * action only a double click's time, since "Überarbeiten", "Versenden", "Überarbeiten" within seconds
 * is three steps the user meant.
 */
const sameSubmissionMs = (channel: ChangeChannel) => (channel.endsWith('.create') ? 10_000 : 1_500)

interface Sent {
  key: string
  input: string
  /** When it succeeded; undefined while unanswered or after a failure that may be retried. */
  okAt?: number
}

const newKey = (): string => crypto.randomUUID()

export interface Action {
  run<C extends ChangeChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>
  /** True while any change started here runs: buttons show it and are disabled. */
  busy: boolean
}

export function useAction(): Action {
  const running = useRef(new Map<ChangeChannel, Promise<Result<unknown>>>())
  const sent = useRef(new Map<ChangeChannel, Sent>())
  const [busy, setBusy] = useState(false)

  const run = useCallback(<C extends ChangeChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> => {
    const inFlight = running.current.get(channel)
    if (inFlight) return inFlight as Promise<Result<ChannelOutput<C>>>
    const text = JSON.stringify(input)
    const last = sent.current.get(channel)
    const same = !REPEATABLE_CHANNELS.has(channel) && last !== undefined && last.input === text && (last.okAt === undefined || Date.now() - last.okAt < sameSubmissionMs(channel))
    const submission: Sent = same ? last : { key: newKey(), input: text }
    sent.current.set(channel, submission)
    setBusy(true)
    const answer = invoke(channel, input, changeOptions(submission.key)).then((result) => {
      if (result.ok) {
        submission.okAt ??= Date.now()
        notifyDataChanged()
      } else if (result.error.message !== 'errors.offline') {
        // Refused (a field error, a conflict): nothing was written, the next save is a new submission.
        sent.current.delete(channel)
      }
      return result
    })
    running.current.set(channel, answer)
    const settle = () => {
      running.current.delete(channel)
      if (running.current.size === 0) setBusy(false)
    }
    void answer.then(settle, settle)
    return answer
  }, [])

  return { run, busy }
}
