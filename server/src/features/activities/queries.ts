import type { Db } from '../../db/index.js'
import { distanceMetres } from '../../shared/geo.js'
import { pageOf } from '../../shared/offset-cursor.js'
import type { Origin } from '../../shared/params.js'
import { checkinWindow } from '../../shared/checkin-code.js'
import type { Activity, ActivityAttendance } from './schemas.js'

export interface ActivityFilter {
  id?: string
  kind?: Activity['kind']
  communityId?: string
  /** Only those the caller holds a sign-up for (confirmed or waiting). */
  mine?: boolean
  /** Only activities not over by then, and not cancelled. */
  notOverAt?: string
}

/** A list of upcoming activities holds at most this many before paging; more is not a town's month. */
const MAX_UPCOMING = 1000

/**
 * Activities with their community's name, the length of their waitlist and the caller's sign-up with its place on
 * the waitlist (tickets only grow, so a place is the count of tickets still waiting up to one's own), in one query.
 */
function selectActivities(db: Db, userId: string | null) {
  return db
    .selectFrom('activities as a')
    .innerJoin('communities as c', 'c.id', 'a.community_id')
    .leftJoin('activity_signups as mine', (join) =>
      join
        .onRef('mine.activity_id', '=', 'a.id')
        .on('mine.user_id', '=', userId ?? '')
        .on('mine.status', '!=', 'cancelled'),
    )
    .select((eb) => [
      'a.id',
      'a.title',
      'a.kind',
      'a.description',
      'a.community_id',
      'c.name as community_name',
      'a.address',
      'a.lat',
      'a.lng',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'a.volunteers_needed',
      'a.confirmed_count',
      'mine.id as mine_id',
      'mine.status as mine_status',
      'mine.checked_in_at as mine_checked_in_at',
      'mine.checked_out_at as mine_checked_out_at',
      'mine.hours as mine_hours',
      eb
        .selectFrom('activity_signups as w')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('w.activity_id', '=', 'a.id')
        .where('w.status', '=', 'waitlisted')
        .as('waitlist_count'),
      eb
        .selectFrom('activity_signups as ahead')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('ahead.activity_id', '=', 'a.id')
        .where('ahead.status', '=', 'waitlisted')
        .whereRef('ahead.waitlist_ticket', '<=', 'mine.waitlist_ticket')
        .as('mine_position'),
    ])
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>

function toActivity(r: ActivityRow, origin: Origin | undefined): Activity {
  const lat = Number(r.lat)
  const lng = Number(r.lng)
  const needed = Number(r.volunteers_needed)
  const confirmed = Number(r.confirmed_count)
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    description: r.description,
    communityId: r.community_id,
    communityName: r.community_name,
    address: r.address,
    lat,
    lng,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    volunteersNeeded: needed,
    confirmedCount: confirmed,
    waitlistCount: Number(r.waitlist_count),
    placesLeft: Math.max(0, needed - confirmed),
    distanceM: origin ? Math.round(distanceMetres(origin, { lat, lng })) : null,
    ...checkinWindow(r.starts_at, r.ends_at),
    mySignup:
      r.mine_id === null || r.mine_status === null || r.mine_status === 'cancelled'
        ? null
        : {
            id: r.mine_id,
            status: r.mine_status,
            position: r.mine_status === 'waitlisted' ? Number(r.mine_position) : null,
            checkedInAt: r.mine_checked_in_at,
            checkedOutAt: r.mine_checked_out_at,
            hours: r.mine_hours === null ? null : Number(r.mine_hours),
          },
  }
}

export async function findActivities(
  db: Db,
  filter: ActivityFilter,
  userId: string | null,
  origin?: Origin,
): Promise<Activity[]> {
  let query = selectActivities(db, userId).orderBy('a.starts_at').orderBy('a.id').limit(MAX_UPCOMING)
  if (filter.id) query = query.where('a.id', '=', filter.id)
  if (filter.kind) query = query.where('a.kind', '=', filter.kind)
  if (filter.communityId) query = query.where('a.community_id', '=', filter.communityId)
  if (filter.mine) query = query.where('mine.id', 'is not', null)
  if (filter.notOverAt) query = query.where('a.status', '=', 'scheduled').where('a.ends_at', '>', filter.notOverAt)
  const items = (await query.execute()).map((r) => toActivity(r, origin))
  return origin ? items.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0)) : items
}

export async function findActivity(db: Db, id: string, userId: string | null, origin?: Origin) {
  const [activity] = await findActivities(db, { id }, userId, origin)
  return activity ?? null
}

/** The upcoming list, one page: nearest first when the caller's position is known, else soonest first. */
export async function findActivityPage(
  db: Db,
  filter: ActivityFilter,
  page: { limit: number; cursor?: string },
  userId: string | null,
  origin: Origin | undefined,
) {
  return pageOf(await findActivities(db, filter, userId, origin), page.limit, page.cursor)
}

/** Everyone who signed up, confirmed first, then the waitlist in order, then those who withdrew; staff only. */
export async function findAttendance(db: Db, activityId: string): Promise<ActivityAttendance['items']> {
  const rows = await db
    .selectFrom('activity_signups as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('members as m', 'm.user_id', 's.user_id')
    .select([
      'm.id as member_id',
      'm.real_name',
      'u.nickname',
      's.status',
      's.waitlist_ticket',
      's.checked_in_at',
      's.checked_out_at',
      's.checkin_verified',
      's.hours',
      's.hours_reason',
      's.created_at',
    ])
    .where('s.activity_id', '=', activityId)
    // The id decides between equal sign-up times, so PostgreSQL and SQLite list them in one order.
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute()
  const rank = { confirmed: 0, waitlisted: 1, cancelled: 2 }
  const waiting = rows
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => Number(a.waitlist_ticket) - Number(b.waitlist_ticket))
  return rows
    .sort((a, b) => rank[a.status] - rank[b.status] || Number(a.waitlist_ticket) - Number(b.waitlist_ticket))
    .map((r) => ({
      memberId: r.member_id,
      realName: r.real_name,
      nickname: r.nickname,
      status: r.status,
      position: r.status === 'waitlisted' ? waiting.indexOf(r) + 1 : null,
      checkedInAt: r.checked_in_at,
      checkedOutAt: r.checked_out_at,
      locationVerified: r.checked_in_at !== null && Number(r.checkin_verified) === 1,
      hours: r.hours === null ? null : Number(r.hours),
      hoursReason: r.hours_reason,
    }))
}
