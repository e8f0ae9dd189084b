// What the trigger pages share: a rule's threshold in words.
import type { TriggerSignal } from '../../../../shared/modules/success'
import { useI18n } from '../../lib/i18n'

export function ThresholdText({ signal, value }: { signal: TriggerSignal; value: number }) {
  const { t } = useI18n()
  return <>{t(`triggers.threshold.${signal}`, { value })}</>
}
