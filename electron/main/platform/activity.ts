// What runs on an open database: the dispatcher counts each request on the service context it started
// on, so switching to another database (the demo and back) waits until the old one is idle before it
// closes it — a save or a letter in progress finishes instead of failing half-way.
interface Running {
  count: number
  idle: Array<() => void>
}

const running = new WeakMap<object, Running>()

/** Runs `work` counted against `ctx`. */
export async function track<T>(ctx: object, work: () => Promise<T>): Promise<T> {
  let entry = running.get(ctx)
  if (!entry) running.set(ctx, (entry = { count: 0, idle: [] }))
  entry.count++
  try {
    return await work()
  } finally {
    entry.count--
    if (entry.count === 0) for (const resolve of entry.idle.splice(0)) resolve()
  }
}

/** Settles when nothing counted against `ctx` runs any more. */
export function whenIdle(ctx: object): Promise<void> {
  const entry = running.get(ctx)
  if (!entry || entry.count === 0) return Promise.resolve()
  return new Promise((resolve) => entry.idle.push(resolve))
}
