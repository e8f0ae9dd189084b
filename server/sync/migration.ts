// Migration 012 of the server store (server/store/migrations.ts): the PostgreSQL sequence and the two functions that
// let writers run side by side (server/sync/sequence.ts).
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely'
import { WRITERS_LOCK_KEY } from './sequence'

/**
 * Writers side by side on PostgreSQL (issue 20, docs/sync.md "Global sequence"): versions come from the sequence
 * `sync_version` instead of the counter row, which every writer had to hold to its commit. A writer registers the
 * first number it takes by holding the advisory lock (schema's key, number) until it commits; a reader's stable
 * version is just below the smallest number still held, else the sequence's last number. Registration and reading
 * take a gate lock (schema's key, 0) for microseconds, so no writer can take a number between a reader's look at the
 * sequence and its look at the held numbers. Numbers stay below 2^32 (the lock's second key); the functions say so
 * when they would not. All server instances of one database must run this version (an older one numbers from the
 * counter row). SQLite keeps its counter and its one writer.
 */
export const m012ConcurrentWriters: Migration = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
    await sql`select pg_advisory_xact_lock(${sql.lit(WRITERS_LOCK_KEY)})`.execute(db)
    const counter = Number((await sql<{ seq: string | number }>`select seq from sync_counter where id = 1`.execute(db)).rows[0]?.seq ?? 0)
    await sql`create sequence sync_version as bigint minvalue 1 cache 1`.execute(db)
    await sql`select setval('sync_version', ${Math.max(counter, 1)}, ${counter > 0})`.execute(db)
    await sql.raw(`create or replace function sync_begin_write(exclusive boolean, reserve integer) returns bigint[]
      language plpgsql set search_path from current as $fn$
      declare
        ns integer := hashtext(current_schema() || ':sync_version');
        numbers bigint[];
        first bigint;
      begin
        if exclusive then perform pg_advisory_xact_lock(${WRITERS_LOCK_KEY}); else perform pg_advisory_xact_lock_shared(${WRITERS_LOCK_KEY}); end if;
        -- Only the first number is taken under the gate: the rest come after it and are larger anyway.
        perform pg_advisory_lock_shared(ns, 0);
        begin
          first := nextval('sync_version');
          if first >= 4294967296 then raise exception 'sync_version has passed 2^32'; end if;
          perform pg_advisory_xact_lock(ns, (case when first >= 2147483648 then first - 4294967296 else first end)::integer);
        exception when query_canceled or others then
          -- others does not include a cancelled statement (statement_timeout): the session lock must go either way.
          perform pg_advisory_unlock_shared(ns, 0);
          raise;
        end;
        perform pg_advisory_unlock_shared(ns, 0);
        numbers := array[first] || array(select nextval('sync_version') from generate_series(2, greatest(reserve, 1)));
        return numbers;
      end $fn$`).execute(db)
    await sql.raw(`create or replace function sync_stable_version() returns bigint
      language plpgsql set search_path from current as $fn$
      declare
        ns integer := hashtext(current_schema() || ':sync_version');
        last bigint;
        called boolean;
        held bigint;
      begin
        perform pg_advisory_lock(ns, 0);
        begin
          select last_value, is_called into last, called from sync_version;
          select min(l.objid::bigint) into held from pg_locks l
            where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())
              and l.classid::bigint = (ns::bigint & 4294967295) and l.objsubid = 2 and l.objid::bigint <> 0 and l.granted;
        exception when query_canceled or others then
          perform pg_advisory_unlock(ns, 0);
          raise;
        end;
        perform pg_advisory_unlock(ns, 0);
        if held is not null then return held - 1; end if;
        if called then return last; end if;
        return last - 1;
      end $fn$`).execute(db)
  },
}
