import type { WeeklyHours } from '../features/stations/hours.js'
import type { ServiceKey, StationAccess, StationKind } from '../features/stations/schemas.js'

/**
 * DEMO DATA (places) — plausible, not official. Places of Chaozhou's old town around 牌坊街 with GCJ-02 coordinates
 * read off a map, opening hours and services invented to exercise the app. Places, topics and communities are
 * marked is_demo = 1; sessions, wishes and the residents who posted them carry `demo` in their ids.
 */
const daily = (open: string, close: string): WeeklyHours => ({
  weekly: Array.from({ length: 7 }, () => [[open, close]]),
})
const closedMondays = (open: string, close: string): WeeklyHours => ({
  weekly: Array.from({ length: 7 }, (_, day) => (day === 1 ? [] : [[open, close]])),
})

export interface DemoStation {
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
  /** What staff have checked; the rest stays "unknown". */
  access?: Partial<StationAccess>
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
    access: { stepFree: 'yes', accessibleToilet: 'yes', babyCare: 'yes', seating: 'yes' },
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
    access: { stepFree: 'yes', accessibleToilet: 'no', seating: 'yes' },
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
    access: { stepFree: 'no', accessibleToilet: 'yes', babyCare: 'no', seating: 'yes' },
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
    access: { stepFree: 'yes', babyCare: 'yes', seating: 'no' },
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
    access: { stepFree: 'no', seating: 'yes' },
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

export const DEMO_GUESTHOUSES = [
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
export type DemoCommunityId = (typeof DEMO_COMMUNITIES)[number][0]
