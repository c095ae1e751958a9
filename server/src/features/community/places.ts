import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordChanges } from '../../shared/audit.js'
import { newId } from '../../shared/ids.js'
import type { User } from '../auth/schemas.js'
import { setPlacePhotos } from '../uploads/photos.js'
import { communitiesForNewPlaces } from './scope.js'

/**
 * What stations and guesthouses (the town's places) share when a form or a sheet writes them, in the caller's
 * transaction: the community each goes to or is handed to (the actor must act for it), its photos checked and recorded
 * as the place's, and an audit entry per row. Each feature writes its own columns in between.
 */
export type PlaceKind = 'station' | 'guesthouse'

const ID_PREFIX: Record<PlaceKind, string> = { station: 'st', guesthouse: 'gh' }

export interface NewPlace<Fields> {
  id: string
  fields: Fields
  communityId: string
}

/** Adds places: ids, communities and photos decided here, the rows written by `insertRows`; audited as created. */
export async function addPlaces<Fields extends { communityId?: string; photos: string[] }>(
  trx: Transaction<Database>,
  actor: User,
  kind: PlaceKind,
  list: Fields[],
  at: string,
  insertRows: (added: NewPlace<Fields>[]) => Promise<void>,
): Promise<string[]> {
  const communities = await communitiesForNewPlaces(
    trx,
    actor,
    list.map((fields) => fields.communityId),
  )
  const added = list.map((fields, index) => ({ id: newId(ID_PREFIX[kind]), fields, communityId: communities[index]! }))
  // A new place has no photos recorded yet: only those it names need looking at.
  for (const { id, fields } of added) if (fields.photos.length) await setPlacePhotos(trx, kind, id, fields.photos)
  await insertRows(added)
  await recordChanges(
    trx,
    added.map(({ id, fields, communityId }) => ({
      actorId: actor.id,
      entity: kind,
      entityId: id,
      action: 'create',
      detail: { ...fields, communityId },
      at,
    })),
  )
  return added.map(({ id }) => id)
}

/** Changes places the actor acts for: handing one to another community takes acting for both; audited as updated. */
export async function changePlaces<Patch extends { communityId?: string; photos?: string[] }>(
  trx: Transaction<Database>,
  actor: User,
  kind: PlaceKind,
  changes: { id: string; patch: Patch }[],
  at: string,
  updateRows: () => Promise<void>,
): Promise<void> {
  const handedTo = changes.flatMap(({ patch }) => (patch.communityId === undefined ? [] : [patch.communityId]))
  await communitiesForNewPlaces(trx, actor, handedTo)
  for (const { id, patch } of changes) await setPlacePhotos(trx, kind, id, patch.photos)
  await updateRows()
  await recordChanges(
    trx,
    changes.map(({ id, patch }) => ({
      actorId: actor.id,
      entity: kind,
      entityId: id,
      action: 'update',
      detail: patch,
      at,
    })),
  )
}
