// A long text (notes, a touchpoint's summary) collapsed to its first lines, with "mehr anzeigen" / "weniger",
// so one long note does not push the rest of the customer page out of sight.
import { useId, useState } from 'react'
import { useI18n } from '../../lib/i18n'

const MAX_LINES = 4
const MAX_CHARS = 320

/** The shortened text, or null when the text is short enough to show whole. */
function shortened(text: string): string | null {
  const lines = text.split('\n')
  if (lines.length <= MAX_LINES && text.length <= MAX_CHARS) return null
  let short = lines.slice(0, MAX_LINES).join('\n')
  if (short.length > MAX_CHARS) short = short.slice(0, short.lastIndexOf(' ', MAX_CHARS) > MAX_CHARS / 2 ? short.lastIndexOf(' ', MAX_CHARS) : MAX_CHARS)
  return `${short.trimEnd()} …`
}

export function CollapsibleText({ text, className }: { text: string; className?: string }) {
  const { t } = useI18n()
  const id = useId()
  const [open, setOpen] = useState(false)
  const short = shortened(text)
  if (short === null) return <p className={className}>{text}</p>
  return (
    <div>
      <p id={id} className={className}>{open ? text : short}</p>
      <button type="button" className="button button--ghost button--small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? t('company.showLess') : t('company.showMore')}
      </button>
    </div>
  )
}
