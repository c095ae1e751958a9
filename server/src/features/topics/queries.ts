import type { Db } from '../../db/index.js'
import type { Topic } from './schemas.js'

/** The menu in its order (or the topic with `id`), with how many ordered each and whether `userId` did. */
export async function findTopics(db: Db, userId: string | null, id?: string): Promise<Topic[]> {
  let query = db
    .selectFrom('lecture_topics as t')
    .select((eb) => [
      't.id',
      't.title',
      't.title_en',
      't.description',
      't.description_en',
      eb
        .selectFrom('topic_orders as o')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('o.topic_id', '=', 't.id')
        .as('order_count'),
      eb
        .selectFrom('topic_orders as mine')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('mine.topic_id', '=', 't.id')
        .where('mine.user_id', '=', userId ?? '')
        .as('mine'),
    ])
    .orderBy('t.sort_order')
  if (id) query = query.where('t.id', '=', id)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    titleEn: r.title_en,
    description: r.description,
    descriptionEn: r.description_en,
    orderCount: Number(r.order_count),
    orderedByMe: Number(r.mine) > 0,
  }))
}

/** Staff's view of the menu: orders per topic by preferred time and area, most ordered first. */
export async function findTopicDemand(db: Db) {
  const rows = await db
    .selectFrom('lecture_topics as t')
    .leftJoin('topic_orders as o', 'o.topic_id', 't.id')
    .select(['t.id', 't.title', 'o.preferred_time', 'o.area', 'o.user_id'])
    .orderBy('t.sort_order')
    .execute()
  const byTopic = new Map<
    string,
    { topicId: string; title: string; orders: number; byTime: Record<string, number>; byArea: Record<string, number> }
  >()
  for (const r of rows) {
    const entry = byTopic.get(r.id) ?? { topicId: r.id, title: r.title, orders: 0, byTime: {}, byArea: {} }
    if (r.user_id) {
      entry.orders += 1
      const time = r.preferred_time ?? 'any'
      const area = r.area ?? 'any'
      entry.byTime[time] = (entry.byTime[time] ?? 0) + 1
      entry.byArea[area] = (entry.byArea[area] ?? 0) + 1
    }
    byTopic.set(r.id, entry)
  }
  return [...byTopic.values()].sort((a, b) => b.orders - a.orders)
}
