import { sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import { batchesOf } from './batches.js'

type Cell = string | number | null

/**
 * Updates many rows by id in a few statements, the same SQL on SQLite and PostgreSQL:
 * `UPDATE t SET a = v.column2, … FROM (VALUES (id, a, …), …) AS v WHERE t.id = v.column1`, rows that set the same
 * columns together, 200 rows a statement. VALUES carries its cells untyped, so `numeric` columns are cast back.
 */
export async function updateRowsById(
  trx: Transaction<Database>,
  table: keyof Database,
  rows: { id: string; set: Record<string, Cell> }[],
  numeric: ReadonlySet<string> = new Set(),
): Promise<void> {
  const groups = new Map<string, typeof rows>()
  for (const row of rows) {
    const key = Object.keys(row.set).sort().join(',')
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  for (const [key, group] of groups) {
    if (key === '') continue
    const columns = key.split(',')
    const assignments = columns.map((column, index) => {
      const value = sql.ref(`v.column${index + 2}`)
      return numeric.has(column)
        ? sql`${sql.ref(column)} = cast(${value} as double precision)`
        : sql`${sql.ref(column)} = ${value}`
    })
    for (const batch of batchesOf(group, 200)) {
      const tuples = batch.map(
        (row) => sql`(${sql.join([row.id, ...columns.map((column) => row.set[column] ?? null)])})`,
      )
      const target = sql.ref(`${table}.id`)
      await sql`update ${sql.table(table)} set ${sql.join(assignments)} from (values ${sql.join(tuples)}) as v
        where ${target} = v.column1`.execute(trx)
    }
  }
}
