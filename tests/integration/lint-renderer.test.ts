// The renderer's boundaries (docs/architecture.md, "Renderer") are enforced by eslint.config.js:
// components/ never imports a module, the shell or app.tsx; a module never imports another module's
// pages (deep or through its index) and a page never imports a page. The layer rule for the renderer
// (no Node, Electron, database) still holds in those folders.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const BOUNDARY_RULE = '@typescript-eslint/no-restricted-imports'
const LAYER_RULE = 'no-restricted-imports'

async function messages(filePath: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message)
}
const boundaryErrors = (filePath: string, code: string) => messages(filePath, code, BOUNDARY_RULE)

describe('renderer components/', () => {
  it.each([
    ["import { OfferPage } from '../modules/offers/offer-page'\nexport const x = OfferPage\n", 'a page'],
    ["import { SyncIndicator } from '../modules/sync'\nexport const x = SyncIndicator\n", "a module's index"],
    ["import { DueFollowUpsBanner } from '../../modules/worklist/due-banner'\nexport const x = DueFollowUpsBanner\n", 'a module file from a subfolder'],
    ["import { AppShell } from '../shell/app-shell'\nexport const x = AppShell\n", 'the shell'],
    ["import { App } from '../app'\nexport const x = App\n", 'app.tsx'],
  ])('may not import %j (%s)', async (code) => {
    expect(await boundaryErrors('renderer/src/components/x.tsx', code)).toEqual([expect.stringContaining('components/ is generic UI')])
  })

  it('may import lib/, other components and the shared domain', async () => {
    const code = [
      "import { todayIso } from '../lib/today'",
      "import { Badge } from './page'",
      "import type { OfferStatus } from '../../../shared/modules/offers'",
      "import type { CaseStatus } from '../../../shared/modules/service/service.enums'",
      'export const x: [typeof todayIso, typeof Badge, OfferStatus, CaseStatus] | null = null',
      '',
    ].join('\n')
    expect(await boundaryErrors('renderer/src/components/x.tsx', code)).toEqual([])
  })

  it('still may not import Node or Electron (the layer rule is not replaced)', async () => {
    expect(await messages('renderer/src/components/x.tsx', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n", LAYER_RULE)).not.toEqual([])
  })
})

describe('renderer modules/', () => {
  it.each([
    ["import { OfferPage } from '../offers/offer-page'\nexport const x = OfferPage\n", "another module's page, deep"],
    ["import { ReferralListPage } from '../service/referral-pages.tsx'\nexport const x = ReferralListPage\n", "another module's pages file, with extension"],
    ["import { OfferPage } from '../offers'\nexport const x = OfferPage\n", "another module's page through its index"],
    ["import { ContractPage } from './contract-page'\nexport const x = ContractPage\n", 'a page of the same module'],
  ])('may not import %j (%s)', async (code) => {
    expect(await boundaryErrors('renderer/src/modules/contracts/x.tsx', code)).toHaveLength(1)
  })

  it("may import another module's index, its own non-page files, components/ and lib/", async () => {
    const code = [
      "import { SyncSettings } from '../sync'",
      "import { useCompanyContext } from './company-context'",
      "import { StatusBadge } from '../../components/status-badge'",
      "import { PageHeader } from '../../components/page'",
      "import { todayIso } from '../../lib/today'",
      "import type { Offer } from '../../../../shared/modules/offers/offer.types'",
      'export const x: [unknown, unknown, unknown, unknown, unknown, Offer | null] = [SyncSettings, useCompanyContext, StatusBadge, PageHeader, todayIso, null]',
      '',
    ].join('\n')
    expect(await boundaryErrors('renderer/src/modules/service/x.tsx', code)).toEqual([])
  })

  it("a module's index.ts re-exports its pages for app.tsx", async () => {
    expect(await boundaryErrors('renderer/src/modules/offers/index.ts', "export { OfferPage } from './offer-page'\n")).toEqual([])
  })

  it('still may not reach the database (the layer rule is not replaced)', async () => {
    expect(await messages('renderer/src/modules/x/x.tsx', "import { openDatabase } from '../../../../db/database'\nexport const x = openDatabase\n", LAYER_RULE)).not.toEqual([])
  })
})

describe('the composition root', () => {
  it('app.tsx and shell/ may import module entries and pages', async () => {
    expect(await boundaryErrors('renderer/src/app.tsx', "import { OfferPage } from './modules/offers'\nexport const x = OfferPage\n")).toEqual([])
    expect(await boundaryErrors('renderer/src/shell/x.tsx', "import { SyncIndicator } from '../modules/sync'\nexport const x = SyncIndicator\n")).toEqual([])
  })
})

describe('one way to change data', () => {
  it.each(['renderer/src/modules/offers/x.tsx', 'renderer/src/components/x.tsx'])('%s may not send a change past useAction (invoke)', async (file) => {
    const code = "import { invoke } from '../../lib/api'\nexport const x = invoke\n".replace('../../', file.includes('components') ? '../' : '../../')
    expect(await boundaryErrors(file, code)).toEqual([expect.stringContaining('useAction')])
  })

  it('pages may read with call', async () => {
    expect(await boundaryErrors('renderer/src/modules/offers/x.tsx', "import { call } from '../../lib/api'\nexport const x = call\n")).toEqual([])
  })
})
