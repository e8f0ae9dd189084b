// The module rules are enforced by lint: a module reaches another only through its public entry and in
// the allowed direction, the platform never imports a module, and no import cycle exists (docs/architecture.md).
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function problems(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message)
}

describe('module rules', () => {
  it('an import cycle fails lint', async () => {
    // offer.service imports offer-letter-input; importing it back closes a cycle inside the module.
    const code = "import { createOffer } from './offer.service'\nexport const x = createOffer\n"
    expect(await problems('electron/main/modules/offers/offer-letter-input.ts', code, 'import-x/no-cycle')).not.toEqual([])
    const fine = "import { nowIso } from '../../platform/context'\nexport const x = nowIso\n"
    expect(await problems('electron/main/modules/offers/offer-letter-input.ts', fine, 'import-x/no-cycle')).toEqual([])
  })

  it.each([
    ['a module reaching into another module\'s internals', 'electron/main/modules/settings/x.service.ts', "import { getOffer } from '../offers/offer.service'\nexport const x = getOffer\n", /public entry/],
    ['a module using a module it may not use', 'electron/main/modules/customers/x.service.ts', "import { getOffer } from '../offers'\nexport const x = getOffer\n", /may not use module 'offers'/],
    ['the other direction of an allowed dependency', 'electron/main/modules/contracts/x.service.ts', "import { getOffer } from '../offers'\nexport const x = getOffer\n", /may not use module 'offers'/],
    ['shared code of a module reaching into another', 'shared/modules/contracts/x.ts', "import { OFFER_STATUSES } from '../offers/offer.enums'\nexport const x = OFFER_STATUSES\n", /public entry/],
    ['the platform importing a module', 'electron/main/platform/x.ts', "import { getOffer } from '../modules/offers'\nexport const x = getOffer\n", /platform/],
    ['the db platform importing a module', 'db/platform/x.ts', "import type { CompanyTable } from '../modules/customers'\nexport type X = CompanyTable\n", /platform/],
  ])('fails: %s', async (_what, filePath, code, message) => {
    const found = await problems(filePath, code, 'local/module-boundaries')
    expect(found.some((m) => message.test(m)), found.join('\n')).toBe(true)
  })

  it.each([
    ['a module using an allowed module through its entry', 'electron/main/modules/settings/x.service.ts', "import { getOffer } from '../offers'\nexport const x = getOffer\n"],
    ['a module using its own files', 'electron/main/modules/offers/x.service.ts', "import { getOffer } from './offer.service'\nexport const x = getOffer\n"],
    ['the composition root using a module entry', 'electron/main/ipc/x.ts', "import { offerHandlers } from '../modules/offers'\nexport const x = offerHandlers\n"],
    ['a test reaching into a module', 'tests/integration/x.test.ts', "import { getOffer } from '../../electron/main/modules/offers/offer.service'\nexport const x = getOffer\n"],
  ])('passes: %s', async (_what, filePath, code) => {
    expect(await problems(filePath, code, 'local/module-boundaries')).toEqual([])
  })
})
