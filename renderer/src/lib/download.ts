// Hands a generated file to the browser as a download (the desktop app also opens it itself).
import type { OfferDocument } from '../../../shared/ipc/contract'
import type { I18n } from './i18n'

/** A file's bytes as base64, for a channel that takes a file (the bytes travel; the browser decodes nothing). */
export function base64Of(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function download(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Downloads a letter (DOCX or PDF) and says what happened (file name, and any warnings such as a missing logo). */
export function saveLetter(letter: OfferDocument, { t, tFromData }: Pick<I18n, 't' | 'tFromData'>): string {
  const type = letter.fileName.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  download(letter.fileName, letter.base64, type)
  return [t('offer.documentReady', { file: letter.fileName }), ...letter.warnings.map((w) => tFromData(w))].join(' ')
}
