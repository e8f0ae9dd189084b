// Language context: German by default, the choice persisted in the device settings. `t` takes only keys
// of the catalogue (shared/i18n) with the parameters their texts name; a key that arrives as data at run
// time (an error from main) goes through `tFromData`, which checks it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Language } from '../../../shared/modules/customers'
import { formatDate, formatDateTime, formatNumber, formatPeriod, translate, translateEnum, translateFromData, type EnumList, type EnumValue, type Translate } from '../../../shared/i18n'
import { taskTitleText } from '../../../shared/i18n/event-text'
import type { MessageRef } from '../../../shared/platform/event-message'
import { call, invoke } from './api'

export interface I18n {
  language: Language
  setLanguage(language: Language): Promise<void>
  t: Translate
  /** For a key that came as data (an error key from main or the server): unknown keys show as they are. */
  tFromData(key: string, params?: Record<string, string | number>): string
  /** The label of a value of a closed list: `enumLabel('status', company.status)`. */
  enumLabel<L extends EnumList>(list: L, value: EnumValue<L>): string
  date(iso: string): string
  dateTime(iso: string): string
  number(value: number): string
  /** A report period key ("2026-01", "2026-Q1") as a reader writes it: "Jan. 2026", "Q1 2026". */
  period(key: string): string
  /** A task's title: one the app made (its key) in this language, else as typed. */
  taskTitle(task: { title: string; titleRef?: MessageRef | null }): string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>('de')
  // A choice the user made wins over the stored setting that may still be on its way.
  const chosen = useRef(false)

  useEffect(() => {
    void call('settings.get', {}).then((r) => r.ok && !chosen.current && setLanguageState(r.data.language))
  }, [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  const setLanguage = useCallback(async (next: Language) => {
    chosen.current = true
    setLanguageState(next)
    await invoke('settings.update', { language: next })
  }, [])

  const value = useMemo<I18n>(() => ({
    language,
    setLanguage,
    t: (key, ...params) => translate(language, key, ...params),
    tFromData: (key, params) => translateFromData(language, key, params),
    enumLabel: (list, value) => translateEnum(language, list, value),
    date: (iso) => formatDate(language, iso),
    dateTime: (iso) => formatDateTime(language, iso),
    number: (value) => formatNumber(language, value),
    period: (key) => formatPeriod(language, key),
    taskTitle: (task) => taskTitleText(language, task),
  }), [language, setLanguage])

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
