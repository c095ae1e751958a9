import type { Trends, WishBreakdown } from '@contract'
import { call } from '../../shared/client'

/** How many weeks the weekly chart looks back. */
export const CHART_WEEKS = 12

export interface ChartData {
  trends: Trends
  wishes: WishBreakdown
}

/** The charts' numbers: the whole old town, or (for staff) the communities they act for. */
export async function chartData(scope: 'town' | 'mine'): Promise<ChartData> {
  const weeks = { query: { weeks: CHART_WEEKS }, toast: false }
  const [trends, wishes] = await Promise.all(
    scope === 'town'
      ? [call('GET /api/stats/trends', weeks), call('GET /api/stats/wishes', { toast: false })]
      : [call('GET /api/stats/communities/trends', weeks), call('GET /api/stats/communities/wishes', { toast: false })],
  )
  return { trends, wishes }
}
