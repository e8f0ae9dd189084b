// Hands a generated file to the browser as a download (the desktop app also opens it itself).
import type { OfferDocument } from '../../../shared/ipc/contract'
import type { I18n } from './i18n'

export function download(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Downloads a DOCX letter and says what happened (file name, and any warnings such as a missing logo). */
export function saveLetter(letter: OfferDocument, { t, tFromData }: Pick<I18n, 't' | 'tFromData'>): string {
  download(letter.fileName, letter.base64, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  return [t('offer.documentReady', { file: letter.fileName }), ...letter.warnings.map((w) => tFromData(w))].join(' ')
}
