// "Today" as the app's clock has it: the main process may run on another clock than the browser
// (a demo or test moved in time), and defaults such as an offer date must agree with it.
let offsetMs = 0

export function setAppNow(iso: string): void {
  const at = Date.parse(iso)
  if (Number.isFinite(at)) offsetMs = at - Date.now()
}

export const appNow = (): Date => new Date(Date.now() + offsetMs)
export const todayIso = (): string => appNow().toISOString().slice(0, 10)
