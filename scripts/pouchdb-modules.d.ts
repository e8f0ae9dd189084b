// Minimal typings of the PouchDB pieces the reference benchmark uses (the packages ship none).
declare module 'pouchdb-core' {
  interface ReplicationResult { docs_written: number; ok: boolean }
  interface Db {
    bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; id: string; rev: string }>>
    allDocs(options?: { include_docs?: boolean; keys?: string[]; limit?: number }): Promise<{ total_rows: number; rows: Array<{ id: string; doc?: Record<string, unknown> & { _id: string; _rev: string } }> }>
    info(): Promise<{ doc_count: number }>
    destroy(): Promise<void>
    close(): Promise<void>
    replicate: { from(source: Db | string, options?: object): Promise<ReplicationResult>; to(target: Db | string, options?: object): Promise<ReplicationResult> }
  }
  interface PouchStatic {
    new (name: string, options?: { adapter?: string }): Db
    plugin(plugin: unknown): PouchStatic
    defaults(options: { adapter?: string }): PouchStatic
  }
  const PouchDB: PouchStatic
  export default PouchDB
}
declare module 'pouchdb-adapter-memory' { const plugin: unknown; export default plugin }
declare module 'pouchdb-adapter-http' { const plugin: unknown; export default plugin }
declare module 'pouchdb-replication' { const plugin: unknown; export default plugin }
declare module 'pouchdb-mapreduce' { const plugin: unknown; export default plugin }
declare module 'express-pouchdb' {
  const expressPouchdb: (pouch: unknown, options?: object) => (req: unknown, res: unknown, next: unknown) => void
  export default expressPouchdb
}
declare module 'express' {
  interface App {
    use(path: string, handler: unknown): void
    listen(port: number, host: string): import('node:http').Server
  }
  const express: () => App
  export default express
}
