import type { DbKind } from '../../server/src/db/index.js'
import { startTestApi, type TestApi } from './api'

/** Staff schedule the tea topic at 甲第巷·古厝客栈 with 林师傅 speaking; the new session's id. */
export async function scheduleTeaSession(
  api: TestApi,
  staffToken: string,
  capacity: number,
  startsAt = '2026-11-26T11:30:00Z',
  endsAt = '2026-11-26T13:00:00Z',
): Promise<string> {
  const res = await api.call('POST', '/api/lectures/sessions', staffToken, {
    topicId: 'tp_tea',
    guesthouseId: 'gh_jiadi',
    startsAt,
    endsAt,
    capacity,
    speaker: '林师傅',
  })
  expect(res.statusCode).toBe(201)
  return res.json().session.id as string
}

/** The notices of one kind waiting in the outbox, with whom each is for. */
export const outboxOf = (api: TestApi, kind: string) =>
  api.database.db.selectFrom('outbox').select(['user_id', 'payload_json']).where('kind', '=', kind).execute()

/** Where a lecture suite's clock stands at the start of every test: the morning before the tea session. */
const SUITE_START = '2026-11-25T02:00:00Z'

/**
 * A lecture suite's API on `kind` (registered as the describe block's hooks): a clock the tests move with `setNow`,
 * back at the start after each test, and staff, three residents (ana, bo, cai) and a tourist signed in. `started`
 * hands the suite the API and the tokens once they exist; `newSession` has staff schedule the tea topic.
 */
export function lectureSuite(kind: DbKind, started: (suite: { api: TestApi; tokens: Record<string, string> }) => void) {
  let now = new Date(SUITE_START)
  let api: TestApi | undefined
  let staffToken = ''
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    const tokens = await api.signInEach('lec-', [
      ['staff', 'staff'],
      ['ana', 'resident'],
      ['bo', 'resident'],
      ['cai', 'resident'],
      ['tourist', 'tourist'],
    ])
    staffToken = tokens.staff!
    started({ api, tokens })
  })
  afterAll(() => api?.close())
  afterEach(() => {
    now = new Date(SUITE_START)
  })
  return {
    setNow: (instant: string) => {
      now = new Date(instant)
    },
    newSession: (capacity: number, startsAt?: string, endsAt?: string) =>
      scheduleTeaSession(api!, staffToken, capacity, startsAt, endsAt),
  }
}
