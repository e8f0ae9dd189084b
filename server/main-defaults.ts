// Defaults shared by the server entry and the admin command line.
import { resolve } from 'node:path'

export const DEFAULT_STORE = resolve(process.env.KUNDENREISE_SERVER_DATA ?? '.data/sync-server.sqlite')
