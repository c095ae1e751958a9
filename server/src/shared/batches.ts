/**
 * Rows for multi-row statements: at most `size` a statement (both databases bound the parameters of one statement),
 * and rows that leave different columns out go in different statements, since SQLite takes no DEFAULT in VALUES.
 */
export function batchesOf<Row extends object>(rows: Row[], size: number): Row[][] {
  const byColumns = new Map<string, Row[]>()
  for (const row of rows) {
    const columns = Object.entries(row)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key)
      .sort()
      .join()
    const group = byColumns.get(columns)
    if (group) group.push(row)
    else byColumns.set(columns, [row])
  }
  const batches: Row[][] = []
  for (const group of byColumns.values())
    for (let start = 0; start < group.length; start += size) batches.push(group.slice(start, start + size))
  return batches
}
