import { translate, type MessageKey } from './i18n'
import { en } from './locales/en'
import { zh } from './locales/zh'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('texts in two languages', () => {
  it('fills placeholders by name and leaves none behind', () => {
    expect(translate('zh', 'wishes.from', { name: '张**', community: '牌坊街社区' })).toBe('张** · 牌坊街社区')
    expect(translate('en', 'stations.distanceKm', { n: '1.2' })).toBe('1.2 km')
    expect(translate('en', 'common.retry')).toBe('Retry')
  })

  it('says "1 seat left" but "2 seats left" in English, and 余 n 座 in Chinese whatever n is', () => {
    expect(translate('en', 'lectures.seatsLeft', { n: 1 })).toBe('1 seat left')
    expect(translate('en', 'lectures.seatsLeft', { n: 2 })).toBe('2 seats left')
    expect(translate('en', 'lectures.seatsLeft', { n: 0 })).toBe('0 seats left')
    expect(translate('en', 'lectures.orders', { n: 1 })).toBe('1 resident asked')
    expect(translate('en', 'lectures.orders', { n: 12 })).toBe('12 residents asked')
    expect(translate('en', 'staff.average', { avg: '4.5', n: 1 })).toBe('4.5 / 5 · 1 rating')
    expect(translate('zh', 'lectures.seatsLeft', { n: 1 })).toBe('余 1 座')
    expect(translate('zh', 'lectures.seatsLeft', { n: 2 })).toBe('余 2 座')
  })

  it('asks for the same placeholders in both languages, in every form of a plural', () => {
    for (const key of Object.keys(zh) as MessageKey[]) {
      const english = en[key]
      const forms = typeof english === 'string' ? [english] : [english.one, english.other]
      for (const form of forms)
        expect({ key, placeholders: placeholders(form) }).toEqual({ key, placeholders: placeholders(zh[key]) })
      if (typeof english !== 'string')
        expect({ key, counts: placeholders(zh[key]).includes('n') }).toEqual({ key, counts: true })
    }
  })
})
