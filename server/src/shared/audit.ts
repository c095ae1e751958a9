import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
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
  await trx
    .insertInto('audit_log')
    .values({
      id: newId('au'),
      actor_id: entry.actorId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      detail_json: JSON.stringify(entry.detail),
      created_at: entry.at,
    })
    .execute()
}
