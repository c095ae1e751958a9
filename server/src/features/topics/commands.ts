import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { newId } from '../../shared/ids.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import type { topicFieldsSchema, topicOrderSchema, topicPatchSchema } from './schemas.js'

export function createTopicCommands(db: Db, clock: () => Date) {
  /** Staff put a new topic on the menu, last in its order. */
  async function createTopic(actor: User, input: z.output<typeof topicFieldsSchema>): Promise<string> {
    const id = newId('tp')
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      const { last } = await trx
        .selectFrom('lecture_topics')
        .select((eb) => eb.fn.max('sort_order').as('last'))
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('lecture_topics')
        .values({
          id,
          title: input.title,
          title_en: input.titleEn || input.title,
          description: input.description,
          description_en: input.descriptionEn || input.description,
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- MAX/SUM over no rows is NULL; Kysely's type omits it
          sort_order: Number(last ?? 0) + 1,
          is_demo: 0,
          created_at: at,
        })
        .execute()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'lecture_topic',
        entityId: id,
        action: 'create',
        detail: input,
        at,
      })
    })
    return id
  }

  async function updateTopic(actor: User, id: string, patch: z.output<typeof topicPatchSchema>): Promise<void> {
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('lecture_topics')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.titleEn !== undefined && { title_en: patch.titleEn }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.descriptionEn !== undefined && { description_en: patch.descriptionEn }),
        })
        .where('id', '=', id)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0) throw notFound.topic()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'lecture_topic',
        entityId: id,
        action: 'update',
        detail: patch,
        at,
      })
    })
  }

  /** One order per resident per topic; ordering again updates the preferences. */
  async function orderTopic(user: User, topicId: string, input: z.output<typeof topicOrderSchema>) {
    const topic = await db.selectFrom('lecture_topics').select('id').where('id', '=', topicId).executeTakeFirst()
    if (!topic) throw notFound.topic()
    const values = { preferred_time: input.preferredTime ?? null, area: input.area ?? null }
    await db
      .insertInto('topic_orders')
      .values({ topic_id: topicId, user_id: user.id, created_at: clock().toISOString(), ...values })
      .onConflict((oc) => oc.columns(['topic_id', 'user_id']).doUpdateSet(values))
      .execute()
  }

  return { createTopic, updateTopic, orderTopic }
}
