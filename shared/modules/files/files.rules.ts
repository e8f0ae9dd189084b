// Rules of attached files (docs/files.md): what a file's hash looks like, how large a file may be, which
// records carry files, and the display name. No synced value is ever a path: a laptop derives where a
// file lies from its SHA-256 alone (`blobRelativePath`), after checking it is 64 hex digits.

/** The records that carry files; each but the company names its record in a column of its own. */
export const ATTACHMENT_RECORD_KINDS = ['company', 'contact', 'offer', 'contract', 'case'] as const
export type AttachmentRecordKind = (typeof ATTACHMENT_RECORD_KINDS)[number]

/** The column of `attachments` that names the record of each kind (the company is `company_id` itself). */
export const RECORD_COLUMN = {
  company: 'company_id', contact: 'contact_id', offer: 'offer_id', contract: 'contract_id', case: 'case_id',
} as const satisfies Record<AttachmentRecordKind, string>

/** 25 MB: the default limit per file, on the laptop and on the sync server (MAX_FILE_BYTES there). */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024
/** 5 GB per team on the sync server unless TEAM_QUOTA_BYTES says otherwise. */
export const DEFAULT_TEAM_QUOTA_BYTES = 5 * 1024 * 1024 * 1024

const SHA256 = /^[0-9a-f]{64}$/

export const isSha256 = (value: unknown): value is string => typeof value === 'string' && SHA256.test(value)

/**
 * Where a blob lies below the blob folder: `<first two hex digits>/<sha256>`. Throws for anything but 64
 * lower-case hex digits, so no synced or typed value can ever name another place.
 */
export function blobRelativePath(sha256: string): [string, string] {
  if (!isSha256(sha256)) throw new Error('not a sha256')
  return [sha256.slice(0, 2), sha256]
}

/** Longest display name kept (characters). */
export const MAX_NAME = 200

/**
 * The file's name for display and downloads only: the last path segment, control characters and the
 * characters Windows forbids replaced, at most 200 characters, 'Datei' when nothing is left.
 */
export function displayName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+/, '').trim()
  return Array.from(cleaned).slice(0, MAX_NAME).join('') || 'Datei'
}

/** How a file is shown: a picture, the first page of a PDF, or only its name and type. */
export type PreviewKind = 'image' | 'pdf' | 'none'

const BROWSER_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/avif'])

export function previewKind(mime: string): PreviewKind {
  if (BROWSER_IMAGES.has(mime)) return 'image'
  return mime === 'application/pdf' ? 'pdf' : 'none'
}

/** Offline on the laptop: files of records marked "offline verfügbar" and of next week's appointments' customers. */
export const PREFETCH_DAYS = 7

const MIME_LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'image/bmp': 'BMP', 'image/avif': 'AVIF', 'image/heic': 'HEIC', 'image/heif': 'HEIF', 'image/tiff': 'TIFF',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint', 'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS', 'application/vnd.oasis.opendocument.presentation': 'ODP', 'application/rtf': 'RTF',
  'application/vnd.ms-outlook': 'Outlook (.msg)', 'application/x-cfb': 'Office (OLE)', 'message/rfc822': 'E-Mail (.eml)', 'text/plain': 'Text',
}

/** A short technical name of a type (the same in German and English). */
export const mimeLabel = (mime: string): string => MIME_LABELS[mime] ?? mime
