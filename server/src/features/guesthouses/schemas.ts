import { z } from 'zod'
import { placePosition } from '../../shared/params.js'
import { identifier, line, patchOf } from '../../shared/validation.js'
import { photoUrlSchema } from '../uploads/photos.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { GUESTHOUSE_LIMITS } from '../../shared/values/limits.js'

export const guesthouseSchema = z.object({
  id: z.string(),
  name: z.string(),
  communityId: z
    .string()
    .nullable()
    .describe('the community whose staff look after it and its sessions; null: district staff only'),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  roomsNote: z.string().nullable(),
  photos: z.array(z.string()),
  distanceM: z.number().int().nullable(),
})
export type Guesthouse = z.infer<typeof guesthouseSchema>
export const guesthouseListResponseSchema = z.object({ items: z.array(guesthouseSchema) })
export type GuesthouseList = z.infer<typeof guesthouseListResponseSchema>

/** A guesthouse as staff enter it: where it is (GCJ-02, in or near the old town) and what room it offers. */
export const guesthouseFieldsSchema = z.object({
  /** Optional for staff bound to exactly one community (theirs is taken); a district account names it. */
  communityId: identifier().optional(),
  name: line(GUESTHOUSE_LIMITS.name),
  address: line(GUESTHOUSE_LIMITS.address),
  ...placePosition,
  roomsNote: line(GUESTHOUSE_LIMITS.roomsNote, 0).nullable().optional(),
  photos: z.array(photoUrlSchema).max(GUESTHOUSE_LIMITS.photos).default([]),
})
export type GuesthouseCreate = z.input<typeof guesthouseFieldsSchema>
export const guesthousePatchSchema = patchOf(guesthouseFieldsSchema)
export type GuesthousePatch = z.input<typeof guesthousePatchSchema>
export const guesthouseResponseSchema = z.object({ guesthouse: guesthouseSchema })
export type GuesthouseResponse = z.infer<typeof guesthouseResponseSchema>

nameSchemas({
  Guesthouse: guesthouseSchema,
  GuesthouseList: guesthouseListResponseSchema,
  GuesthouseResponse: guesthouseResponseSchema,
})
