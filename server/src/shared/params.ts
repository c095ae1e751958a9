import { z } from 'zod'
import { identifier } from './validation.js'

/** The `:id` of every `/…/:id` route: one identifier rule, so a malformed id gets the same 400 everywhere. */
export const idParamsSchema = z.object({ id: identifier() })

/** A visitor's position (GCJ-02) as a query gives it; lists sort by distance from it. */
export type Origin = { lat: number; lng: number }

/** The position in a query's lat/lng; the query schemas accept both or neither, so one alone means none. */
export const originOf = (query: { lat?: number; lng?: number }): Origin | undefined =>
  query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined
