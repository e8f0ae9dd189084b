// Serves the built renderer (out/renderer, inside app.asar when packaged) over app://kundenreise.
// The decisions (which file, which headers) are in protocol.ts; this file only talks to Electron.
import { protocol } from 'electron'
import { lstatSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponseHeaders, resolveAppRequest } from './protocol'

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
}

/** A regular file; symlinks are not followed (lstat), directories are not files. */
function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile()
  } catch {
    return false
  }
}

function errorResponse(status: number): Response {
  return new Response(null, { status, headers: appResponseHeaders('text/plain; charset=utf-8') })
}

/** After ready: answer app:// requests from `rendererDir` only. */
export function serveRenderer(rendererDir: string): void {
  if (protocol.isProtocolHandled(APP_SCHEME)) return
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir, isRegularFile, request.method)
    if (target.kind === 'error') return errorResponse(target.status)
    try {
      const body = await readFile(target.file)
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(target.contentType) })
    } catch {
      return errorResponse(404)
    }
  })
}
