// A Kysely dialect over sqlite3 (npm): Kysely's built-in SQLite dialect only fits better-sqlite3.
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'
import type { SqliteHandle } from './sqlite3-handle'

/** Statements that return rows go through `all`; the rest through `run` to learn changes and rowid. */
const returnsRows = (query: CompiledQuery): boolean => {
  const kind = query.query.kind
  if (kind === 'SelectQueryNode' || kind === 'RawNode') return true
  return 'returning' in query.query && query.query.returning !== undefined
}

class Sqlite3Connection implements DatabaseConnection {
  constructor(private readonly handle: SqliteHandle) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (returnsRows(query)) {
      return { rows: await this.handle.all<R>(query.sql, query.parameters) }
    }
    const { changes, lastID } = await this.handle.run(query.sql, query.parameters)
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastID) }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported by the sqlite3 driver; page with LIMIT/OFFSET instead')
  }
}

/** One connection; queries outside a transaction and whole transactions take turns through a mutex. */
class Sqlite3Driver implements Driver {
  private readonly connection: Sqlite3Connection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | null = null

  constructor(private readonly handle: SqliteHandle) {
    this.connection = new Sqlite3Connection(handle)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = null
    release?.()
  }

  async destroy(): Promise<void> {
    await this.queue
    await this.handle.close()
  }
}

/** SQLite runs DDL inside transactions, so each migration is applied whole or not at all. */
class Sqlite3Adapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

export class Sqlite3Dialect implements Dialect {
  constructor(private readonly handle: SqliteHandle) {}
  createDriver(): Driver {
    return new Sqlite3Driver(this.handle)
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }
  createAdapter(): DialectAdapter {
    return new Sqlite3Adapter()
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
