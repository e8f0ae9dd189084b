// The arguments of an ICU message as FormatJS parses it, for tests that render every catalogue text:
// which names it takes, which of them choose a plural form or are formatted as numbers (numbers), and
// which choose a branch of a select (with the branches' keys).
import { IntlMessageFormat } from 'intl-messageformat'

type Element = ReturnType<IntlMessageFormat['getAst']>[number]

export interface IcuArguments {
  /** Plural, selectordinal and number arguments: must be numbers. */
  numbers: Set<string>
  /** Select arguments and their branch keys (without `other`). */
  selects: Map<string, string[]>
  /** Simple `{name}` arguments (not also a number or select argument). */
  plain: Set<string>
}

// The parser's element types (TYPE in @formatjs/icu-messageformat-parser).
const ARGUMENT = 1
const NUMBER = 2
const SELECT = 5
const PLURAL = 6
const TAG = 8

export function compileMessage(text: string, locale: string): IntlMessageFormat {
  return new IntlMessageFormat(text, locale, undefined, { ignoreTag: true })
}

export function icuArguments(text: string): IcuArguments {
  const result: IcuArguments = { numbers: new Set(), selects: new Map(), plain: new Set() }
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      const e = element as { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] }
      if (e.type === ARGUMENT) result.plain.add(String(e.value))
      if (e.type === NUMBER || e.type === PLURAL) result.numbers.add(String(e.value))
      if (e.type === SELECT) result.selects.set(String(e.value), Object.keys(e.options ?? {}).filter((k) => k !== 'other'))
      for (const option of Object.values(e.options ?? {})) walk(option.value)
      if (e.type === TAG) walk(e.children ?? [])
    }
  }
  walk(compileMessage(text, 'de-DE').getAst())
  for (const name of [...result.numbers, ...result.selects.keys()]) result.plain.delete(name)
  return result
}

/** Sample parameters: every plain argument a marked text, every number `n`, every select its first branch (or `other`). */
export function sampleParams(args: IcuArguments, n: number, branch = 0): Record<string, string | number> {
  const params: Record<string, string | number> = {}
  for (const name of args.plain) params[name] = `‹${name}›`
  for (const name of args.numbers) params[name] = n
  for (const [name, keys] of args.selects) params[name] = keys[branch] ?? 'other'
  return params
}
