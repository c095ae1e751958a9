import type { Stats, Trends, WishBreakdown } from '@contract'
import { request } from '../../shared/request'

/** How many weeks the weekly chart looks back. */
export const CHART_WEEKS = 12

export interface ChartData {
  trends: Trends
  wishes: WishBreakdown
}

export const headlineStats = () => request<Stats>('GET', '/api/stats', { toast: false })

/** The charts' numbers: the whole old town, or (for staff) the communities they act for. */
export async function chartData(scope: 'town' | 'mine'): Promise<ChartData> {
  const base = scope === 'town' ? '/api/stats' : '/api/stats/communities'
  const [trends, wishes] = await Promise.all([
    request<Trends>('GET', `${base}/trends`, { query: { weeks: CHART_WEEKS }, toast: false }),
    request<WishBreakdown>('GET', `${base}/wishes`, { toast: false }),
  ])
  return { trends, wishes }
}
