// A piece one part of the code needs but may not import (a module's knowledge that a lower module or the
// platform uses), installed once by the composition root, db/database.ts. Reading it before it is
// installed is a bug that fails loudly, never a silent default.

export interface Installed<T> {
  install(value: T): void
  get(): T
}

export function installedSlot<T>(what: string): Installed<T> {
  let value: T | undefined
  return {
    install: (v) => {
      value = v
    },
    get: () => {
      if (value === undefined) throw new Error(`${what} is not installed: open the database through db/database.ts`)
      return value
    },
  }
}
