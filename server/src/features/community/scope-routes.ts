/**
 * The tables of the community-scope suite (scope.test.ts): every staff route that acts on one community's places,
 * sessions, wishes, registrations or activities, what each is asked to do, and the routes scoped elsewhere. A new staff
 * route gets a row here; the suite fails while one is missing.
 */
/** What one staff route is asked to do to a fresh set of 甲第巷社区 (cm_jiadi) places, wishes and registrations. */
export interface Fixture {
  stationId: string
  guesthouseId: string
  sessionId: string
  reportId: string
  /** Waiting for review. */
  wishId: string
  /** Fulfilled, then disputed by its resident: staff settle or reopen it. */
  disputedWishId: string
  /** A pending 双报到 registration. */
  memberId: string
  /** A volunteer activity of the community, and the registration of a member signed up for it. */
  activityId: string
  volunteerId: string
}
export type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object }
export const post = (url: string, payload: object): Request => ({ method: 'POST', url, payload })

export const OWN = 'cm_jiadi'
export const place = { name: '甲第巷·测试客栈', address: '潮州市湘桥区甲第巷 30 号', lat: 23.6648, lng: 116.6474 }
export const station = {
  name: '甲第巷测试服务站',
  kind: 'contact_point',
  address: '潮州市湘桥区甲第巷 31 号',
  lat: 23.6649,
  lng: 116.6475,
  hours: { weekly: Array.from({ length: 7 }, () => [['09:00', '18:00']]) },
  services: [{ key: 'hot_water' }],
}

export const activity = {
  title: '甲第巷环境卫生整治',
  kind: 'cleanup',
  description: '清理巷道杂物。',
  communityId: OWN,
  address: '潮州市湘桥区甲第巷口',
  lat: 23.6648,
  lng: 116.6474,
  startsAt: '2026-11-27T01:00:00Z',
  endsAt: '2026-11-27T03:00:00Z',
  volunteersNeeded: 5,
}

export const registration = {
  realName: '陈测试',
  phone: '13800000000',
  workUnit: '潮州市测试单位',
  branch: '测试党支部',
  communityId: OWN,
}
export const wish = {
  category: 'repair',
  title: '楼道灯坏了',
  description: '三楼楼道灯不亮，老人晚上上下楼不方便。',
  communityId: OWN,
}

/**
 * Every staff route that touches one community's stations, guesthouses, sessions, reports, codes, attendance,
 * wishes or member registrations; scope.test.ts checks against the API document that no staff route is left out.
 */
export const STAFF_ROUTES: [string, (f: Fixture) => Request, number][] = [
  [
    'create a station',
    () => ({ method: 'POST', url: '/api/stations', payload: { ...station, communityId: OWN } }),
    201,
  ],
  [
    'edit a station',
    (f) => ({ method: 'PATCH', url: `/api/stations/${f.stationId}`, payload: { name: '改过的名字' } }),
    200,
  ],
  [
    'toggle a service',
    (f) => ({ method: 'PATCH', url: `/api/stations/${f.stationId}/services/hot_water`, payload: { available: false } }),
    200,
  ],
  ['read a station’s change history', (f) => ({ method: 'GET', url: `/api/stations/${f.stationId}/changes` }), 200],
  [
    'resolve a report',
    (f) => ({ method: 'POST', url: `/api/stations/reports/${f.reportId}/resolve`, payload: { note: '已修好' } }),
    200,
  ],
  [
    'add a guesthouse',
    () => ({ method: 'POST', url: '/api/guesthouses', payload: { ...place, communityId: OWN } }),
    201,
  ],
  [
    'edit a guesthouse',
    (f) => ({ method: 'PATCH', url: `/api/guesthouses/${f.guesthouseId}`, payload: { roomsNote: '可坐 12 人' } }),
    200,
  ],
  [
    'schedule a session',
    (f) => ({
      method: 'POST',
      url: '/api/lectures/sessions',
      payload: {
        topicId: 'tp_waste',
        guesthouseId: f.guesthouseId,
        startsAt: '2026-11-27T11:30:00Z',
        endsAt: '2026-11-27T13:00:00Z',
        capacity: 10,
      },
    }),
    201,
  ],
  [
    'reschedule a session',
    (f) => ({
      method: 'PATCH',
      url: `/api/lectures/sessions/${f.sessionId}`,
      payload: { startsAt: '2026-11-26T12:00:00Z' },
    }),
    200,
  ],
  [
    'cancel a session',
    (f) => ({ method: 'POST', url: `/api/lectures/sessions/${f.sessionId}/cancel`, payload: { reason: '改期' } }),
    200,
  ],
  [
    'show the check-in code',
    (f) => ({ method: 'GET', url: `/api/lectures/sessions/${f.sessionId}/checkin-code` }),
    200,
  ],
  [
    'read the attendance list',
    (f) => ({ method: 'GET', url: `/api/lectures/sessions/${f.sessionId}/attendance` }),
    200,
  ],
  [
    'export the attendance CSV',
    (f) => ({ method: 'GET', url: `/api/lectures/sessions/${f.sessionId}/attendance.csv` }),
    200,
  ],
  ['review a wish', (f) => post(`/api/wishes/${f.wishId}/review`, { decision: 'approve' }), 200],
  ['settle a dispute', (f) => post(`/api/wishes/${f.disputedWishId}/settle`, { note: '已核实' }), 200],
  ['reopen a disputed wish', (f) => post(`/api/wishes/${f.disputedWishId}/reopen`, { note: '重新征集' }), 200],
  ['verify a registration', (f) => post(`/api/members/${f.memberId}/verify`, { decision: 'verify' }), 200],
  ['publish a volunteer activity', () => post('/api/activities', activity), 201],
  [
    'edit a volunteer activity',
    (f) => ({ method: 'PATCH', url: `/api/activities/${f.activityId}`, payload: { volunteersNeeded: 8 } }),
    200,
  ],
  ['cancel a volunteer activity', (f) => post(`/api/activities/${f.activityId}/cancel`, { reason: '改期' }), 200],
  [
    'show an activity’s check-in code',
    (f) => ({ method: 'GET', url: `/api/activities/${f.activityId}/checkin-code` }),
    200,
  ],
  ['read an activity’s attendance', (f) => ({ method: 'GET', url: `/api/activities/${f.activityId}/attendance` }), 200],
  [
    'export an activity’s attendance CSV',
    (f) => ({ method: 'GET', url: `/api/activities/${f.activityId}/attendance.csv` }),
    200,
  ],
  [
    'set a volunteer’s hours',
    (f) => ({
      method: 'PATCH',
      url: `/api/activities/${f.activityId}/signups/${f.volunteerId}`,
      payload: { hours: 2, reason: '补录' },
    }),
    200,
  ],
  [
    'post a wish for a resident (代办)',
    () =>
      post('/api/wishes', {
        ...wish,
        contactPhone: '0768-2221234',
        onBehalfOf: { name: '陈阿婆', phone: '13800001111' },
        consent: 'in_person',
      }),
    201,
  ],
]

/** Staff lists filtered to the communities a staff user acts for, and the fixture's item each should hold. */
export const SCOPED_LISTS: [string, string, (f: Fixture) => string][] = [
  ['open reports', '/api/stations/reports', (f) => f.reportId],
  ['wishes to review', '/api/wishes/review-queue', (f) => f.wishId],
  ['disputes to settle', '/api/wishes/review-queue', (f) => f.disputedWishId],
  ['registrations to decide', '/api/members?status=pending', (f) => f.memberId],
]

/** Figures of the communities a staff user acts for: a change in cm_jiadi shows to its staff and the district's. */
export const SCOPED_FIGURES: [string, string][] = [
  ['figures per community', '/api/stats/communities'],
  ['wishes by category and community', '/api/stats/communities/wishes'],
  ['weekly trends', '/api/stats/communities/trends?weeks=2'],
]

/**
 * The district's by design, the same for every staff user: topics belong to no community (every community
 * schedules sessions of the one menu), an order names a free-text area, not a community, and the feedback summary
 * is averages by topic and speaker, with no person in it.
 */
export const DISTRICT_WIDE: [string, Request, number][] = [
  ['add a menu topic', post('/api/lectures/topics', { title: '测试讲座', description: '测试用' }), 201],
  ['change a menu topic', { method: 'PATCH', url: '/api/lectures/topics/tp_tea', payload: { title: '工夫茶' } }, 200],
  ['read the demand per topic', { method: 'GET', url: '/api/lectures/topics/demand' }, 200],
  ['read the feedback summary', { method: 'GET', url: '/api/lectures/feedback/summary' }, 200],
]

/**
 * Staff routes about no community, tested in their own suites: any staff member approves a desk sign-in code for
 * themself (desk/desk.test.ts), and only a district account changes the town (town/town.test.ts).
 */
export const BEYOND_COMMUNITIES = [
  'GET /api/auth/desk/{ticket}',
  'POST /api/auth/desk/{ticket}/approve',
  'PATCH /api/town',
]

/** Scoped staff lists that need a moved clock to hold anything, so their scope is tested where the clock moves. */
export const SCOPED_WITH_A_CLOCK = ['GET /api/staff/overdue'] // targets/targets.test.ts

/**
 * Spreadsheets are scoped row by row (a row of another community is a row error), tested in sheets/*.test.ts; the
 * members roster's names and phones go only to their community's staff and the district's (sheets/members.test.ts).
 */
export const SCOPED_PER_ROW = [
  'GET /api/staff/sheets/{kind}.xlsx',
  'GET /api/staff/sheets/{kind}.csv',
  'POST /api/staff/sheets/{kind}',
]

/** Staff of the place's own community and district staff may; staff of another community get 403 and change nothing. */
export const ACTORS: [string, string, boolean][] = [
  ['staff of its own community', 'own', true],
  ['staff of another community', 'other', false],
  ['district staff', 'district', true],
]
