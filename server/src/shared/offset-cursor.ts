import { errors } from './errors.js'

/**
 * The cursor of a list sorted in memory (nearest first, say): how many items the pages before it held, opaque to the
 * client so a later change of what it carries breaks no app.
 */
export const encodeOffsetCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url')

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match)
    throw errors.badRequest(
      '翻页参数 cursor 无效，请从第一页重新加载',
      'The cursor is not valid; reload from the first page',
    )
  return Number(match[1])
}

/** One page of `items` from the cursor on, with the cursor of the next page (null on the last). */
export function pageOf<T>(items: T[], limit: number, cursor: string | undefined) {
  const offset = decodeOffsetCursor(cursor)
  const next = offset + limit
  return { items: items.slice(offset, next), nextCursor: next < items.length ? encodeOffsetCursor(next) : null }
}
