/**
 * What the weapp may send to its view, at the busier town (tests/support/busy-town.ts): UTF-8 bytes of the JSON of
 * what `setData` receives, calls, nodes. `render-audit.test.ts` asserts each; `npm run bench` prints the same figures
 * (the suite writes them to `RENDER_AUDIT_OUT`).
 */
export interface RenderBudget {
  what: string
  /** `ms`: the simulator's time to apply the update, printed by the bench, never asserted. */
  unit: 'B' | 'calls' | 'nodes' | 'chars' | 'ms'
  max?: number
}

const KB = 1024

export const RENDER_BUDGETS = {
  stationsFirstScreen: { what: '驿站 first screen (20 cards)', unit: 'B', max: 24 * KB },
  filterTap: { what: 'a filter tap (热水)', unit: 'B', max: 16 * KB },
  filterTapCalls: { what: '  its setData calls', unit: 'calls', max: 2 },
  filterTapMs: { what: '  the simulator applying them', unit: 'ms' },
  listToMap: { what: 'list → map (20 markers)', unit: 'B', max: 12 * KB },
  markerTap: { what: 'a tapped marker (its card under the map)', unit: 'B' },
  refreshOnMap: { what: 'a refresh that changes nothing, on the map', unit: 'B', max: KB },
  mapToList: { what: 'map → list', unit: 'B', max: 16 * KB },
  mapToListMs: { what: '  the simulator applying it', unit: 'ms' },
  refreshOnList: { what: 'a refresh that changes nothing, on the list', unit: 'B', max: KB },
  nextPage: { what: 'the next 20 stations at the bottom', unit: 'B' },
  stationNodes: { what: 'nodes with 50 stations shown', unit: 'nodes', max: 600 },
  stationChildren: { what: '  most children under one parent', unit: 'nodes', max: 60 },
  stationCard: { what: 'per station card (largest)', unit: 'B', max: KB },
  marker: { what: 'each marker (largest)', unit: 'chars', max: 300 },
  wishesFirstScreen: { what: '微心愿 first screen (20 wishes)', unit: 'B' },
  wishNodes: { what: 'nodes with 28 wishes shown', unit: 'nodes', max: 600 },
  wishChildren: { what: '  most children under one parent', unit: 'nodes', max: 60 },
  homeFirstScreen: { what: '首页 first screen', unit: 'B' },
  homeNodes: { what: '  its nodes', unit: 'nodes', max: 600 },
  detailFirstScreen: { what: 'station detail first screen', unit: 'B' },
  detailNodes: { what: '  its nodes', unit: 'nodes', max: 600 },
  sessionFirstScreen: { what: 'a lecture session first screen', unit: 'B' },
  sessionNodes: { what: '  its nodes', unit: 'nodes', max: 600 },
  activitiesFirstScreen: { what: '志愿服务 first screen', unit: 'B' },
  activitiesNodes: { what: '  its nodes', unit: 'nodes', max: 600 },
  activityFirstScreen: { what: 'an activity first screen', unit: 'B' },
  activityNodes: { what: '  its nodes', unit: 'nodes', max: 600 },
} satisfies Record<string, RenderBudget>

export type RenderFigure = keyof typeof RENDER_BUDGETS
export type RenderFigures = Partial<Record<RenderFigure, number>>

export function formatFigure(key: RenderFigure, value: number): { value: string; budget: string } {
  const { unit, max } = RENDER_BUDGETS[key] as RenderBudget
  const show = (n: number) => (unit === 'B' ? (n >= KB ? `${(n / KB).toFixed(1)} KB` : `${n} B`) : `${n} ${unit}`)
  return { value: show(value), budget: max === undefined ? '' : `≤ ${show(max)}` }
}
