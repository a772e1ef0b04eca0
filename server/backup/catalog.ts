import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "./sql-rows";
import type { ForeignKey } from "./table-order";

/** One application table as PostgreSQL's catalog describes it: what a backup reads and a restore writes. */
export interface CatalogTable {
  name: string;
  /** Stored columns in table order (generated columns are left out: they are computed again). */
  columns: Array<{ name: string; type: string }>;
  /** The primary key's columns, the order rows are written in; every column when there is none. */
  orderBy: string[];
  /** An identity column GENERATED ALWAYS needs OVERRIDING SYSTEM VALUE to take the stored value. */
  identityAlways: boolean;
}

export interface CatalogSequence {
  table: string;
  column: string;
  sequence: string;
}

export interface Catalog {
  tables: CatalogTable[];
  foreignKeys: ForeignKey[];
  sequences: CatalogSequence[];
}

/** How far the drizzle migrations went: their number and the last one's timestamp (its journal `when`). */
export interface MigrationLevel {
  count: number;
  last: string | null;
}

/** Every table of the `public` schema: the whole instance (drizzle's own journal lives in schema `drizzle`). */
export async function readCatalog(db: Db): Promise<Catalog> {
  const columns = await queryRows<{
    table: string;
    column: string;
    type: string;
    generated: boolean;
    identity: string;
  }>(
    db,
    sql`select c.relname as "table", a.attname as "column", format_type(a.atttypid, a.atttypmod) as "type",
               a.attgenerated <> '' as "generated", a.attidentity::text as "identity"
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
         order by c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; columns: string }>(
    db,
    sql`select c.relname as "table",
               (select json_agg(a.attname order by k.ord) from unnest(i.indkey) with ordinality as k(attnum, ord)
                  join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum)::text as "columns"
          from pg_index i
          join pg_class c on c.oid = i.indrelid
          join pg_namespace n on n.oid = c.relnamespace
         where i.indisprimary and n.nspname = 'public'`,
  );
  const references = await queryRows<{ table: string; references: string; columns: string; refColumns: string }>(
    db,
    sql`select c.relname as "table", r.relname as "references",
               (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality as k(attnum, ord)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as "columns",
               (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality as k(attnum, ord)
                  join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum)::text as "refColumns"
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_class r on r.oid = con.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where con.contype = 'f' and n.nspname = 'public'
         order by c.relname, con.conname`,
  );
  const sequences = await queryRows<CatalogSequence>(
    db,
    sql`select c.relname as "table", a.attname as "column", s.relname as "sequence"
          from pg_depend d
          join pg_class s on s.oid = d.objid and s.relkind = 'S'
          join pg_class c on c.oid = d.refobjid
          join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
          join pg_namespace n on n.oid = c.relnamespace
         where d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i') and n.nspname = 'public'
         order by c.relname, a.attname`,
  );

  const primaryKeys = new Map(keys.map((k) => [k.table, JSON.parse(k.columns) as string[]]));
  const byTable = new Map<string, CatalogTable>();
  for (const column of columns) {
    let table = byTable.get(column.table);
    if (!table) {
      table = { name: column.table, columns: [], orderBy: primaryKeys.get(column.table) ?? [], identityAlways: false };
      byTable.set(column.table, table);
    }
    if (column.generated) continue;
    table.columns.push({ name: column.column, type: column.type });
    if (column.identity === "a") table.identityAlways = true;
  }
  for (const table of byTable.values())
    if (table.orderBy.length === 0) table.orderBy = table.columns.map((c) => c.name);

  return {
    tables: [...byTable.values()],
    foreignKeys: references.map((r) => ({
      table: r.table,
      references: r.references,
      columns: JSON.parse(r.columns) as string[],
      refColumns: JSON.parse(r.refColumns) as string[],
    })),
    sequences,
  };
}

export async function readMigrationLevel(db: Db): Promise<MigrationLevel> {
  const [journal] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "present"`,
  );
  if (!journal?.present) return { count: 0, last: null };
  const [level] = await queryRows<{ count: number; last: string | null }>(
    db,
    sql`select count(*)::int as "count", max(created_at)::text as "last" from drizzle.__drizzle_migrations`,
  );
  return { count: level?.count ?? 0, last: level?.last ?? null };
}
