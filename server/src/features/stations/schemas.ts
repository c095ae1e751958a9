import { z } from 'zod'

export const SERVICE_KEYS = ['hot_water', 'charging', 'travel_info', 'restroom', 'first_aid', 'umbrella', 'wifi'] as const
export const serviceKeySchema = z.enum(SERVICE_KEYS)
export type ServiceKey = z.infer<typeof serviceKeySchema>

/** 党群服务站, 共产党员店, 党员联系点, 微阵地. */
export const STATION_KINDS = ['service_station', 'party_member_shop', 'contact_point', 'micro_post'] as const
export const stationKindSchema = z.enum(STATION_KINDS)
export type StationKind = z.infer<typeof stationKindSchema>

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')

export const stationListQuerySchema = z
  .object({
    service: serviceKeySchema.optional(),
    kind: stationKindSchema.optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    openNow: booleanQuery.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(64).optional(),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    message: 'lat and lng must be given together',
    path: ['lat'],
  })
export type StationListQuery = z.input<typeof stationListQuerySchema>

export const stationServiceSchema = z.object({
  key: serviceKeySchema,
  available: z.boolean(),
})

export const stationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: stationKindSchema,
  address: z.string(),
  lat: z.number().describe('GCJ-02 latitude'),
  lng: z.number().describe('GCJ-02 longitude'),
  services: z.array(stationServiceSchema),
  openNow: z.boolean(),
  distanceM: z.number().int().nullable().describe('metres from lat/lng of the query, null without them'),
})
export type StationSummary = z.infer<typeof stationSummarySchema>

export const stationListResponseSchema = z.object({
  items: z.array(stationSummarySchema),
  nextCursor: z.string().nullable(),
})
export type StationListResponse = z.infer<typeof stationListResponseSchema>
