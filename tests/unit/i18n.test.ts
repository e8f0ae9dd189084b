import { describe, expect, it } from 'vitest'
import * as enums from '../../shared/modules/customers/customer.enums'
import { STATIONS } from '../../shared/modules/customers/journey.stations'
import { EVENT_TEXTS_DE, EVENT_TEXTS_EN } from '../../shared/i18n/events'
import {
  TEXT_SOURCES, formatDate, formatDateTime, isMessageKey, localeOf, messageText, translate, translateEnum, translateFromData, type MessageKey,
} from '../../shared/i18n'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { CHANNELS } from '../../shared/ipc/channels'
import { compileMessage, icuArguments, sampleParams } from '../helpers/icu-arguments'

const LANGUAGES = ['de', 'en'] as const
const ALL_KEYS = [...Object.values(TEXT_SOURCES).flatMap((texts) => Object.keys(texts)), ...Object.keys(EVENT_TEXTS_DE)]
const keyOf = (key: string): MessageKey => {
  if (!isMessageKey(key)) throw new Error(`not a key: ${key}`)
  return key
}

describe('i18n catalogue', () => {
  it('keeps each key in exactly one module catalogue, with German and English text, none empty', () => {
    const owners = new Map<string, string[]>()
    for (const [file, texts] of Object.entries(TEXT_SOURCES)) for (const key of Object.keys(texts)) owners.set(key, [...(owners.get(key) ?? []), file])
    for (const key of Object.keys(EVENT_TEXTS_DE)) owners.set(key, [...(owners.get(key) ?? []), 'shared/i18n/events.ts'])
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([])
    expect(Object.keys(EVENT_TEXTS_EN).sort()).toEqual(Object.keys(EVENT_TEXTS_DE).sort())
    for (const key of ALL_KEYS) for (const language of LANGUAGES) expect(messageText(language, keyOf(key)), `${language} ${key}`).not.toBe('')
  })

  it('keeps module texts with their module: key prefixes of one module are not spread over others', () => {
    // A key's first segment (company., offer., …) names its owner; errors., enum. and letter. are shared prefixes.
    const prefixOwner = new Map<string, Set<string>>()
    for (const [file, texts] of Object.entries(TEXT_SOURCES)) {
      for (const key of Object.keys(texts)) {
        const prefix = key.split('.')[0]!
        if (['errors', 'enum', 'letter', 'settings'].includes(prefix)) continue
        prefixOwner.set(prefix, new Set([...(prefixOwner.get(prefix) ?? []), file]))
      }
    }
    expect([...prefixOwner].filter(([, files]) => files.size > 1).map(([prefix, files]) => `${prefix}: ${[...files].join(', ')}`)).toEqual([])
  })

  it('labels every value of every closed list', () => {
    const lists: Record<string, readonly string[]> = {
      status: enums.COMPANY_STATUSES, segment: enums.SEGMENTS, leadSource: enums.LEAD_SOURCES, salutation: enums.SALUTATIONS,
      buyingRole: enums.BUYING_ROLES, attitude: enums.ATTITUDES, influence: enums.INFLUENCE_LEVELS, language: enums.LANGUAGES,
      channel: enums.TOUCHPOINT_CHANNELS, direction: enums.DIRECTIONS, mode: enums.TOUCHPOINT_MODES, yesNo: enums.YES_NO_UNKNOWN,
      federalState: enums.FEDERAL_STATES, station: [...STATIONS, 'none'], healthLight: enums.HEALTH_LIGHTS,
    }
    for (const [list, values] of Object.entries(lists)) for (const v of values) expect(isMessageKey(`enum.${list}.${v}`), `enum.${list}.${v}`).toBe(true)
    expect(translateEnum('de', 'station', 'none')).toBe(translate('de', 'enum.station.none'))
  })

  it('has a text for every key the code uses literally', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name)
        if (statSync(full).isDirectory()) walk(full)
        else if (/\.(ts|tsx)$/.test(name) && !/\.texts\.ts$/.test(name)) files.push(full)
      }
    }
    for (const dir of ['renderer/src', 'shared', 'electron', 'db']) walk(dir)
    const used = new Set<string>()
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`]((?:errors|common|company|contact|persona|touchpoint|settings|journey|nav|lang|app|offer|conversation|followUp|report|product|sync|conflicts|profile|contract|renewalReport|case|service|asset|referral|feedback|nps|letter)\.[A-Za-z_.]+)['"`]/g)) used.add(m[1]!)
    }
    const channels: readonly string[] = CHANNELS
    // Event keys are stored without their catalogue prefix (`contract.signed` renders `event.contract.signed`).
    const missing = [...used].filter((key) => !isMessageKey(key) && !isMessageKey(`event.${key}`) && !key.endsWith('.') && !channels.includes(key))
    expect(missing).toEqual([])
  })

  it('fills parameters and formats in de-DE by default', () => {
    expect(translate('de', 'common.results', { count: 1234 })).toBe('1.234 Treffer')
    expect(translate('de', 'common.confirmDelete', { name: 'Brunsviga' })).toBe('„Brunsviga“ wirklich löschen? Der Eintrag wird bei allen Kollegen entfernt.')
    expect(formatDate('de', '2026-02-03T10:00:00Z')).toBe('03.02.2026')
    expect(formatDateTime('de', '2026-02-03T10:05:00Z')).toBe('03.02.2026, 11:05')
    expect(localeOf('en')).toBe('en-GB')
  })

  it('takes a key from data only through the checked path: unknown keys come back as they are', () => {
    expect(translateFromData('en', 'errors.notFound')).toBe(translate('en', 'errors.notFound'))
    expect(translateFromData('de', 'errors.noSuchKey')).toBe('errors.noSuchKey')
    expect(translateFromData('de', 'toString')).toBe('toString')
    expect(isMessageKey('constructor')).toBe(false)
    // A parameter missing at run time shows as its placeholder (as before ICU), never throws.
    expect(translateFromData('de', 'common.confirmDelete')).toContain('„{name}“')
  })
})

describe('plural forms', () => {
  it('German: one and other, numbers formatted in de-DE', () => {
    expect([0, 1, 2, 1234].map((count) => translate('de', 'sync.conflictsShort', { count }))).toEqual(['0 Konflikte', '1 Konflikt', '2 Konflikte', '1.234 Konflikte'])
    expect([1, 2].map((count) => translate('de', 'product.rejected', { count }))).toEqual(['1 Zeile fehlerhaft – es wurde nichts importiert.', '2 Zeilen fehlerhaft – es wurde nichts importiert.'])
    expect([1, 30].map((n) => translate('de', 'contract.daysLeft', { n }))).toEqual(['noch 1 Tag', 'noch 30 Tage'])
    expect([1, 12].map((n) => translate('de', 'contract.minimumTermText', { n }))).toEqual(['Mindestlaufzeit 1 Monat', 'Mindestlaufzeit 12 Monate'])
    expect([1, 3].map((count) => translate('de', 'followUp.dueNotice', { count }))).toEqual(['1 Eintrag der Arbeitsliste heute fällig oder überfällig.', '3 Einträge der Arbeitsliste heute fällig oder überfällig.'])
    expect([1, 2].map((count) => translate('de', 'service.overdueNotice', { count }))).toEqual(['1 Servicefall über dem Service-Level.', '2 Servicefälle über dem Service-Level.'])
    expect(translate('de', 'common.results', { count: 1 })).toBe('1 Treffer')
    expect(translate('de', 'offer.paymentWithSkonto', { net: 30, skonto: 2, days: 1 })).toBe('30 Tage netto, 2 % Skonto bei Zahlung binnen 1 Tag')
    expect(translate('de', 'nps.summary', { answers: 1, promoters: 1, detractors: 2 })).toBe('1 Antwort · 1 Promotor · 2 Kritiker')
    expect(translate('de', 'sync.everyMinutes', { count: 1 })).toBe('jede Minute')
    expect(translate('de', 'sync.everyMinutes', { count: 15 })).toBe('alle 15 Min.')
    expect(translate('de', 'contract.noticeText', { period: translate('de', 'contract.period.weeks', { count: 1 }) })).toBe('1 Woche zum Laufzeitende')
  })

  it('English: one and other, numbers formatted in en-GB', () => {
    expect([0, 1, 2, 1234].map((count) => translate('en', 'common.results', { count }))).toEqual(['0 results', '1 result', '2 results', '1,234 results'])
    expect([1, 2].map((count) => translate('en', 'persona.contactCount', { count }))).toEqual(['1 contact', '2 contacts'])
    expect([1, 5].map((n) => translate('en', 'contract.daysLeft', { n }))).toEqual(['1 day left', '5 days left'])
    expect([1, 24].map((n) => translate('en', 'asset.warrantyMonths', { n }))).toEqual(['1 month warranty', '24 months warranty'])
    expect(translate('en', 'report.byCount', { won: '1', decided: 1 })).toBe('1 of 1 offer')
    expect(translate('en', 'renewalReport.byCount', { renewed: '2', due: 3 })).toBe('2 of 3 contracts')
    expect(translate('en', 'contract.period.days', { count: 1 })).toBe('1 day')
  })
})

describe('every catalogue text is a valid ICU message', () => {
  it('compiles and renders in both languages with sample parameters for every branch, without a placeholder left', () => {
    const problems: string[] = []
    for (const key of ALL_KEYS) {
      for (const language of LANGUAGES) {
        const text = messageText(language, keyOf(key))
        try {
          const args = icuArguments(text)
          const message = compileMessage(text, localeOf(language))
          const branches = Math.max(1, ...[...args.selects.values()].map((keys) => keys.length + 1))
          for (const n of [0, 1, 2, 7, 1234]) {
            for (let branch = 0; branch < branches; branch++) {
              const params = sampleParams(args, n, branch)
              const direct = String(message.format(params))
              const rendered = translateFromData(language, key, params)
              if (rendered !== direct) problems.push(`${language} ${key}: translate gave ${JSON.stringify(rendered)}, ICU ${JSON.stringify(direct)}`)
              if (/[{}]/.test(rendered)) problems.push(`${language} ${key}: ${JSON.stringify(rendered)} keeps a brace`)
            }
          }
        } catch (error) {
          problems.push(`${language} ${key}: ${String(error)}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('renders a text without plural or select exactly as the plain {name} replacement did (apostrophes, quotes, < > stay text)', () => {
    const plain = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
    const differences: string[] = []
    let checked = 0
    for (const key of ALL_KEYS) {
      for (const language of LANGUAGES) {
        const text = messageText(language, keyOf(key))
        const args = icuArguments(text)
        if (args.numbers.size > 0 || args.selects.size > 0) continue
        const params = sampleParams(args, 0)
        const rendered = translateFromData(language, key, params)
        if (rendered !== plain(text, params)) differences.push(`${language} ${key}: ${JSON.stringify(rendered)}`)
        checked++
      }
    }
    expect(differences).toEqual([])
    expect(checked).toBeGreaterThan(2000)
    expect(translate('en', 'errors.db.not_ours', { path: '/tmp/x' })).toBe("The file /tmp/x is another program's database. It was not changed. Choose another file.")
    expect(translate('en', 'sync.intro')).toContain("your team's sync server")
  })
})
