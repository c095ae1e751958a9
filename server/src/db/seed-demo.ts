import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Db } from './index.js'
import type { Database } from './schema.js'
import type { WeeklyHours } from '../features/stations/hours.js'
import type { ServiceKey, StationKind } from '../features/stations/schemas.js'

/**
 * DEMO DATA — plausible, not official. Places of Chaozhou's old town around 牌坊街 with GCJ-02 coordinates
 * read off a map, opening hours and services invented to exercise the app. Places, topics and communities are
 * marked is_demo = 1; sessions, wishes and the residents who posted them carry `demo` in their ids.
 */
const daily = (open: string, close: string): WeeklyHours => ({
  weekly: Array.from({ length: 7 }, () => [[open, close]]),
})
const closedMondays = (open: string, close: string): WeeklyHours => ({
  weekly: Array.from({ length: 7 }, (_, day) => (day === 1 ? [] : [[open, close]])),
})

interface DemoStation {
  id: string
  /** The nearest community office: the same rule migration 0007 applies to places it finds. */
  communityId: DemoCommunityId
  name: string
  nameEn: string
  kind: StationKind
  address: string
  lat: number
  lng: number
  phone: string | null
  hours: WeeklyHours
  services: ServiceKey[]
  paused?: ServiceKey[]
  pledges?: string[]
}

export const DEMO_STATIONS: DemoStation[] = [
  {
    id: 'st_paifangjie',
    communityId: 'cm_paifang',
    name: '牌坊街党群服务站',
    nameEn: 'Paifang Street Party–Mass Service Station',
    kind: 'service_station',
    address: '潮州市湘桥区太平路牌坊街中段',
    lat: 23.66655,
    lng: 116.64402,
    phone: '0768-2222001',
    hours: daily('08:30', '22:00'),
    services: ['hot_water', 'charging', 'travel_info', 'restroom', 'first_aid', 'umbrella', 'wifi'],
  },
  {
    id: 'st_guangjimen',
    communityId: 'cm_yixing',
    name: '广济门党群服务站',
    nameEn: 'Guangji Gate Service Station',
    kind: 'service_station',
    address: '潮州市湘桥区广济门城楼下（近广济桥）',
    lat: 23.66598,
    lng: 116.64985,
    phone: '0768-2222002',
    hours: daily('08:00', '21:30'),
    services: ['hot_water', 'charging', 'travel_info', 'restroom', 'umbrella'],
  },
  {
    id: 'st_kaiyuansi',
    communityId: 'cm_yixing',
    name: '开元寺党群服务站',
    nameEn: 'Kaiyuan Temple Service Station',
    kind: 'service_station',
    address: '潮州市湘桥区开元路开元寺东侧',
    lat: 23.66842,
    lng: 116.64571,
    phone: '0768-2222003',
    hours: daily('08:30', '18:00'),
    services: ['hot_water', 'charging', 'travel_info', 'first_aid'],
  },
  {
    id: 'st_hanwengong',
    communityId: 'cm_dongmen',
    name: '韩文公祠党群服务站',
    nameEn: 'Han Wengong Temple Service Station',
    kind: 'service_station',
    address: '潮州市湘桥区韩江东岸韩文公祠入口',
    lat: 23.66435,
    lng: 116.65562,
    phone: '0768-2222004',
    hours: closedMondays('09:00', '17:30'),
    services: ['hot_water', 'travel_info', 'restroom', 'wifi'],
  },
  {
    id: 'st_xihu',
    communityId: 'cm_xihu',
    name: '西湖公园党群服务站',
    nameEn: 'West Lake Park Service Station',
    kind: 'service_station',
    address: '潮州市湘桥区西湖公园正门',
    lat: 23.67315,
    lng: 116.63872,
    phone: '0768-2222005',
    hours: daily('07:00', '21:00'),
    services: ['hot_water', 'charging', 'restroom', 'first_aid', 'umbrella'],
  },
  {
    id: 'st_shop_tea',
    communityId: 'cm_paifang',
    name: '共产党员店·老街工夫茶铺',
    nameEn: 'Party Member Shop · Old Street Gongfu Tea',
    kind: 'party_member_shop',
    address: '潮州市湘桥区太平路 128 号',
    lat: 23.66712,
    lng: 116.64388,
    phone: '0768-2222011',
    hours: daily('09:00', '22:30'),
    services: ['hot_water', 'charging', 'travel_info'],
    pledges: ['免费提供开水和手机充电', '明码标价，不欺客不宰客', '游客问路有问必答'],
  },
  {
    id: 'st_shop_embroidery',
    communityId: 'cm_paifang',
    name: '共产党员店·潮绣工坊',
    nameEn: 'Party Member Shop · Chao Embroidery Workshop',
    kind: 'party_member_shop',
    address: '潮州市湘桥区太平路 76 号',
    lat: 23.66534,
    lng: 116.64421,
    phone: '0768-2222012',
    hours: closedMondays('10:00', '21:00'),
    services: ['hot_water', 'travel_info', 'umbrella'],
    pledges: ['雨天免费借伞，次日归还即可', '潮绣非遗讲解免费听'],
  },
  {
    id: 'st_shop_beefball',
    communityId: 'cm_paifang',
    name: '共产党员店·牛肉丸夜市铺',
    nameEn: 'Party Member Shop · Beef Ball Night Stall',
    kind: 'party_member_shop',
    address: '潮州市湘桥区昌黎路与太平路交界',
    lat: 23.66398,
    lng: 116.64455,
    phone: '0768-2222013',
    hours: daily('18:00', '02:00'),
    services: ['hot_water', 'charging'],
    paused: ['charging'],
    pledges: ['食材当天采购，后厨透明', '夜间游客遇困难可随时求助'],
  },
  {
    id: 'st_contact_jiadi',
    communityId: 'cm_jiadi',
    name: '甲第巷党员联系点',
    nameEn: 'Jiadi Lane Party Member Contact Point',
    kind: 'contact_point',
    address: '潮州市湘桥区甲第巷 12 号',
    lat: 23.66488,
    lng: 116.64766,
    phone: null,
    hours: daily('09:00', '18:00'),
    services: ['travel_info', 'hot_water'],
  },
  {
    id: 'st_contact_yixing',
    communityId: 'cm_yixing',
    name: '义兴甲巷党员联系点',
    nameEn: 'Yixingjia Lane Contact Point',
    kind: 'contact_point',
    address: '潮州市湘桥区义兴甲巷 5 号',
    lat: 23.66703,
    lng: 116.64842,
    phone: null,
    hours: daily('09:00', '18:00'),
    services: ['travel_info', 'wifi'],
  },
  {
    id: 'st_micro_xiashuimen',
    communityId: 'cm_xiashuimen',
    name: '下水门微阵地',
    nameEn: 'Xiashui Gate Micro Post',
    kind: 'micro_post',
    address: '潮州市湘桥区下水门街口',
    lat: 23.66216,
    lng: 116.64917,
    phone: null,
    hours: daily('08:00', '20:00'),
    services: ['hot_water', 'umbrella', 'first_aid'],
  },
  {
    id: 'st_micro_xima',
    communityId: 'cm_xihu',
    name: '西马路微阵地',
    nameEn: 'Xima Road Micro Post',
    kind: 'micro_post',
    address: '潮州市湘桥区西马路中段',
    lat: 23.66745,
    lng: 116.64051,
    phone: null,
    hours: daily('00:00', '24:00'),
    services: ['charging', 'travel_info', 'wifi'],
  },
]

const DEMO_GUESTHOUSES = [
  {
    id: 'gh_jiadi',
    community_id: 'cm_jiadi',
    name: '甲第巷·古厝客栈',
    address: '潮州市湘桥区甲第巷 21 号',
    lat: 23.66472,
    lng: 116.64731,
    rooms_note: '天井茶室，可坐 20 人',
  },
  {
    id: 'gh_yixing',
    community_id: 'cm_yixing',
    name: '义兴甲巷·潮宿',
    address: '潮州市湘桥区义兴甲巷 9 号',
    lat: 23.66721,
    lng: 116.64812,
    rooms_note: '二楼讲堂，可坐 30 人',
  },
  {
    id: 'gh_xumafu',
    community_id: 'cm_yixing',
    name: '许驸马府旁·书香客栈',
    address: '潮州市湘桥区中山路东府埕 3 号',
    lat: 23.66802,
    lng: 116.64903,
    rooms_note: '庭院，可坐 40 人',
  },
  {
    id: 'gh_ximalu',
    community_id: 'cm_xihu',
    name: '西马路·青瓦小院',
    address: '潮州市湘桥区西马路 45 号',
    lat: 23.66768,
    lng: 116.64102,
    rooms_note: '客厅，可坐 15 人',
  },
  {
    id: 'gh_xiashuimen',
    community_id: 'cm_xiashuimen',
    name: '下水门·江畔民宿',
    address: '潮州市湘桥区下水门街 18 号',
    lat: 23.66231,
    lng: 116.64952,
    rooms_note: '临江露台，可坐 25 人',
  },
]

const DEMO_TOPICS = [
  [
    'tp_theory',
    '党的创新理论',
    'The Party’s new theories',
    '用身边事讲清新思想，20 分钟一讲，留足提问时间。',
    'New ideas told through everyday stories: 20-minute talks with plenty of time for questions.',
  ],
  [
    'tp_history',
    '潮州历史文化',
    'Chaozhou history and culture',
    '从广济桥到牌坊街，讲古城的来历和老规矩。',
    'From Guangji Bridge to Paifang Street: how the old town came to be and its customs.',
  ],
  [
    'tp_antifraud',
    '反诈宣传',
    'Avoiding scams',
    '常见电信诈骗套路与应对，适合长者和家属一起听。',
    'Common phone and online scams and how to respond; good for elders and their families.',
  ],
  [
    'tp_waste',
    '垃圾分类',
    'Waste sorting',
    '古城小巷里的分类投放怎么做，哪里能投大件。',
    'How to sort waste in the old town’s lanes and where bulky items go.',
  ],
  [
    'tp_health',
    '健康养生',
    'Health and wellbeing',
    '社区医生讲慢病管理、用药安全和急救常识。',
    'Community doctors on chronic illness, safe medication and first aid.',
  ],
  [
    'tp_tea',
    '工夫茶与非遗',
    'Gongfu tea and intangible heritage',
    '潮州工夫茶、潮绣、木雕等非遗的故事与体验。',
    'Stories and hands-on time with Gongfu tea, Chao embroidery and wood carving.',
  ],
  [
    'tp_civility',
    '文明旅游',
    'Responsible tourism',
    '旺季古城的文明劝导、垃圾不落地和邻里相处。',
    'Busy seasons in the old town: courtesy, litter and living with visitors.',
  ],
] as const

/** Upcoming demo sessions: [id, topic, guesthouse, days from seeding, capacity, speaker]. */
const DEMO_SESSIONS = [
  ['ls_demo_history', 'tp_history', 'gh_jiadi', 1, 20, '陈老师（潮州文史研究者）'],
  ['ls_demo_antifraud', 'tp_antifraud', 'gh_yixing', 2, 30, '湘桥公安反诈民警'],
  ['ls_demo_tea', 'tp_tea', 'gh_xumafu', 3, 12, '林师傅（工夫茶非遗传承人）'],
  ['ls_demo_health', 'tp_health', 'gh_ximalu', 5, 15, '社区卫生服务中心 黄医生'],
] as const

/** 19:30 Shanghai time, `days` after `from`. */
function eveningAfter(from: Date, days: number): Date {
  const shanghaiMidnight = Math.floor((from.getTime() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000
  return new Date(shanghaiMidnight + days * 86_400_000 + (19 * 60 + 30) * 60_000)
}

/**
 * The old town's communities (社区) under 太平街道 — demo names in Chinese and English, with a plausible office
 * location (GCJ-02).
 */
export const DEMO_COMMUNITIES = [
  ['cm_paifang', '牌坊街社区', 'Paifang Street Community', 23.66612, 116.64398],
  ['cm_jiadi', '甲第巷社区', 'Jiadi Lane Community', 23.66495, 116.64702],
  ['cm_yixing', '义兴甲社区', 'Yixingjia Community', 23.66735, 116.64788],
  ['cm_xihu', '西湖社区', 'West Lake Community', 23.67051, 116.63962],
  ['cm_dongmen', '东门社区', 'East Gate Community', 23.66842, 116.65118],
  ['cm_xiashuimen', '下水门社区', 'Xiashui Gate Community', 23.66248, 116.64921],
] as const
type DemoCommunityId = (typeof DEMO_COMMUNITIES)[number][0]

/** Residents' wishes already reviewed and on the wall, so the wall is not empty on a first visit. */
const DEMO_WISHES = [
  {
    id: 'wi_demo_medicine',
    resident: ['u_demo_chen', '陈秀珍'],
    category: 'errands',
    title: '帮忙代买降压药',
    description: '老伴住院了，我腿脚不便下不了楼，想请人帮忙去药店买一盒常吃的降压药，药盒可以拍照给您。',
    communityId: 'cm_xihu',
    phone: '13800001111',
    urgent: 1,
    preferredTime: '上午',
    hoursAgo: 3,
  },
  {
    id: 'wi_demo_faucet',
    resident: ['u_demo_huang', '黄伯'],
    category: 'repair',
    title: '厨房水龙头一直滴水',
    description: '厨房水龙头关不紧，一直滴水，自己年纪大了修不了，工具家里有。',
    communityId: 'cm_jiadi',
    phone: '13800002222',
    urgent: 0,
    preferredTime: '周末下午',
    hoursAgo: 20,
  },
  {
    id: 'wi_demo_phone',
    resident: ['u_demo_zheng', '郑婆婆'],
    category: 'study_aid',
    title: '想学用手机挂号和视频通话',
    description: '孙子在外地读书，想学会用手机和他视频，也想学会在手机上给医院挂号。',
    communityId: 'cm_paifang',
    phone: null,
    urgent: 0,
    preferredTime: '工作日晚上',
    hoursAgo: 40,
  },
] as const

/**
 * The past twelve weeks of service, so the figures' weekly trends are not flat on a first visit: party members
 * verified, wishes done and confirmed, lectures held with check-ins. `daysAgo` counts back from seeding.
 */
const DEMO_MEMBERS = [
  ['u_demo_member_lin', '林志强', 'cm_paifang', 80],
  ['u_demo_member_wu', '吴晓燕', 'cm_jiadi', 66],
  ['u_demo_member_cai', '蔡建华', 'cm_xihu', 52],
  ['u_demo_member_xu', '许丽娟', 'cm_yixing', 38],
  ['u_demo_member_zhuang', '庄伟明', 'cm_dongmen', 24],
  ['u_demo_member_ke', '柯少芬', 'cm_xiashuimen', 10],
] as const

/**
 * [id, title, category, community, resident, claimant (index in DEMO_MEMBERS), days ago confirmed, hours served,
 * urgent (急难)].
 */
const DEMO_DONE_WISHES = [
  ['wi_demo_done_1', '帮忙换厨房灯泡', 'repair', 'cm_paifang', 'u_demo_zheng', 0, 76, 1, false],
  ['wi_demo_done_2', '陪同去医院复诊', 'medical_escort', 'cm_jiadi', 'u_demo_huang', 1, 62, 3, false],
  ['wi_demo_done_3', '教我用手机缴电费', 'study_aid', 'cm_paifang', 'u_demo_zheng', 0, 55, 1, false],
  ['wi_demo_done_4', '代取社区发放的慰问品', 'errands', 'cm_xihu', 'u_demo_chen', 2, 47, 1, false],
  ['wi_demo_done_5', '修好漏水的阳台水管', 'repair', 'cm_jiadi', 'u_demo_huang', 1, 40, 2, false],
  ['wi_demo_done_6', '帮忙整理旧衣物捐赠', 'errands', 'cm_xihu', 'u_demo_chen', 2, 33, 2, false],
  ['wi_demo_done_7', '陪老人聊聊天读读报', 'companionship', 'cm_yixing', 'u_demo_chen', 3, 26, 2, false],
  ['wi_demo_done_8', '帮忙预约流感疫苗', 'errands', 'cm_dongmen', 'u_demo_huang', 4, 15, 1, false],
  ['wi_demo_done_9', '疏通卫生间下水道', 'repair', 'cm_xiashuimen', 'u_demo_zheng', 5, 4, 1.5, false],
  ['wi_demo_done_10', '夜里发烧，陪同去医院急诊', 'medical_escort', 'cm_dongmen', 'u_demo_huang', 4, 11, 3, true],
] as const

/** [id, topic, guesthouse, days ago, how many of the demo residents and members checked in]. */
const DEMO_PAST_SESSIONS = [
  ['ls_demo_past_1', 'tp_history', 'gh_jiadi', 81, 4],
  ['ls_demo_past_2', 'tp_antifraud', 'gh_yixing', 72, 7],
  ['ls_demo_past_3', 'tp_tea', 'gh_xumafu', 61, 5],
  ['ls_demo_past_4', 'tp_health', 'gh_ximalu', 53, 8],
  ['ls_demo_past_5', 'tp_civility', 'gh_jiadi', 44, 3],
  ['ls_demo_past_6', 'tp_history', 'gh_yixing', 30, 9],
  ['ls_demo_past_7', 'tp_tea', 'gh_xumafu', 19, 6],
  ['ls_demo_past_8', 'tp_antifraud', 'gh_ximalu', 8, 7],
] as const

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
        // An urgent wish is reviewed and claimed within the hour and helped within hours; the others wait days.
        const [postedDaysAgo, claimedDaysAgo] = urgent ? [days + 1.1, days + 1.08] : [days + 5, days + 3]
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
          claimed_at: daysAgo(claimedDaysAgo),
          fulfil_note: '已完成',
          fulfilled_at: daysAgo(days + 1),
          confirmed_at: daysAgo(days),
          thanks: '谢谢！',
          hours_served: hours,
          created_at: daysAgo(postedDaysAgo),
          updated_at: daysAgo(days),
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
    // Demo communities loaded before they had places get them now.
    for (const [id, , nameEn, lat, lng] of DEMO_COMMUNITIES) {
      await trx
        .updateTable('communities')
        .set({ lat, lng })
        .where('id', '=', id)
        .where('is_demo', '=', 1)
        .where('lat', 'is', null)
        .execute()
      // And those loaded before communities had English names get theirs.
      await trx
        .updateTable('communities')
        .set({ name_en: nameEn })
        .where('id', '=', id)
        .where('is_demo', '=', 1)
        .where('name_en', 'is', null)
        .execute()
    }
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
    // Demo places loaded before places belonged to a community get theirs now.
    for (const s of DEMO_STATIONS) {
      await trx
        .updateTable('stations')
        .set({ community_id: s.communityId })
        .where('id', '=', s.id)
        .where('community_id', 'is', null)
        .execute()
    }
    for (const g of DEMO_GUESTHOUSES) {
      await trx
        .updateTable('guesthouses')
        .set({ community_id: g.community_id })
        .where('id', '=', g.id)
        .where('community_id', 'is', null)
        .execute()
    }
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
            updated_at: postedAt,
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
  })
}
