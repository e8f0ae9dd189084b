// The traffic light of a health score: a coloured dot with the score and, for screen readers and print, the
// light in words ("Ampel: rot").
import type { HealthLight } from '../../../../shared/modules/success'
import { useI18n } from '../../lib/i18n'

export function HealthLightBadge({ score, light, large = false }: { score: number; light: HealthLight; large?: boolean }) {
  const { t } = useI18n()
  const label = t('health.lightLabel', { light: t(`health.light.${light}`) })
  return (
    <span className={`health-light health-light--${light}${large ? ' health-light--large' : ''}`} title={label}>
      <span className="health-light__dot" aria-hidden="true" />
      <span className="health-light__score">{score}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  )
}
