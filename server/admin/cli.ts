// `npm run server:admin -- <command>`: teams, users and passwords on the sync server's store.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { ROLES } from '../../shared/modules/sync'
import { isOneOf } from '../../shared/platform/value-lists'
import { openStore } from '../store/open-store'
import { DEFAULT_STORE } from '../main-defaults'
import { createIntegrationKey, INTEGRATION_KINDS, listIntegrationKeys, revokeIntegrationKey } from '../integrations/keys'
import { AdminError, createTeam, createUser, disableUser, listUsers, resetPassword, setUserRole, setUserTeam, teamIdByName, unblockLogin } from './accounts'

const USAGE = `Usage: npm run server:admin -- <command> [options]
  create-team  --name <name>
  create-user  --login <login> --name <display name> --role <${ROLES.join('|')}> [--team <team>] [--email <e-mail>] [--password <pw> | password on stdin]
  reset-password --login <login> [--password <pw> | password on stdin]
  set-team     --login <login> --team <team>
  set-role     --login <login> --role <${ROLES.join('|')}>   (the last active admin stays admin)
  disable-user --login <login>
  unblock-login --login <login>   (forget its failed logins: no waiting after mistyped passwords)
  list-users
  create-key   --name <name> --kinds <${INTEGRATION_KINDS.join(',')}>   (an integration key, shown once: e.g. for the ERP's nightly export, leads from marketing, service requests from the website)
  list-keys
  revoke-key   --name <name or id>
The store is DATABASE_URL (postgres://…) or the embedded SQLite file ${DEFAULT_STORE}.`

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given
  const rl = createInterface({ input: process.stdin })
  for await (const line of rl) {
    rl.close()
    return line
  }
  throw new AdminError('no password given (use --password or pipe it on stdin)')
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2)
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, login: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, kinds: { type: 'string' } },
  })
  const need = (key: keyof typeof values): string => {
    const value = values[key]
    if (!value) throw new AdminError(`--${key} is required\n\n${USAGE}`)
    return value
  }
  if (!command || command === 'help') return console.log(USAGE)
  const store = await openStore(process.env.DATABASE_URL || DEFAULT_STORE)
  try {
    switch (command) {
      case 'create-team':
        console.log(`team ${await createTeam(store, need('name'))} created`)
        break
      case 'create-user': {
        const role = need('role')
        if (!isOneOf(ROLES, role)) throw new AdminError(`role must be one of ${ROLES.join(', ')}`)
        const teamId = values.team ? await teamIdByName(store, values.team) : ''
        const id = await createUser(store, { login: need('login'), displayName: need('name'), role, teamId, email: values.email, password: await readPassword(values.password) })
        console.log(`user ${id} created`)
        break
      }
      case 'reset-password':
        await resetPassword(store, need('login'), await readPassword(values.password))
        console.log('password changed; every session of the user ended')
        break
      case 'set-team':
        await setUserTeam(store, need('login'), await teamIdByName(store, need('team')))
        console.log('team changed')
        break
      case 'set-role': {
        const role = need('role')
        if (!isOneOf(ROLES, role)) throw new AdminError(`role must be one of ${ROLES.join(', ')}`)
        await setUserRole(store, need('login'), role)
        console.log('role changed')
        break
      }
      case 'disable-user':
        await disableUser(store, need('login'))
        console.log('user disabled; every session ended')
        break
      case 'unblock-login':
        console.log(`${await unblockLogin(store, need('login'))} login counter(s) cleared`)
        break
      case 'list-users':
        console.table(await listUsers(store))
        break
      case 'create-key': {
        const { id, key } = await createIntegrationKey(store.db, need('name'), need('kinds').split(',').map((k) => k.trim()).filter(Boolean))
        console.log(`integration key ${id} created. The key is shown this once; the server keeps only its hash:\n${key}`)
        break
      }
      case 'list-keys':
        console.table((await listIntegrationKeys(store.db)).map((k) => ({ ...k, kinds: k.kinds.join(',') })))
        break
      case 'revoke-key':
        await revokeIntegrationKey(store.db, need('name'))
        console.log('integration key revoked')
        break
      default:
        throw new AdminError(`unknown command "${command}"\n\n${USAGE}`)
    }
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  console.error(err instanceof AdminError || err instanceof Error ? err.message : String(err))
  process.exit(1)
})
