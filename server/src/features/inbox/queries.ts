import type { Db } from '../../db/index.js'
import { errors } from '../../shared/errors.js'
import type { NoticeKind } from '../notices/notices.js'
import { noticeParts, noticeText, subjectsOf } from '../notices/text.js'
import type { InboxNotice, InboxPage } from './schemas.js'

/** Notices are kept 90 days: the worker deletes older ones, and reads never show them in the meantime. */
export const INBOX_RETENTION_MS = 90 * 24 * 3600_000
export const retentionCutoff = (now: Date) => new Date(now.getTime() - INBOX_RETENTION_MS).toISOString()

interface Position {
  createdAt: string
  id: string
}

const encodeCursor = (p: Position) => Buffer.from(`${p.createdAt}|${p.id}`).toString('base64url')

function decodeCursor(cursor: string): Position {
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|(nt_[\w-]+)$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match)
    throw errors.badRequest(
      '翻页参数 cursor 无效，请从第一页重新加载',
      'The cursor is not valid; reload from the first page',
    )
  return { createdAt: match[1]!, id: match[2]! }
}

export async function unreadCount(db: Db, userId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('inbox_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('created_at', '>=', retentionCutoff(now))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The person's own notices, newest first, a page at a time (keyset on time then id, so paging never skips). */
export async function listNotices(
  db: Db,
  userId: string,
  options: { cursor?: string; limit: number },
  now: Date,
): Promise<InboxPage> {
  const after = options.cursor === undefined ? null : decodeCursor(options.cursor)
  const rows = await db
    .selectFrom('inbox_notices')
    .select(['id', 'kind', 'payload_json', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('created_at', '>=', retentionCutoff(now))
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('created_at', '<', after!.createdAt),
          eb.and([eb('created_at', '=', after!.createdAt), eb('id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute()
  const page = rows.slice(0, options.limit)
  const payloads = page.map((row) => JSON.parse(row.payload_json) as Record<string, unknown>)
  const subjectOf = await subjectsOf(db, payloads)
  const items = page.map((row, index): InboxNotice => {
    const payload = payloads[index]!
    return {
      id: row.id,
      kind: row.kind as NoticeKind,
      ...noticeText(row.kind as NoticeKind, payload, noticeParts(payload, subjectOf(payload))),
      createdAt: row.created_at,
      readAt: row.read_at,
    }
  })
  const last = page.at(-1)
  return {
    items,
    unread: await unreadCount(db, userId, now),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  }
}
