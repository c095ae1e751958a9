import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordChanges } from '../../shared/audit.js'
import { batchesOf } from '../../shared/batches.js'
import { newId } from '../../shared/ids.js'
import type { Role, User } from '../auth/schemas.js'
import { enqueueNotices } from '../notices/notices.js'
import type { MemberRegister } from './schemas.js'

type Trx = Transaction<Database>

/** A roster row is matched to registrations (and to itself on a later load) by community and phone. */
export const rosterKey = (communityId: string, phone: string) => `${communityId}\u0000${phone}`

/**
 * Takes the communities' row locks for the rest of the transaction, in one order so two loads never wait on each other.
 * A roster load and a registration of the same community take it, so one of them always sees the other's rows: a
 * registration filed while the roster is being loaded is verified by one or the other, never left pending.
 */
export async function lockCommunities(trx: Trx, communityIds: string[]): Promise<void> {
  for (const id of [...new Set(communityIds)].sort())
    await trx
      .updateTable('communities')
      .set((eb) => ({ sort_order: eb.ref('sort_order') }))
      .where('id', '=', id)
      .execute()
}

/** The roster row with this phone in this community, if the roster has one. */
export const rosterEntryFor = (trx: Trx, communityId: string, phone: string) =>
  trx
    .selectFrom('roster_entries')
    .select(['id', 'created_by'])
    .where('community_id', '=', communityId)
    .where('phone', '=', phone)
    .executeTakeFirst()

/**
 * The roles a verified registration raises to member. Staff keep theirs: a staff user may register with a community
 * too (as a party member working there), and verifying that must not take their staff pages away.
 */
const RAISED_TO_MEMBER: Role[] = ['tourist', 'resident']

/**
 * The people whose registration was verified (by hand or by the roster) become members, unless they rank higher. One
 * statement: the caller hands at most a batch's worth of people.
 */
export async function raiseToMember(trx: Trx, userIds: string[], at: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ role: 'member', updated_at: at })
    .where('id', 'in', userIds)
    .where('role', 'in', RAISED_TO_MEMBER)
    .execute()
}

/**
 * Verifies pending registrations inside the caller's transaction: the registration, the person made a member (staff
 * stay staff), told through the notices, audited as decided by `deciderId`.
 */
export async function verifyRegistrations(
  trx: Trx,
  registrations: { id: string; userId: string }[],
  deciderId: string,
  at: string,
): Promise<void> {
  for (const batch of batchesOf(registrations, 500)) {
    await trx
      .updateTable('members')
      .set({ status: 'verified', reason: null, decided_at: at, decided_by: deciderId })
      .where(
        'id',
        'in',
        batch.map((r) => r.id),
      )
      .execute()
    await raiseToMember(
      trx,
      batch.map((r) => r.userId),
      at,
    )
  }
  await tellVerified(trx, registrations, at)
  await recordChanges(
    trx,
    registrations.map((r) => ({
      actorId: deciderId,
      entity: 'member',
      entityId: r.id,
      action: 'verify',
      detail: { byRoster: true },
      at,
    })),
  )
}

/** Tells each person, in the transaction that verified them, that they are verified (inbox and WeChat alike). */
export async function tellVerified(trx: Trx, registrations: { id: string; userId: string }[], at: string) {
  await enqueueNotices(
    trx,
    registrations.map((r) => ({
      userId: r.userId,
      kind: 'member_verified' as const,
      dedupeKey: `member_verified:${r.id}:${at}`,
      payload: {},
    })),
    at,
  )
}

/**
 * Loads roster rows (new ones added, known ones updated, one statement per 500 rows on both databases) and verifies
 * every pending registration with the same phone and community; returns how many. The caller's transaction holds the
 * rows' communities (`lockCommunities`), so registrations filed meanwhile are seen here or see these rows.
 */
export async function loadRoster(trx: Trx, actor: User, rows: MemberRegister[], at: string): Promise<number> {
  if (rows.length === 0) return 0
  const communities = [...new Set(rows.map((r) => r.communityId))]
  await lockCommunities(trx, communities)
  const values = rows.map((r) => ({
    id: newId('rs'),
    community_id: r.communityId,
    phone: r.phone,
    real_name: r.realName,
    work_unit: r.workUnit,
    branch: r.branch,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  }))
  for (const batch of batchesOf(values, 500))
    await trx
      .insertInto('roster_entries')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['community_id', 'phone']).doUpdateSet((eb) => ({
          real_name: eb.ref('excluded.real_name'),
          work_unit: eb.ref('excluded.work_unit'),
          branch: eb.ref('excluded.branch'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
  const stored = await trx
    .selectFrom('roster_entries')
    .select(['id', 'community_id', 'phone'])
    .where('community_id', 'in', communities)
    .execute()
  const loaded = new Set(rows.map((r) => rosterKey(r.communityId, r.phone)))
  await recordChanges(
    trx,
    stored
      .filter((e) => loaded.has(rosterKey(e.community_id, e.phone)))
      .map((e) => ({ actorId: actor.id, entity: 'roster_entry', entityId: e.id, action: 'load', detail: {}, at })),
  )
  const pending = (
    await trx
      .selectFrom('members')
      .select(['id', 'user_id', 'community_id', 'phone'])
      .where('status', '=', 'pending')
      .where('community_id', 'in', communities)
      .execute()
  ).filter((m) => loaded.has(rosterKey(m.community_id, m.phone)))
  await verifyRegistrations(
    trx,
    pending.map((m) => ({ id: m.id, userId: m.user_id })),
    actor.id,
    at,
  )
  return pending.length
}
