import type { Selectable } from 'kysely'
import type { Db } from '../../db/index.js'
import type { MembersTable } from '../../db/schema.js'
import { pageOf } from '../../shared/offset-cursor.js'
import { shanghaiDays } from '../../shared/values/shanghai-clock.js'
import { activityHours, wishHours } from './hours.js'
import type { Member, MemberRecord } from './schemas.js'

const toMember = (r: Selectable<MembersTable>): Member => ({
  id: r.id,
  userId: r.user_id,
  realName: r.real_name,
  phone: r.phone,
  workUnit: r.work_unit,
  branch: r.branch,
  communityId: r.community_id,
  status: r.status,
  reason: r.reason,
  rankingOptOut: Number(r.ranking_opt_out) === 1,
  createdAt: r.created_at,
})

/** A person's own 双报到 registration, or null before they file one. */
export async function findMemberOf(db: Db, userId: string): Promise<Member | null> {
  const row = await db.selectFrom('members').selectAll().where('user_id', '=', userId).executeTakeFirst()
  return row ? toMember(row) : null
}

export async function findMember(db: Db, id: string): Promise<Member | null> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toMember(row) : null
}

/** Registrations in one state, oldest first, within the communities staff act for (`'all'` for every one). */
export async function findMemberQueue(
  db: Db,
  status: Member['status'],
  scope: string[] | 'all' | null,
): Promise<Member[]> {
  let query = db.selectFrom('members').selectAll().where('status', '=', status).orderBy('created_at').limit(200)
  if (Array.isArray(scope)) query = query.where('community_id', 'in', scope)
  return (await query.execute()).map(toMember)
}

/** A stretch of Shanghai calendar dates, `YYYY-MM-DD`, both days included. */
export interface Period {
  from: string
  to: string
}

/**
 * What a person served that counts (the rule of members/hours.ts), newest first: volunteer activities with confirmed
 * hours (checked in and out, or set by staff) and wishes confirmed fulfilled (by the resident, or settled by staff; a
 * disputed one is not confirmed). Within `period` when given, by when each happened (the activity's start, the wish's
 * confirmation). The member record and every certificate count from here: a certificate's figures are the record's.
 */
export async function findService(db: Db, userId: string, period?: Period) {
  const [wishes, activities] = await Promise.all([
    wishHours(db)
      .select(['id', 'title', 'confirmed_at', 'updated_at', 'hours_served'])
      .where('claimed_by', '=', userId)
      .execute(),
    activityHours(db).select(['a.id', 'a.title', 'a.starts_at', 's.hours']).where('s.user_id', '=', userId).execute(),
  ])
  const within = period ? shanghaiDays(period.from, period.to) : null
  const items: MemberRecord['items'] = [
    ...wishes.map((w) => ({
      kind: 'wish' as const,
      id: w.id,
      title: w.title,
      at: w.confirmed_at ?? w.updated_at,
      hours: Number(w.hours_served ?? 0),
    })),
    ...activities.map((a) => ({
      kind: 'activity' as const,
      id: a.id,
      title: a.title,
      at: a.starts_at,
      hours: Number(a.hours),
    })),
  ]
    .filter((item) => !within || (Date.parse(item.at) >= within.start && Date.parse(item.at) < within.end))
    .sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))
  const hours = items.reduce((sum, item) => sum + item.hours, 0)
  return {
    items,
    wishes: items.filter((item) => item.kind === 'wish').length,
    activities: items.filter((item) => item.kind === 'activity').length,
    hours: Math.round(hours * 100) / 100,
  }
}

/** What a member has done (confirmed hours only, see findService), lectures given under their real name, one page. */
export async function findMemberRecord(db: Db, userId: string, now: Date, page: { limit: number; cursor?: string }) {
  const [service, member] = await Promise.all([findService(db, userId), findMemberOf(db, userId)])
  const lectures = member
    ? await db
        .selectFrom('lecture_sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('speaker', '=', member.realName)
        .where('status', '=', 'scheduled')
        .where('ends_at', '<', now.toISOString())
        .executeTakeFirstOrThrow()
    : { n: 0 }
  return {
    wishesFulfilled: service.wishes,
    hoursServed: service.hours,
    lecturesGiven: Number(lectures.n),
    activities: service.activities,
    ...pageOf(service.items, page.limit, page.cursor),
  }
}

/** A community's verified members by wishes fulfilled, then hours; those who opted out are left off. Top 50. */
export async function findRanking(db: Db, communityId: string) {
  const rows = await db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('wishes as w', (join) => join.onRef('w.claimed_by', '=', 'm.user_id').on('w.status', '=', 'confirmed'))
    .select((eb) => ['u.nickname', eb.fn.count('w.id').as('done'), eb.fn.sum<number>('w.hours_served').as('hours')])
    .where('m.community_id', '=', communityId)
    .where('m.status', '=', 'verified')
    .where('m.ranking_opt_out', '=', 0)
    .groupBy(['m.user_id', 'u.nickname'])
    .execute()
  const sorted = rows
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- MAX/SUM over no rows is NULL; Kysely's type omits it
    .map((r) => ({ nickname: r.nickname, wishesFulfilled: Number(r.done), hoursServed: Number(r.hours ?? 0) }))
    .sort((a, b) => b.wishesFulfilled - a.wishesFulfilled || b.hoursServed - a.hoursServed)
  return sorted.slice(0, 50).map((r, i) => ({ rank: i + 1, ...r }))
}
