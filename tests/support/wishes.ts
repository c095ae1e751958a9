import { startTestApi, type TestApi } from './api'
import type { DbKind } from '../../server/src/db/index.js'

export const WISH_PHONE = '13912345678'
/** A resident's wish for 甲第巷: the body most wish stories post. */
export const WISH_BODY = {
  category: 'repair',
  title: '楼道灯坏了',
  description: '三楼楼道灯不亮，老人晚上上下楼不方便。',
  communityId: 'cm_jiadi',
  contactPhone: WISH_PHONE,
}

/**
 * The town the wish suites play in: two residents, a tourist, two verified members and staff of 甲第巷 and 西湖, and
 * `pending`, who has asked to be a member. Quotas are lifted — these stories post many wishes as one resident; the
 * quotas themselves are tested in shared/quota.test.ts.
 */
export async function startWishesTown(
  kind: DbKind,
  clock: () => Date,
): Promise<{ api: TestApi; tokens: Record<string, string> }> {
  const api = await startTestApi({ kind, clock, env: { QUOTA_WISHES_OPEN: '1000', QUOTA_WISHES_PER_DAY: '1000' } })
  const tokens = await api.signInEach('w-', [
    ['张秀英', 'resident'],
    ['李大伯', 'resident'],
    ['tourist', 'tourist'],
    ['王党员', 'member', 'cm_jiadi'],
    ['赵党员', 'member', 'cm_jiadi'],
    ['staffHere', 'staff', 'cm_jiadi'],
    ['staffThere', 'staff', 'cm_xihu'],
    ['pending', 'resident'],
  ])
  await api.call('POST', '/api/members', tokens.pending, {
    realName: '孙待审',
    phone: '13700000000',
    workUnit: '市直单位',
    branch: '第一支部',
    communityId: 'cm_jiadi',
  })
  return { api, tokens }
}

/** A wish's row as the database holds it, to check a refusal changed nothing. */
export const wishRow = (api: TestApi, id: string) =>
  api.database.db.selectFrom('wishes').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

/**
 * Takes the demo wishes' response times away (review, publication, first claim), so a suite that times the wishes it
 * posts counts only those; figures.test.ts checks what the demo's own times show.
 */
export const untimeDemoWishes = (api: TestApi) =>
  api.database.db
    .updateTable('wishes')
    .set({ reviewed_at: null, published_at: null, first_claimed_at: null })
    .where('id', 'like', 'wi_demo_%')
    .execute()
