// Laptops of team Nord signed in to the in-process sync server (tests/helpers/sync-harness.ts): Anna (field sales),
// Ben (inside sales) and Nora, the team's manager, each marked connected and synced once, so every laptop knows the
// user directory and the rights matrix applies.
import { writeState } from '../../electron/main/modules/sync/state'
import { createUser } from '../../server/admin/accounts'
import { PASSWORD, type Harness, type TestClient } from './sync-harness'

/** What connecting in the app stores (sync/controller.ts): the device then knows it is connected. */
/** (Only that it is there counts: the role and team come from the synced users table.) */
export const markConnected = (laptop: TestClient) =>
  writeState(laptop.ctx.db, 'user', { id: laptop.ctx.userId, login: laptop.name, displayName: laptop.ctx.userName, email: '', role: 'field_sales', teamId: '' })

export async function nordTeam(server: { readonly h: Harness; client(login: string): Promise<TestClient> }): Promise<{ anna: TestClient; ben: TestClient; nora: TestClient }> {
  const anna = await server.client('anna')
  const ben = await server.client('ben')
  await createUser(server.h.store, { login: 'nora', displayName: 'Nora Vogt', role: 'manager', teamId: server.h.teams.nord, password: PASSWORD })
  const nora = await server.client('nora')
  for (const laptop of [anna, ben, nora]) {
    await markConnected(laptop)
    await laptop.sync()
  }
  return { anna, ben, nora }
}
