import { serializerFor } from '../../shared/serializer'
import { browseStations, listEncoderFor } from './browse'
import { openingMinutes, type WeeklyHours } from './hours'
import type { StationRecord } from './queries'
import { stationListResponseSchema } from './schemas'

const allDay: WeeklyHours = { weekly: Array.from({ length: 7 }, () => [['00:00', '24:00']] as [string, string][]) }
const closed: WeeklyHours = { weekly: Array.from({ length: 7 }, () => []) }

const station = (id: string, lat: number, overrides: Partial<StationRecord> = {}): StationRecord => ({
  id,
  name: `服务站 ${id}`,
  nameEn: `Station ${id}`,
  kind: 'service_station',
  communityId: 'c_taiping',
  address: '太平路 1 号',
  lat,
  lng: 116.644,
  phone: '0768-0000000',
  hours: allDay,
  opening: openingMinutes(allDay),
  services: [
    { key: 'hot_water', available: true, note: null },
    { key: 'charging', available: false, note: '检修中' },
  ],
  photos: [],
  pledges: ['热水随时取'],
  updatedAt: '2026-11-20T08:00:00.000Z',
  access: { stepFree: 'yes', accessibleToilet: 'unknown', babyCare: 'no', seating: 'yes' },
  ...overrides,
})

const records = [
  station('st_a', 23.6665),
  station('st_b', 23.667, { communityId: null, hours: closed, opening: openingMinutes(closed), services: [] }),
  station('st_c', 23.668, { name: '“引号” \\ 反斜杠\n换行 </script>', address: 'Tab\there, emoji 🏮' }),
]

describe('the station list encoder', () => {
  const schemaSerializer = serializerFor(stationListResponseSchema)
  const encode = listEncoderFor(records)
  const now = new Date('2026-11-25T12:00:00Z')

  it.each([
    ['nearest first from a position', { origin: { lat: 23.6665, lng: 116.644 }, limit: 20 }],
    ['without a position', { limit: 20 }],
    ['a first page with more to come', { origin: { lat: 23.66, lng: 116.64 }, limit: 2 }],
    ['open now only', { openNow: true, limit: 20 }],
    ['an empty page', { service: 'wifi' as const, limit: 20 }],
  ])('writes the same document as the list schema would: %s', (_case, options) => {
    const page = browseStations(records, { ...options, now })
    const written = encode(page)
    expect(JSON.parse(written)).toEqual(JSON.parse(schemaSerializer(page)))
    expect(JSON.parse(written)).toEqual(page)
  })
})
