// The layering of docs/architecture.md is enforced: forbidden imports fail the lint step.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('import rules', () => {
  it.each([
    ['renderer/src/modules/x/x.tsx', "import { openDatabase } from '../../../../db/database'\nexport const x = openDatabase\n"],
    ['renderer/src/lib/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n"],
    ['renderer/src/lib/x.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n"],
    ['shared/modules/x/x.ts', "import { sql } from 'kysely'\nexport const x = sql\n"],
    ['shared/modules/x/x.ts', "import React from 'react'\nexport const x = React\n"],
    ['db/x.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['electron/main/modules/x/x.service.ts', "import { dialog } from 'electron'\nexport const x = dialog\n"],
    ['electron/main/web/x.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['electron/preload/x.ts', "import { z } from 'zod'\nexport const x = z\n"],
  ])('%s may not import that', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([])
  })

  it.each([
    ['renderer/src/lib/x.ts', "import { contract } from '../../../shared/ipc/contract'\nexport const x = contract\n"],
    ['electron/main/modules/x/x.service.ts', "import { newId } from '../../../../db/platform/ids'\nexport const x = newId\n"],
    ['electron/main/window.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['electron/preload/x.ts', "import { CHANNELS } from '../../shared/ipc/channels'\nimport { ipcRenderer } from 'electron'\nexport const x = [CHANNELS, ipcRenderer]\n"],
  ])('%s may import that', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([])
  })
})
