import type { Db } from '../../db/index.js'
import type { SheetRowError } from '../../shared/errors.js'
import type { User } from '../auth/schemas.js'
import { staffCommunities } from '../community/scope.js'
import { rowError } from './rows.js'

/** The communities an importing staff user acts for, asked once per sheet and then of every row. */
export interface Scope {
  /** The community a row without communityId goes to: the only one a bound staff user acts for. */
  soleCommunity(): string | undefined
  /** Why a row of that community is refused to this user, or null when it is theirs to write. */
  refusal(row: number, communityId: string | null): SheetRowError | null
}

export async function scopeOf(db: Db, actor: User): Promise<Scope> {
  const acting = (await staffCommunities(db, actor)) ?? []
  const known = new Set((await db.selectFrom('communities').select('id').execute()).map((c) => c.id))
  return {
    soleCommunity: () => (Array.isArray(acting) && acting.length === 1 ? acting[0] : undefined),
    refusal(row, communityId) {
      if (communityId === null) {
        return acting === 'all'
          ? rowError(row, 'communityId', 'INVALID', 'communityId 必填：请填写所属社区', 'communityId is required')
          : rowError(
              row,
              'communityId',
              'FORBIDDEN',
              '未分配社区的内容只能由区级账号处理',
              'Only a district account may do this',
            )
      }
      if (!known.has(communityId)) return rowError(row, 'communityId', 'INVALID', '没有这个社区', 'No such community')
      if (acting !== 'all' && !acting.includes(communityId))
        return rowError(
          row,
          'communityId',
          'FORBIDDEN',
          '这不属于您负责的社区',
          'This belongs to a community you do not act for',
        )
      return null
    },
  }
}
