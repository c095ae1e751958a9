import type { Db } from '../../db/index.js'
import { ApiError, errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { lockPerson } from '../../shared/quota.js'
import type { MemberRegister } from './schemas.js'

/**
 * Files a person's 双报到 registration, once: under the person's row lock, so of ten taps at once the first stores
 * the one row and the others see it (409 ALREADY_PENDING) instead of colliding on the unique user_id.
 * A rejected registration may be filed again, replacing the old one.
 */
export async function registerMember(db: Db, userId: string, input: MemberRegister, at: string): Promise<void> {
  if (!(await db.selectFrom('communities').select('id').where('id', '=', input.communityId).executeTakeFirst())) {
    throw errors.badRequest('请选择报到的社区', 'Choose the community you register with')
  }
  await db.transaction().execute(async (trx) => {
    await lockPerson(trx, userId)
    const existing = await trx.selectFrom('members').select(['id', 'status']).where('user_id', '=', userId).executeTakeFirst()
    if (existing?.status === 'verified') throw new ApiError(409, 'ALREADY_VERIFIED', '您已是认证党员', 'You are already a verified member')
    if (existing?.status === 'pending') throw new ApiError(409, 'ALREADY_PENDING', '您的报到正在审核中', 'Your registration is waiting for review')
    const values = {
      real_name: input.realName,
      phone: input.phone,
      work_unit: input.workUnit,
      branch: input.branch,
      community_id: input.communityId,
      status: 'pending' as const,
      reason: null,
      created_at: at,
    }
    if (existing) await trx.updateTable('members').set(values).where('id', '=', existing.id).execute()
    else await trx.insertInto('members').values({ id: newId('mb'), user_id: userId, ranking_opt_out: 0, decided_at: null, decided_by: null, ...values }).execute()
  })
}
