// The laptop signed in to a sync server as its user with a role, without a server: the state "Verbinden" leaves
// (sync_state 'user') and the role the server's directory gives. There is no screen for a role on the laptop. Before
// the first connection a device's single user may do everything; from then on the rights matrix decides.
import sqlite3 from 'sqlite3'

export function signInAs(file: string, role: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file)
    db.configure('busyTimeout', 5000)
    db.serialize(() => {
      db.run(`update users set role = ?`, [role])
      db.run(`insert into sync_state (key, value) select 'user', json_object('id', id, 'login', 'user', 'displayName', display_name, 'email', '', 'role', ?, 'teamId', '')
        from users limit 1 on conflict(key) do update set value = excluded.value`, [role], (err) => db.close(() => (err ? reject(err) : resolve())))
    })
  })
}
