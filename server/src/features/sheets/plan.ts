import type { z } from 'zod'
import type { SheetRowError } from '../../shared/errors.js'
import type { SheetColumn } from './files.js'
import { rowError, sameFields, schemaErrors, textOfRow, type RowText } from './rows.js'
import type { Scope } from './scope.js'

/** How one kind's rows are read: by the single-item API's schema, from the documented text forms. */
export interface RowReading<Current extends { communityId: string | null }, Fields extends object> {
  columns: SheetColumn[]
  /** What a row whose id matches nothing is called, e.g. 站点 / station. */
  noSuchId: { zh: string; en: string }
  /** The single-item API's own schema. */
  schema: z.ZodType<Fields>
  /** The schema's input from a row's text (with what the sheet leaves out taken from the current record). */
  input(text: RowText, current: Current | undefined): unknown
  /** The column a refused field is shown under. */
  columnOf(path: PropertyKey[]): string
  /** A record as the export writes it. */
  exportRow(current: Current): (string | number)[]
  /** The community a row belongs to when the row has no communityId of its own (a session: its guesthouse's). */
  communityOf?(fields: Fields): string | null | undefined
  /** What the single-item route refuses beyond its schema (a session's times), asked only of rows that change. */
  refusals?(row: number, fields: Fields, current: Current | undefined): SheetRowError[]
}

export type RowChange<Fields> = { id: string | null; fields: Fields }

/**
 * What importing these rows would do: each row matched by id to `existing` (blank: new), judged by the schema and by
 * the importer's communities (the record's and the row's), and left out when it says what the record says already.
 */
export function planRows<Current extends { communityId: string | null }, Fields extends object>(
  reading: RowReading<Current, Fields>,
  existing: Map<string, Current>,
  scope: Scope,
  rows: { number: number; text: RowText }[],
) {
  const errors: SheetRowError[] = []
  const changes: RowChange<Fields>[] = []
  let unchanged = 0
  for (const { number, text } of rows) {
    const current = text.id ? existing.get(text.id) : undefined
    if (text.id && !current) {
      const { zh, en } = reading.noSuchId
      errors.push(rowError(number, 'id', 'NOT_FOUND', `没有这个编号的${zh}`, `No ${en} has this id`))
      continue
    }
    const parsed = reading.schema.safeParse(reading.input(text, current))
    if (!parsed.success) {
      errors.push(...schemaErrors(number, parsed.error, reading.columnOf))
      continue
    }
    const own = parsed.data as Fields & { communityId?: string }
    const fields = reading.communityOf ? own : { ...own, communityId: own.communityId ?? scope.soleCommunity() }
    // undefined: the row names no community one can know (an unknown guesthouse), refused by `refusals` instead.
    const community = reading.communityOf ? reading.communityOf(fields) : (fields.communityId ?? null)
    const refusal =
      (current && scope.refusal(number, current.communityId)) ||
      (community !== undefined && scope.refusal(number, community))
    if (refusal) {
      errors.push(refusal)
      continue
    }
    if (current) {
      const exported = textOfRow(reading.columns, reading.exportRow(current).map(String))
      if (sameFields(reading.schema.parse(reading.input(exported, current)), fields)) {
        unchanged += 1
        continue
      }
    }
    const refused = reading.refusals?.(number, fields, current) ?? []
    if (refused.length) {
      errors.push(...refused)
      continue
    }
    changes.push({ id: current ? text.id! : null, fields })
  }
  const created = changes.filter((change) => change.id === null).length
  return { errors, changes, created, updated: changes.length - created, unchanged }
}
