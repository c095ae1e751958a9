import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type { devLoginBodySchema, User } from './schemas.js'
import type { AuthSessions } from './auth-sessions.js'

/** Refuses a dev login naming a community that does not exist, before anything is stored. */
async function assertCommunityExists(db: Db, communityId: string | undefined) {
  if (
    communityId &&
    !(await db.selectFrom('communities').select('id').where('id', '=', communityId).executeTakeFirst())
  ) {
    throw errors.badRequest('没有这个社区', `No community ${communityId}`)
  }
}

/**
 * Makes a demo identity whole: a dev `member` is a verified party member with a registration on file, and a
 * dev `staff` user acts for the given community (or for all of them).
 */
async function bindDemoIdentity(db: Db, user: User, communityId: string | undefined) {
  if (user.role === 'staff') {
    await db.deleteFrom('staff_communities').where('user_id', '=', user.id).execute()
    if (communityId)
      await db.insertInto('staff_communities').values({ user_id: user.id, community_id: communityId }).execute()
  }
  if (user.role === 'member') {
    const community =
      communityId ?? (await db.selectFrom('communities').select('id').orderBy('sort_order').executeTakeFirst())?.id
    if (!community) return
    const at = new Date().toISOString()
    await db
      .insertInto('members')
      .values({
        id: newId('mb'),
        user_id: user.id,
        real_name: user.nickname,
        phone: '13800000000',
        work_unit: '演示单位',
        branch: '演示支部',
        community_id: community,
        status: 'verified',
        reason: null,
        ranking_opt_out: 0,
        created_at: at,
        decided_at: at,
        decided_by: null,
      })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ status: 'verified', community_id: community }))
      .execute()
  }
}

/** A dev login: the demo identity stored whole in one transaction, or nothing when its community does not exist. */
export async function logInAsDemo(
  db: Db,
  authSessions: AuthSessions,
  input: z.output<typeof devLoginBodySchema>,
): Promise<User> {
  const { openid, role, nickname, communityId } = input
  await assertCommunityExists(db, communityId)
  return db.transaction().execute(async (trx) => {
    const user = await authSessions.upsertUser(`dev:${openid}`, { role, nickname }, trx)
    await bindDemoIdentity(trx, user, communityId)
    return user
  })
}
