import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import { batchesOf } from '../../shared/batches.js'
import { updateRowsById } from '../../shared/batch-update.js'
import type { User } from '../auth/schemas.js'
import { addPlaces, changePlaces } from '../community/places.js'
import type { guesthouseFieldsSchema, guesthousePatchSchema } from './schemas.js'
import { assertGuesthouseInScope } from './scope.js'

type GuesthouseFields = z.output<typeof guesthouseFieldsSchema>
type GuesthousePatchFields = z.output<typeof guesthousePatchSchema>

/** Adds guesthouses inside the caller's transaction (a form's one, or a sheet's rows in a few statements), audited. */
export async function insertGuesthouses(
  trx: Transaction<Database>,
  actor: User,
  list: GuesthouseFields[],
  at: string,
): Promise<string[]> {
  return addPlaces(trx, actor, 'guesthouse', list, at, async (added) => {
    const rows = added.map(({ id, fields, communityId }) => ({
      id,
      community_id: communityId,
      name: fields.name,
      address: fields.address,
      lat: fields.lat,
      lng: fields.lng,
      rooms_note: fields.roomsNote ?? null,
      photos_json: JSON.stringify(fields.photos),
      is_demo: 0 as const,
      created_at: at,
    }))
    for (const batch of batchesOf(rows, 500)) await trx.insertInto('guesthouses').values(batch).execute()
  })
}

/** Changes guesthouses the actor acts for (a form's one, or a sheet's rows), inside the caller's transaction, audited. */
export async function changeGuesthouses(
  trx: Transaction<Database>,
  actor: User,
  changes: { id: string; patch: GuesthousePatchFields }[],
  at: string,
): Promise<void> {
  // A guesthouse's sessions are its community's: handing it to another community hands them over too.
  await changePlaces(trx, actor, 'guesthouse', changes, at, () =>
    updateRowsById(
      trx,
      'guesthouses',
      changes.map(({ id, patch }) => ({
        id,
        set: {
          ...(patch.communityId !== undefined && { community_id: patch.communityId }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.lat !== undefined && { lat: patch.lat }),
          ...(patch.lng !== undefined && { lng: patch.lng }),
          ...(patch.roomsNote !== undefined && { rooms_note: patch.roomsNote }),
          ...(patch.photos !== undefined && { photos_json: JSON.stringify(patch.photos) }),
        },
      })),
      new Set(['lat', 'lng']),
    ),
  )
}

export function createGuesthouseCommands(db: Db, clock: () => Date) {
  /** Staff add a guesthouse that hosts lectures; recorded with who did it. */
  async function createGuesthouse(actor: User, input: GuesthouseFields): Promise<string> {
    const at = clock().toISOString()
    const [id] = await db.transaction().execute((trx) => insertGuesthouses(trx, actor, [input], at))
    return id!
  }

  async function updateGuesthouse(actor: User, id: string, patch: GuesthousePatchFields): Promise<void> {
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      await assertGuesthouseInScope(trx, actor, id)
      await changeGuesthouses(trx, actor, [{ id, patch }], at)
    })
  }

  return { createGuesthouse, updateGuesthouse }
}
