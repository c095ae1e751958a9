import { translate, type MessageKey } from '../../shared/i18n'
import { SERVICE_KEYS, STATION_KINDS } from '@values/orders'
import { formatDistance } from './format'

const inEnglish = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params)
const inChinese = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params)

describe('station formatting', () => {
  it('shows metres under a kilometre and kilometres with one decimal above, nothing without a position', () => {
    expect(formatDistance(inEnglish, 850)).toBe('850 m')
    expect(formatDistance(inEnglish, 1234)).toBe('1.2 km')
    expect(formatDistance(inChinese, 999)).toBe(translate('zh', 'stations.distanceM', { n: 999 }))
    expect(formatDistance(inEnglish, null)).toBeNull()
  })

  it('lists services and kinds in their display order', () => {
    expect(SERVICE_KEYS).toEqual(['hot_water', 'charging', 'travel_info', 'restroom', 'first_aid', 'umbrella', 'wifi'])
    expect(STATION_KINDS).toEqual(['service_station', 'party_member_shop', 'contact_point', 'micro_post'])
  })
})
