import { translate, type MessageKey } from '../../shared/i18n'
import { formatHours, formatPercent, RESPONSE_FIGURES } from './response'

const inChinese = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params)
const inEnglish = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params)

describe('response times as people read them', () => {
  it('says minutes under an hour, hours to one decimal under a day, then days and whole hours', () => {
    expect(formatHours(inChinese, 0)).toBe('0 分钟')
    expect(formatHours(inChinese, 0.75)).toBe('45 分钟')
    expect(formatHours(inChinese, 0.999)).toBe('1 小时')
    expect(formatHours(inChinese, 2.5)).toBe('2.5 小时')
    expect(formatHours(inChinese, 2.46)).toBe('2.5 小时')
    expect(formatHours(inChinese, 23.9)).toBe('23.9 小时')
    expect(formatHours(inChinese, 24)).toBe('1 天')
    expect(formatHours(inChinese, 27.2)).toBe('1 天 3 小时')
    expect(formatHours(inChinese, 47.6)).toBe('2 天')
    expect(formatHours(inChinese, 73)).toBe('3 天 1 小时')
  })

  it('speaks English, one day but two days', () => {
    expect(formatHours(inEnglish, 0.5)).toBe('30 min')
    expect(formatHours(inEnglish, 2.5)).toBe('2.5 h')
    expect(formatHours(inEnglish, 24)).toBe('1 day')
    expect(formatHours(inEnglish, 48)).toBe('2 days')
    expect(formatHours(inEnglish, 27)).toBe('1 d 3 h')
  })

  it('says 暂无数据 / No data yet while nothing was counted, and whole percents otherwise', () => {
    expect(formatHours(inChinese, null)).toBe('暂无数据')
    expect(formatHours(inEnglish, null)).toBe('No data yet')
    expect(formatPercent(inChinese, null)).toBe('暂无数据')
    expect(formatPercent(inChinese, 87.46)).toBe('87%')
    expect(formatPercent(inEnglish, 100)).toBe('100%')
    expect(formatPercent(inEnglish, 0)).toBe('0%')
  })

  it('lists the five figures of the API in order, each read from its own field', () => {
    const times = {
      reviewMedianHours: 2.5,
      claimMedianHours: 27,
      solveMedianHours: null,
      reviewOnTargetPct: 90,
      claimOnTargetPct: null,
    }
    expect(RESPONSE_FIGURES(inChinese).map((f) => [f.key, f.value(times)])).toEqual([
      ['review', '2.5 小时'],
      ['claim', '1 天 3 小时'],
      ['solve', '暂无数据'],
      ['review-on-target', '90%'],
      ['claim-on-target', '暂无数据'],
    ])
  })
})
