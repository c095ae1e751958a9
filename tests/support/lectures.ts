import type { TestApi } from './api'

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
