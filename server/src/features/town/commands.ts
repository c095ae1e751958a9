import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { ApiError } from '../../shared/errors.js'
import type { User } from '../auth/schemas.js'
import { staffCommunities } from '../community/scope.js'
import type { townPatchSchema } from './schemas.js'

const districtOnly = () =>
  new ApiError(
    403,
    'FORBIDDEN',
    '只有区级账号（不绑定社区）可以修改古城信息',
    'Only a district account (bound to no community) may change the town',
  )

/** The town changes for everyone, so only a district account may change it; audited with what was asked for. */
export async function changeTown(db: Db, actor: User, patch: z.output<typeof townPatchSchema>, at: string) {
  if ((await staffCommunities(db, actor)) !== 'all') throw districtOnly()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('town')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
        ...(patch.intro !== undefined && { intro: patch.intro }),
        ...(patch.introEn !== undefined && { intro_en: patch.introEn }),
        ...(patch.center !== undefined && { lat: patch.center.lat, lng: patch.center.lng }),
        ...(patch.zoom !== undefined && { zoom: patch.zoom }),
        updated_at: at,
      })
      .where('id', '=', 'town')
      .execute()
    await recordChange(trx, {
      actorId: actor.id,
      entity: 'town',
      entityId: 'town',
      action: 'update',
      detail: patch,
      at,
    })
  })
}
