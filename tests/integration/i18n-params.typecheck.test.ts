// The compiler reads each text's parameters from its ICU message (shared/i18n/message-params.ts); this
// test checks that reading against FormatJS's parser for every text of the catalogue: a call with exactly
// the parameters the parser finds compiles, a number argument given as text does not, and leaving out
// a parameter does not. It runs tsc on a generated file (a few seconds).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TEXT_SOURCES, messageText, type MessageKey } from '../../shared/i18n'
import { icuArguments, sampleParams } from '../helpers/icu-arguments'

const ROOT = process.cwd()
const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-i18n-types-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('typed message parameters', () => {
  it('agree with the ICU parser for every catalogue text', () => {
    const lines = [`import { translate } from ${JSON.stringify(path.relative(dir, path.join(ROOT, 'shared/i18n')))}`, 'export function calls() {']
    let expectedErrors = 0
    for (const key of Object.values(TEXT_SOURCES).flatMap((texts) => Object.keys(texts)) as MessageKey[]) {
      const args = icuArguments(`${messageText('de', key)} ${messageText('en', key)}`)
      const params = sampleParams(args, 2)
      const call = (p: Record<string, string | number>) => `  translate('de', ${JSON.stringify(key)}${Object.keys(p).length > 0 ? `, ${JSON.stringify(p)}` : ''})`
      lines.push(call(params))
      for (const name of args.numbers) {
        lines.push('  // @ts-expect-error a number argument given as text', call({ ...params, [name]: '2' }))
        expectedErrors++
      }
      const first = Object.keys(params)[0]
      if (first) {
        const { [first]: _left, ...without } = params
        lines.push('  // @ts-expect-error a parameter left out', call(without))
        expectedErrors++
      }
    }
    lines.push('}', '')
    writeFileSync(path.join(dir, 'calls.ts'), lines.join('\n'))
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(ROOT, 'tsconfig.node.json'), compilerOptions: { types: [] }, include: ['calls.ts'] }))
    let output = ''
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' })
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error)
    }
    // Errors in the generated file or without a file (the configuration) count; the rest is the typecheck's business.
    expect(output.split('\n').filter((line) => line.includes('calls.ts') || /^error TS/.test(line))).toEqual([])
    expect(expectedErrors).toBeGreaterThan(100)
  }, 120_000)
})
