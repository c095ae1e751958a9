import { z } from 'zod'
import { identifier } from './validation.js'

/** The `:id` of every `/…/:id` route: one identifier rule, so a malformed id gets the same 400 everywhere. */
export const idParamsSchema = z.object({ id: identifier() })

/** A visitor's position (GCJ-02) as a query gives it; lists sort by distance from it. */
export type Origin = { lat: number; lng: number }

/** The visitor's position in a query (GCJ-02), for the lists and pages of places that show distances. */
export const originQuery = {
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
}
export const originQuerySchema = z.object(originQuery)

/** The position in a query's lat/lng; the query schemas accept both or neither, so one alone means none. */
export const originOf = (query: { lat?: number; lng?: number }): Origin | undefined =>
  query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined

/** Where a place is (GCJ-02), as staff enter a station or a guesthouse. */
export const placePosition = {
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
}
