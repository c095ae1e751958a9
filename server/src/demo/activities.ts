import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { ActivityKind, Database } from '../db/schema.js'
import { DEMO_MEMBERS } from './activity.js'

/**
 * DEMO DATA — plausible volunteer activities (志愿服务活动), not official ones: a few coming up and a few held in the
 * past weeks, with the demo members who served and their hours. The organiser on record is the community's demo
 * member (there is no demo staff account). Times count from when the demo is loaded.
 */
const DEMO_ACTIVITIES: {
  id: string
  title: string
  kind: ActivityKind
  description: string
  /** Index in DEMO_MEMBERS: the organiser on record, whose community holds it. */
  organiser: number
  address: string
  lat: number
  lng: number
  /** Days from loading (negative: held already), starting at `hour` on the Shanghai clock, for `length` hours. */
  days: number
  hour: number
  length: number
  needed: number
  /** Held ones: who served (indices in DEMO_MEMBERS), each checked in and out for the whole span. */
  served?: number[]
}[] = [
  {
    id: 'ac_demo_cleanup',
    title: '牌坊街环境卫生整治',
    kind: 'cleanup',
    description: '清理巷道杂物和卫生死角，劝导商户门前三包。请穿运动鞋，手套和垃圾袋由社区准备。',
    organiser: 0,
    address: '潮州市湘桥区太平路牌坊街北段',
    lat: 23.6668,
    lng: 116.6442,
    days: 2,
    hour: 8,
    length: 3,
    needed: 10,
  },
  {
    id: 'ac_demo_clinic',
    title: '甲第巷义诊',
    kind: 'clinic',
    description: '社区医生为长者量血压、测血糖、解答用药问题。需要志愿者引导排队、登记。',
    organiser: 1,
    address: '潮州市湘桥区甲第巷 12 号',
    lat: 23.665,
    lng: 116.6471,
    days: 3,
    hour: 9,
    length: 3,
    needed: 6,
  },
  {
    id: 'ac_demo_patrol',
    title: '西湖片区义警巡逻',
    kind: 'patrol',
    description: '晚间沿西湖、古城墙巡逻，提醒游客看管财物，发现隐患及时报告。',
    organiser: 2,
    address: '潮州市湘桥区西湖公园南门',
    lat: 23.6703,
    lng: 116.6398,
    days: 1,
    hour: 19,
    length: 2,
    needed: 8,
  },
  {
    id: 'ac_demo_legal',
    title: '法律咨询进社区',
    kind: 'legal_aid',
    description: '律师现场解答邻里纠纷、赡养继承、消费维权等问题。',
    organiser: 1,
    address: '甲第巷社区党群服务中心',
    lat: 23.6649,
    lng: 116.647,
    days: -12,
    hour: 9,
    length: 3,
    needed: 4,
    served: [1, 3],
  },
  {
    id: 'ac_demo_civility',
    title: '周末文明劝导',
    kind: 'civility',
    description: '在广济桥、牌坊街人流密集处劝导文明旅游、垃圾不落地。',
    organiser: 0,
    address: '潮州市湘桥区广济桥东桥头',
    lat: 23.6676,
    lng: 116.6503,
    days: -5,
    hour: 15,
    length: 2,
    needed: 6,
    served: [0, 4, 5],
  },
]

const HOUR_MS = 3600_000

/** Loads the demo activities once; re-running leaves existing rows as they are. */
export async function seedDemoActivities(trx: Transaction<Database>, now: Date): Promise<void> {
  const shanghaiMidnight = Math.floor((now.getTime() + 8 * HOUR_MS) / 86_400_000) * 86_400_000 - 8 * HOUR_MS
  for (const a of DEMO_ACTIVITIES) {
    const startsAt = new Date(shanghaiMidnight + a.days * 86_400_000 + a.hour * HOUR_MS)
    const endsAt = new Date(startsAt.getTime() + a.length * HOUR_MS)
    const [organiserId, , communityId] = DEMO_MEMBERS[a.organiser]!
    const published = new Date(Math.min(now.getTime(), startsAt.getTime()) - 7 * 86_400_000).toISOString()
    const served = a.served ?? []
    const inserted = await trx
      .insertInto('activities')
      .values({
        id: a.id,
        title: a.title,
        kind: a.kind,
        description: a.description,
        community_id: communityId,
        address: a.address,
        lat: a.lat,
        lng: a.lng,
        starts_at: startsAt.toISOString(),
        ends_at: endsAt.toISOString(),
        volunteers_needed: a.needed,
        status: 'scheduled',
        confirmed_count: served.length,
        checkin_secret: randomBytes(24).toString('base64url'),
        created_by: organiserId,
        created_at: published,
        updated_at: published,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted || served.length === 0) continue
    await trx
      .insertInto('activity_signups')
      .values(
        served.map((index) => ({
          id: `su_demo_${a.id.slice('ac_demo_'.length)}_${index}`,
          activity_id: a.id,
          user_id: DEMO_MEMBERS[index]![0],
          status: 'confirmed' as const,
          waitlist_ticket: null,
          checked_in_at: startsAt.toISOString(),
          checked_out_at: endsAt.toISOString(),
          checkin_verified: 1 as const,
          hours: a.length,
          hours_reason: null,
          hours_set_by: null,
          created_at: published,
          updated_at: endsAt.toISOString(),
        })),
      )
      .execute()
  }
}
