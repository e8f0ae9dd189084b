import { describe, expect, it } from 'vitest'
import * as enums from '../../shared/modules/customers/customer.enums'
import { STATIONS } from '../../shared/modules/customers/journey.stations'
import { de } from '../../shared/i18n/de'
import { en } from '../../shared/i18n/en'
import { formatDate, formatDateTime, formatMoney, translate } from '../../shared/i18n'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { CHANNELS } from '../../shared/ipc/channels'

describe('i18n catalogue', () => {
  it('has an English text for every German key and no empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort())
    for (const [key, value] of [...Object.entries(de), ...Object.entries(en)]) expect(value, key).not.toBe('')
  })

  it('labels every value of every closed list', () => {
    const lists: Record<string, readonly string[]> = {
      status: enums.COMPANY_STATUSES, segment: enums.SEGMENTS, leadSource: enums.LEAD_SOURCES, salutation: enums.SALUTATIONS,
      buyingRole: enums.BUYING_ROLES, attitude: enums.ATTITUDES, influence: enums.INFLUENCE_LEVELS, language: enums.LANGUAGES,
      channel: enums.TOUCHPOINT_CHANNELS, direction: enums.DIRECTIONS, mode: enums.TOUCHPOINT_MODES, yesNo: enums.YES_NO_UNKNOWN,
      federalState: enums.FEDERAL_STATES, station: [...STATIONS, 'none'],
    }
    for (const [list, values] of Object.entries(lists)) for (const v of values) expect(de, `enum.${list}.${v}`).toHaveProperty([`enum.${list}.${v}`])
  })

  it('has a text for every key the code uses literally', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name)
        if (statSync(full).isDirectory()) walk(full)
        else if (/\.(ts|tsx)$/.test(name)) files.push(full)
      }
    }
    for (const dir of ['renderer/src', 'shared', 'electron', 'db']) walk(dir)
    const used = new Set<string>()
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`]((?:errors|common|company|contact|persona|touchpoint|settings|journey|nav|lang|app|offer|conversation|followUp|report|product|sync|conflicts|profile|contract|renewalReport|case|service|asset|referral|feedback|nps)\.[A-Za-z_.]+)['"`]/g)) used.add(m[1]!)
    }
    const channels: readonly string[] = CHANNELS
    const missing = [...used].filter((key) => !(key in de) && !key.endsWith('.') && !channels.includes(key))
    expect(missing).toEqual([])
  })

  it('fills parameters and formats in de-DE by default', () => {
    expect(translate('de', 'common.results', { count: '1.234' })).toBe('1.234 Treffer')
    expect(formatDate('de', '2026-02-03T10:00:00Z')).toBe('03.02.2026')
    expect(formatDateTime('de', '2026-02-03T10:05:00Z')).toBe('03.02.2026, 11:05')
    expect(formatMoney('de', 123456)).toBe('1.234,56\u00a0€')
  })
})
