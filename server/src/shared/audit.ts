import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import { batchesOf } from './batches.js'
import { newId } from './ids.js'

export interface AuditEntry {
  actorId: string
  entity: string
  entityId: string
  action: string
  detail: unknown
  at: string
}

/** Written inside the same transaction as the change it describes, so neither exists without the other. */
export async function recordChange(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await recordChanges(trx, [entry])
}

/** Many changes of one transaction (a sheet's rows), in a few multi-row statements. */
export async function recordChanges(trx: Transaction<Database>, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    id: newId('au'),
    actor_id: entry.actorId,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    detail_json: JSON.stringify(entry.detail),
    created_at: entry.at,
  }))
  for (const batch of batchesOf(rows, 1000)) await trx.insertInto('audit_log').values(batch).execute()
}
