import { z } from 'zod'
import { line, paragraph, patchOf } from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { TOPIC_LIMITS } from '../../shared/values/limits.js'

/** When a resident who orders a topic would rather come; none given counts as any time. */
export const PREFERRED_TIMES = ['morning', 'afternoon', 'evening'] as const

/** A topic on the menu; the English title and description fall back to the Chinese ones. */
export const topicFieldsSchema = z.object({
  title: line(TOPIC_LIMITS.title),
  titleEn: line(TOPIC_LIMITS.titleEn, 0).optional(),
  description: paragraph(TOPIC_LIMITS.description),
  descriptionEn: paragraph(TOPIC_LIMITS.descriptionEn, 0).optional(),
})
export type TopicCreate = z.input<typeof topicFieldsSchema>
export const topicPatchSchema = patchOf(topicFieldsSchema)
export type TopicPatch = z.input<typeof topicPatchSchema>

export const topicSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  /** How many residents ordered (点单) this topic. */
  orderCount: z.number().int(),
  /** Whether the caller has ordered it (false when not logged in). */
  orderedByMe: z.boolean(),
})
export type Topic = z.infer<typeof topicSchema>
export const topicListResponseSchema = z.object({ items: z.array(topicSchema) })
export type TopicList = z.infer<typeof topicListResponseSchema>

export const topicOrderSchema = z.object({
  preferredTime: z.enum(PREFERRED_TIMES).optional(),
  area: line(40).optional(),
})
export type TopicOrderInput = z.input<typeof topicOrderSchema>
export const topicResponseSchema = z.object({ topic: topicSchema })
export type TopicResponse = z.infer<typeof topicResponseSchema>

export const demandResponseSchema = z.object({
  items: z.array(
    z.object({
      topicId: z.string(),
      title: z.string(),
      orders: z.number().int(),
      byTime: z.record(z.string(), z.number().int()),
      byArea: z.record(z.string(), z.number().int()),
    }),
  ),
})
export type TopicDemand = z.infer<typeof demandResponseSchema>

nameSchemas({
  Topic: topicSchema,
  TopicList: topicListResponseSchema,
  TopicResponse: topicResponseSchema,
  TopicDemand: demandResponseSchema,
})
