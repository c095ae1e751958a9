import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { newId } from '../../shared/ids.js'
import type { User } from '../auth/schemas.js'
import { communityForNewPlace } from '../community/scope.js'
import { setPlacePhotos } from '../uploads/photos.js'
import type { guesthouseFieldsSchema, guesthousePatchSchema } from './schemas.js'
import { assertGuesthouseInScope } from './scope.js'

export function createGuesthouseCommands(db: Db, clock: () => Date) {
  /** Staff add a guesthouse that hosts lectures; recorded with who did it. */
  async function createGuesthouse(actor: User, input: z.output<typeof guesthouseFieldsSchema>): Promise<string> {
    const id = newId('gh')
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      const communityId = await communityForNewPlace(trx, actor, input.communityId)
      await setPlacePhotos(trx, 'guesthouse', id, input.photos)
      await trx
        .insertInto('guesthouses')
        .values({
          id,
          community_id: communityId,
          name: input.name,
          address: input.address,
          lat: input.lat,
          lng: input.lng,
          rooms_note: input.roomsNote ?? null,
          photos_json: JSON.stringify(input.photos),
          is_demo: 0,
          created_at: at,
        })
        .execute()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'guesthouse',
        entityId: id,
        action: 'create',
        detail: { ...input, communityId },
        at,
      })
    })
    return id
  }

  async function updateGuesthouse(
    actor: User,
    id: string,
    patch: z.output<typeof guesthousePatchSchema>,
  ): Promise<void> {
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      await assertGuesthouseInScope(trx, actor, id)
      // Handing a guesthouse (and its sessions) to another community takes acting for both.
      if (patch.communityId !== undefined) await communityForNewPlace(trx, actor, patch.communityId)
      await setPlacePhotos(trx, 'guesthouse', id, patch.photos)
      await trx
        .updateTable('guesthouses')
        .set({
          ...(patch.communityId !== undefined && { community_id: patch.communityId }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.lat !== undefined && { lat: patch.lat }),
          ...(patch.lng !== undefined && { lng: patch.lng }),
          ...(patch.roomsNote !== undefined && { rooms_note: patch.roomsNote }),
          ...(patch.photos !== undefined && { photos_json: JSON.stringify(patch.photos) }),
        })
        .where('id', '=', id)
        .execute()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'guesthouse',
        entityId: id,
        action: 'update',
        detail: patch,
        at,
      })
    })
  }

  return { createGuesthouse, updateGuesthouse }
}
