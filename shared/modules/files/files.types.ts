// What the file channels answer.
import type { AttachmentRecordKind, PreviewKind } from './files.rules'

export interface AttachmentItem {
  id: string
  name: string
  mime: string
  size: number
  sha256: string
  createdAt: string
  createdBy: string
  /** Which record it hangs on (a company's list also shows its contacts', offers', … files). */
  recordKind: AttachmentRecordKind
  /** The bytes are on this laptop (else they are fetched from the sync server when opened). */
  present: boolean
  /** Still to be uploaded with the next sync. */
  pending: boolean
  preview: PreviewKind
}

/** A letter this laptop generated for the record (offer, contract, briefing) in its `Dokumente` folder. */
export interface LetterFile {
  name: string
  size: number
  createdAt: string
}

export interface RecordFiles {
  files: AttachmentItem[]
  letters: LetterFile[]
  /** The record is marked "offline verfügbar": its files are kept on this laptop. */
  offline: boolean
  maxBytes: number
}

export interface FileContent {
  name: string
  mime: string
  base64: string
  preview: PreviewKind
}
