// Pure trust decisions for the desktop shell (unit-tested); window.ts wires them into Electron.

/** The renderer is ours when it is our built index.html, or the dev server electron-vite started. */
export function isTrustedRendererUrl(url: string, expected: { indexFileUrl: string; devServerUrl?: string | undefined }): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') {
    const want = new URL(expected.indexFileUrl)
    return parsed.pathname === want.pathname
  }
  if (expected.devServerUrl) {
    const dev = new URL(expected.devServerUrl)
    return parsed.origin === dev.origin && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1')
  }
  return false
}
