// The company logo in a letter: only PNG or JPEG, recognised by its first bytes, at most 2 MB.
// Pure checks on bytes; where the bytes come from (the device's own profile, never synced data) is the
// profile service's business.

export const MAX_LOGO_BYTES = 2 * 1024 * 1024

export type LogoType = 'png' | 'jpg'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** 'png' or 'jpg' when the bytes are a logo a letter may embed; null for anything else or anything too big. */
export function logoType(data: Buffer): LogoType | null {
  if (data.length === 0 || data.length > MAX_LOGO_BYTES) return null
  // PNG: signature, then the IHDR chunk with width and height.
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE) && data.subarray(12, 16).toString('latin1') === 'IHDR') return 'png'
  // JPEG: start-of-image marker followed by another marker.
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg'
  return null
}

/** Width and height of a PNG or JPEG, to keep the logo's proportions; a wide default when unreadable. */
export function logoSize(data: Buffer, type: LogoType): { width: number; height: number } {
  const fallback = { width: 300, height: 100 }
  try {
    if (type === 'png') {
      const size = { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
      return size.width > 0 && size.height > 0 ? size : fallback
    }
    let offset = 2
    while (offset + 9 <= data.length) {
      const marker = data[offset + 1]!
      const length = data.readUInt16BE(offset + 2)
      if (marker >= 0xc0 && marker <= 0xc3) {
        const size = { width: data.readUInt16BE(offset + 7), height: data.readUInt16BE(offset + 5) }
        return size.width > 0 && size.height > 0 ? size : fallback
      }
      offset += 2 + length
    }
  } catch {
    // A truncated file: keep the default proportions.
  }
  return fallback
}

/**
 * Whether a PNG's chunks run whole up to its end marker (IEND). A PDF must decode the picture to embed
 * it, and a truncated file (which a DOCX simply carries along) would stall the decoder; such a logo is
 * left out of the PDF with a warning.
 */
export function pngIsComplete(data: Buffer): boolean {
  let offset = PNG_SIGNATURE.length
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset)
    const type = data.subarray(offset + 4, offset + 8).toString('latin1')
    if (offset + 12 + length > data.length) return false
    if (type === 'IEND') return true
    offset += 12 + length
  }
  return false
}
