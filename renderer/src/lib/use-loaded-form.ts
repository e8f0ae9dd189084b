// A form that edits what a read channel loaded: the form takes the loaded values once they arrive, and again when
// they change (a save, a colleague's change pulled by sync) — but never over what the user is typing (a form whose
// values differ from the last loaded ones keeps them). `ready` turns true only after the loaded values are in the
// form: a page disables its fields until then, so nothing typed in the moment before the load is overwritten by it.
import { useEffect, useRef, useState } from 'react'

interface LoadableForm<T> {
  reset: (values: T) => void
  getValues: () => unknown
}

export function useLoadedForm<T>(form: LoadableForm<T>, loaded: T | undefined): boolean {
  const [ready, setReady] = useState(false)
  const last = useRef<string | null>(null)
  useEffect(() => {
    if (!loaded) return
    const key = JSON.stringify(loaded)
    if (key === last.current) return
    if (last.current !== null && JSON.stringify(form.getValues()) !== last.current) return // the user is editing
    form.reset(loaded)
    last.current = JSON.stringify(form.getValues())
    setReady(true)
  }, [loaded, form])
  return ready
}
