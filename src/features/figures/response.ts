import type { ResponseTimes } from '@contract'
import type { MessageKey } from '../../shared/i18n'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * Hours as a person says them: under an hour in minutes (`45 分钟`), under a day in hours to one decimal (`2.5 小时`),
 * from a day on in days and whole hours (`1 天 3 小时`, `2 天`); `暂无数据` while nothing was counted.
 */
export function formatHours(t: Translate, hours: number | null): string {
  if (hours === null) return t('figures.noData')
  const minutes = Math.round(hours * 60)
  if (minutes < 60) return t('figures.duration.minutes', { n: minutes })
  if (minutes < 24 * 60) return t('figures.duration.hours', { n: Math.round(hours * 10) / 10 })
  const wholeHours = Math.round(hours)
  const days = Math.floor(wholeHours / 24)
  const rest = wholeHours % 24
  return rest === 0 ? t('figures.duration.days', { n: days }) : t('figures.duration.daysHours', { days, hours: rest })
}

/** A share of wishes answered on target, as a whole percent, or `暂无数据`. */
export function formatPercent(t: Translate, percent: number | null): string {
  return percent === null ? t('figures.noData') : t('figures.percent', { n: Math.round(percent) })
}

type ResponseFigure = { key: string; label: MessageKey; meaning: MessageKey; value(times: ResponseTimes): string }

/** The response figures 古城成效 and the staff community cards show, each with what it measures. */
export const RESPONSE_FIGURES = (t: Translate): ResponseFigure[] => [
  {
    key: 'review',
    label: 'figures.response.review',
    meaning: 'figures.response.review.meaning',
    value: (r) => formatHours(t, r.reviewMedianHours),
  },
  {
    key: 'claim',
    label: 'figures.response.claim',
    meaning: 'figures.response.claim.meaning',
    value: (r) => formatHours(t, r.claimMedianHours),
  },
  {
    key: 'solve',
    label: 'figures.response.solve',
    meaning: 'figures.response.solve.meaning',
    value: (r) => formatHours(t, r.solveMedianHours),
  },
  {
    key: 'review-on-target',
    label: 'figures.response.reviewOnTarget',
    meaning: 'figures.response.reviewOnTarget.meaning',
    value: (r) => formatPercent(t, r.reviewOnTargetPct),
  },
  {
    key: 'claim-on-target',
    label: 'figures.response.claimOnTarget',
    meaning: 'figures.response.claimOnTarget.meaning',
    value: (r) => formatPercent(t, r.claimOnTargetPct),
  },
]
