// What a list export is asked for and what it answers: the file as base64 with its name and type, and how
// many rows it holds. The lists' own query schemas add `format` and `language` (exportOptions).
import { z } from 'zod'

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** More rows than this are refused (`errors.exportTooLarge`): the user narrows the list first. */
export const MAX_EXPORT_ROWS = 100_000

export const exportFormatSchema = z.enum(EXPORT_FORMATS, 'errors.invalidChoice')

export interface ExportFile {
  fileName: string
  base64: string
  mimeType: string
  rows: number
}
