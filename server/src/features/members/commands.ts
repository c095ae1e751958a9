import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { ApiError, errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { createKeyedQueue } from '../../shared/keyed-queue.js'
import { notFound } from '../../shared/not-found.js'
import { lockPerson } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'
import { lockCommunities, raiseToMember, rosterEntryFor, tellVerified, verifyRegistrations } from './roster.js'
import type { MemberRegister, MemberSettings, Verify } from './schemas.js'

const registrationsInTurn = createKeyedQueue()

/**
 * Files a person's 双报到 registration, once: under the person's row lock, so of ten taps at once the first stores
 * the one row and the others get it back ('existing') instead of colliding on the unique user_id.
 * A rejected registration may be filed again, replacing the old one. A phone the community's roster lists is verified
 * at once.
 */
export async function registerMember(
  db: Db,
  userId: string,
  input: MemberRegister,
  at: string,
): Promise<'stored' | 'existing'> {
  if (!(await db.selectFrom('communities').select('id').where('id', '=', input.communityId).executeTakeFirst())) {
    throw errors.badRequest('请选择报到的社区', 'Choose the community you register with')
  }
  // Registrations of one community wait for the community's lock in turn here, not each holding a pooled connection.
  return registrationsInTurn(input.communityId, () => storeRegistration(db, userId, input, at))
}

async function storeRegistration(db: Db, userId: string, input: MemberRegister, at: string) {
  return db.transaction().execute(async (trx) => {
    // The community first, as a roster load takes it before any person: so neither waits on the other in a circle.
    await lockCommunities(trx, [input.communityId])
    await lockPerson(trx, userId)
    const existing = await trx
      .selectFrom('members')
      .select(['id', 'status'])
      .where('user_id', '=', userId)
      .executeTakeFirst()
    // Once: a second tap, or another device, gets the registration already on file (pending or verified) unchanged.
    if (existing && existing.status !== 'rejected') return 'existing'
    const values = {
      real_name: input.realName,
      phone: input.phone,
      work_unit: input.workUnit,
      branch: input.branch,
      community_id: input.communityId,
      status: 'pending' as const,
      reason: null,
      created_at: at,
      decided_at: null,
      decided_by: null,
    }
    const id = existing?.id ?? newId('mb')
    if (existing) await trx.updateTable('members').set(values).where('id', '=', id).execute()
    else
      await trx
        .insertInto('members')
        .values({ id, user_id: userId, ranking_opt_out: 0, ...values })
        .execute()
    // On the roster already: verified at once, as decided by whoever loaded the roster.
    const listed = await rosterEntryFor(trx, input.communityId, input.phone)
    if (listed) await verifyRegistrations(trx, [{ id, userId }], listed.created_by, at)
    return 'stored' as const
  })
}

/** Changes the settings the body names (at least one: the schema refuses an empty change). */
export async function changeMemberSettings(db: Db, userId: string, settings: MemberSettings): Promise<void> {
  await db
    .updateTable('members')
    .set({ ...(settings.rankingOptOut !== undefined && { ranking_opt_out: settings.rankingOptOut ? 1 : 0 }) })
    .where('user_id', '=', userId)
    .execute()
}

/**
 * Staff verify or reject a pending registration in a community they act for; verifying makes the person a member and
 * tells them so.
 * Decided once: a second decision (another staff member a moment later) gets 409 ALREADY_DECIDED.
 */
export async function decideRegistration(
  db: Db,
  staff: User,
  memberId: string,
  { decision, reason }: Verify,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirst()
    if (!member) throw notFound.registration()
    await assertActsFor(trx, staff, member.community_id)
    // Deciding one's own registration would let staff vouch for themselves.
    if (member.user_id === staff.id)
      throw new ApiError(403, 'FORBIDDEN', '不能审核自己的报到', 'You cannot decide your own registration')
    const updated = await trx
      .updateTable('members')
      .set({
        status: decision === 'verify' ? 'verified' : 'rejected',
        reason: reason ?? null,
        decided_at: at,
        decided_by: staff.id,
      })
      .where('id', '=', member.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0)
      throw new ApiError(409, 'ALREADY_DECIDED', '该报到已审核', 'This registration has already been decided')
    if (decision === 'verify') {
      await raiseToMember(trx, [member.user_id], at)
      await tellVerified(trx, [{ id: member.id, userId: member.user_id }], at)
    }
    await recordChange(trx, {
      actorId: staff.id,
      entity: 'member',
      entityId: member.id,
      action: decision,
      detail: { reason },
      at,
    })
  })
}
