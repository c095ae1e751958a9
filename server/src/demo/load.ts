import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Db } from '../db/index.js'
import type { Database } from '../db/schema.js'
import {
  DEMO_DONE_WISHES,
  DEMO_DONE_WISH_TIMES,
  DEMO_MEMBERS,
  DEMO_PAST_SESSIONS,
  DEMO_SESSIONS,
  DEMO_TOPICS,
  DEMO_WISHES,
} from './activity.js'
import { seedDemoActivities } from './activities.js'
import { SHANGHAI_OFFSET_MS } from '../shared/values/shanghai-clock.js'
import { DEMO_COMMUNITIES, DEMO_GUESTHOUSES, DEMO_STATIONS } from './places.js'

/** 19:30 Shanghai time, `days` after `from`. */
function eveningAfter(from: Date, days: number): Date {
  const shanghaiMidnight =
    Math.floor((from.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS
  return new Date(shanghaiMidnight + days * 86_400_000 + (19 * 60 + 30) * 60_000)
}

/** The demo history rows, loaded once like the rest. */
async function seedDemoHistory(trx: Transaction<Database>, now: Date): Promise<void> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
  await trx
    .insertInto('users')
    .values(
      DEMO_MEMBERS.map(([id, nickname, , days]) => ({
        id,
        openid: `demo:${id}`,
        nickname,
        role: 'member' as const,
        created_at: daysAgo(days + 2),
        updated_at: daysAgo(days),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await trx
    .insertInto('members')
    .values(
      DEMO_MEMBERS.map(([userId, realName, communityId, days], index) => ({
        id: `mb_demo_${index + 1}`,
        user_id: userId,
        real_name: realName,
        phone: `1380000${String(index + 1).padStart(4, '0')}`,
        work_unit: '演示单位',
        branch: '演示支部',
        community_id: communityId,
        status: 'verified' as const,
        reason: null,
        ranking_opt_out: 0 as const,
        created_at: daysAgo(days + 2),
        decided_at: daysAgo(days),
        decided_by: null,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await trx
    .insertInto('wishes')
    .values(
      DEMO_DONE_WISHES.map(([id, title, category, communityId, residentId, claimant, days, hours, urgent]) => {
        const [reviewed, claimed, fulfilled, confirmed] = DEMO_DONE_WISH_TIMES[id]
        const postedAt = now.getTime() - days * 86_400_000 - confirmed * 3600_000
        const after = (hours: number) => new Date(postedAt + hours * 3600_000).toISOString()
        return {
          id,
          resident_id: residentId,
          category,
          title,
          description: `${title}。（演示数据）`,
          community_id: communityId,
          contact_phone: null,
          urgent: urgent ? (1 as const) : (0 as const),
          preferred_time: null,
          photos_json: '[]',
          status: 'confirmed' as const,
          claimed_by: DEMO_MEMBERS[claimant][0],
          claimed_at: after(claimed),
          fulfil_note: '已完成',
          fulfilled_at: after(fulfilled),
          confirmed_at: daysAgo(days),
          thanks: '谢谢！',
          hours_served: hours,
          created_at: after(0),
          updated_at: daysAgo(days),
          reviewed_at: after(reviewed),
          published_at: after(reviewed),
          first_claimed_at: after(claimed),
        }
      }),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  const attendees = [...DEMO_WISHES.map((w) => w.resident[0]), ...DEMO_MEMBERS.map(([id]) => id)]
  for (const [id, topicId, guesthouseId, days, present] of DEMO_PAST_SESSIONS) {
    const startsAt = eveningAfter(now, -days)
    const inserted = await trx
      .insertInto('lecture_sessions')
      .values({
        id,
        topic_id: topicId,
        guesthouse_id: guesthouseId,
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
        capacity: 20,
        confirmed_count: present,
        speaker: null,
        status: 'scheduled',
        checkin_secret: randomBytes(24).toString('base64url'),
        created_at: daysAgo(days + 7),
        updated_at: daysAgo(days + 7),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) continue
    const checkedInAt = new Date(startsAt.getTime() + 5 * 60_000).toISOString()
    await trx
      .insertInto('bookings')
      .values(
        attendees.slice(0, present).map((userId) => ({
          id: `bk_demo_${id.slice('ls_demo_'.length)}_${userId.slice('u_demo_'.length)}`,
          session_id: id,
          user_id: userId,
          status: 'confirmed' as const,
          waitlist_ticket: null,
          checked_in_at: checkedInAt,
          created_at: daysAgo(days + 3),
          updated_at: checkedInAt,
        })),
      )
      .execute()
  }
}

/** Loads the demo rows once; re-running leaves existing rows as they are. */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('communities')
      .values(
        DEMO_COMMUNITIES.map(([id, name, nameEn, lat, lng], index) => ({
          id,
          name,
          name_en: nameEn,
          lat,
          lng,
          sort_order: index,
          is_demo: 1 as const,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    for (const s of DEMO_STATIONS) {
      const inserted = await trx
        .insertInto('stations')
        .values({
          id: s.id,
          name: s.name,
          name_en: s.nameEn,
          kind: s.kind,
          address: s.address,
          lat: s.lat,
          lng: s.lng,
          phone: s.phone,
          hours_json: JSON.stringify(s.hours),
          photos_json: '[]',
          pledges_json: JSON.stringify(s.pledges ?? []),
          ...(s.access?.stepFree && { access_step_free: s.access.stepFree }),
          ...(s.access?.accessibleToilet && { access_accessible_toilet: s.access.accessibleToilet }),
          ...(s.access?.babyCare && { access_baby_care: s.access.babyCare }),
          ...(s.access?.seating && { access_seating: s.access.seating }),
          community_id: s.communityId,
          is_demo: 1,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!inserted) continue
      await trx
        .insertInto('station_services')
        .values(
          s.services.map((key, index) => ({
            station_id: s.id,
            service_key: key,
            available: s.paused?.includes(key) ? (0 as const) : (1 as const),
            note: s.paused?.includes(key) ? '设备检修中' : null,
            sort_order: index,
          })),
        )
        .execute()
    }
    await trx
      .insertInto('guesthouses')
      .values(DEMO_GUESTHOUSES.map((g) => ({ ...g, photos_json: '[]', is_demo: 1 as const, created_at: at })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('lecture_topics')
      .values(
        DEMO_TOPICS.map(([id, title, titleEn, description, descriptionEn], index) => ({
          id,
          title,
          title_en: titleEn,
          description,
          description_en: descriptionEn,
          sort_order: index,
          is_demo: 1 as const,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('users')
      .values(
        DEMO_WISHES.map(({ resident: [id, nickname] }) => ({
          id,
          openid: `demo:${id}`,
          nickname,
          role: 'resident' as const,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('wishes')
      .values(
        DEMO_WISHES.map((w) => {
          const postedAt = new Date(now.getTime() - w.hoursAgo * 3600_000).toISOString()
          const reviewedAt = new Date(now.getTime() - (w.hoursAgo - w.reviewedAfterHours) * 3600_000).toISOString()
          return {
            id: w.id,
            resident_id: w.resident[0],
            category: w.category,
            title: w.title,
            description: w.description,
            community_id: w.communityId,
            contact_phone: w.phone,
            urgent: w.urgent,
            preferred_time: w.preferredTime,
            photos_json: '[]',
            status: 'published' as const,
            created_at: postedAt,
            updated_at: reviewedAt,
            reviewed_at: reviewedAt,
            published_at: reviewedAt,
          }
        }),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await trx
      .insertInto('lecture_sessions')
      .values(
        DEMO_SESSIONS.map(([id, topicId, guesthouseId, days, capacity, speaker]) => {
          const startsAt = eveningAfter(now, days)
          return {
            id,
            topic_id: topicId,
            guesthouse_id: guesthouseId,
            starts_at: startsAt.toISOString(),
            ends_at: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
            capacity,
            speaker,
            status: 'scheduled' as const,
            checkin_secret: randomBytes(24).toString('base64url'),
            created_at: at,
            updated_at: at,
          }
        }),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await seedDemoHistory(trx, now)
    await seedDemoActivities(trx, now)
  })
}
