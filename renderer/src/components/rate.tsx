// A rate (0…1) as a percentage in the UI language, one decimal at most: "42,9 %" / "42.9%"; "–" when
// there is nothing to divide by.
import { localeOf } from '../../../shared/i18n'
import { useI18n } from '../lib/i18n'

export function Rate({ value }: { value: number | null }) {
  const { language } = useI18n()
  return <>{value === null ? '–' : new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(value)}</>
}
