// Loads one channel's data for a page and reloads it on demand or when its input changes.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDataVersion } from './data-events'
import type { ReadChannel } from '../../../shared/ipc/channel-kinds'
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
import { call } from './api'

export interface DataState<T> {
  data: T | null
  error: string | null
  reload(): void
}

export function useData<C extends ReadChannel>(channel: C, input: ChannelInput<C> | null): DataState<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const key = JSON.stringify(input)

  useEffect(() => {
    if (input === null) return
    let live = true
    void call(channel, input).then((result) => {
      if (!live) return
      if (result.ok) {
        setData(result.data)
        setError(null)
      } else setError(result.error.message)
    })
    return () => {
      live = false
    }
    // `key` stands for `input`, compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, version])

  return { data, error, reload: useCallback(() => setVersion((v) => v + 1), []) }
}

/**
 * useData that also reloads whenever the data changed (a save elsewhere, a sync that brought colleagues' changes):
 * for what stays on screen while a sync runs, like the team's settings on the settings page. Forms keep what the user
 * is typing (use-loaded-form.ts resets only untouched fields' loaded values).
 */
export function useLiveData<C extends ReadChannel>(channel: C, input: ChannelInput<C> | null): DataState<ChannelOutput<C>> {
  const state = useData(channel, input)
  const version = useDataVersion()
  const { reload } = state
  const first = useRef(true)
  useEffect(() => {
    if (first.current) first.current = false
    else reload()
  }, [version, reload])
  return state
}
