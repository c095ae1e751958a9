/**
 * Every page of the mini-program and the order of its tabs, for both sides (the app imports `@values/pages`):
 * app.config.ts lists its pages and tab bar from here, the app opens pages with `pageUrl`, and the server writes the
 * pages of notices, calendar entries and 小程序码 with the same helpers. A page is named `feature` (a tab: the
 * feature's index page in the main package) or `feature/name` (`features/<feature>/pages/<name>/index`, in the
 * feature's subpackage). Plain constants and functions, no imports.
 */

/** The tab bar, left to right. */
export const TABS = ['home', 'stations', 'lectures', 'wishes', 'me'] as const
export type Tab = (typeof TABS)[number]

/** Each feature's subpackage and its pages, in the order app.json lists them (a subpackage opens on its first). */
export const SUBPACKAGES = {
  stations: ['detail'],
  lectures: ['session', 'bookings', 'guesthouse'],
  wishes: ['new', 'detail', 'mine'],
  members: ['register'],
  activities: ['index', 'detail', 'mine', 'record', 'edit', 'manage'],
  me: ['settings', 'login', 'about', 'inbox', 'desk-login'],
  figures: ['index'],
  staff: ['index', 'stations', 'station-edit', 'reports', 'lectures', 'session', 'members', 'places', 'overdue'],
  desk: ['index'],
} as const
type Subpackages = typeof SUBPACKAGES
export type Feature = keyof Subpackages

/** The operators' desk is for a computer's browser: the weapp build never carries it. */
const H5_ONLY: readonly Feature[] = ['desk']

export type SubpackagePage = { [F in Feature]: `${F}/${Subpackages[F][number]}` }[Feature]
export type Page = Tab | SubpackagePage

/** What a page reads from its query; a page not named here takes none. */
interface PageQueries {
  /** A scanned 小程序码 opens it with `scene` (the station id) instead: WeChat writes that query itself. */
  'stations/detail': { id: string }
  'lectures/session': { id: string }
  'lectures/guesthouse': { id: string }
  'wishes/detail': { id: string }
  'activities/detail': { id: string }
  /** Without an id, a new activity. */
  'activities/edit': { id?: string }
  'activities/manage': { id: string }
  'staff/session': { id: string }
  /** Without an id, a new station. */
  'staff/station-edit': { id?: string }
  'me/desk-login': { ticket: string }
  /** `mine`: the communities the staff member looks after, opened from the staff home. */
  'figures/index': { scope?: 'mine' }
}
export type QueryOf<P extends Page> = P extends keyof PageQueries ? PageQueries[P] : Record<string, never>
/** A page whose query has a required field asks for the query; one with only optional fields may go without. */
type QueryArgs<P extends Page> = P extends keyof PageQueries
  ? Partial<PageQueries[P]> extends PageQueries[P]
    ? [query?: PageQueries[P]]
    : [query: PageQueries[P]]
  : []

/** Where a feature's subpackage lives. */
export const subpackageRoot = (feature: Feature) => `features/${feature}/pages`

/** A page's path as app.json lists it and WeChat's code and share APIs take it: no leading slash, no query. */
export function pagePath(page: Page): string {
  const slash = page.indexOf('/')
  return slash < 0
    ? `features/${page}/index`
    : `${subpackageRoot(page.slice(0, slash) as Feature)}/${page.slice(slash + 1)}/index`
}

/** `id=w_1&scope=mine`: a query's fields, encoded, leaving out those not given. */
export function queryString(query: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(query)
    .flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`]))
    .join('&')
}

/** The URL `navigateTo`, `redirectTo`, `switchTab` and a share's `path` take: `/features/wishes/pages/detail/index?id=w_1`. */
export function pageUrl<P extends Page>(page: P, ...[query]: QueryArgs<P>): string {
  const search = query ? queryString(query) : ''
  return `/${pagePath(page)}${search ? `?${search}` : ''}`
}

/** A page's address in the H5 build, served at `origin` with hash routing: what a link outside the app opens. */
export const h5Address = (origin: string, url: string) => `${origin.replace(/\/+$/, '')}/#${url}`

/** The main package's pages: the tabs, in order. */
export const MAIN_PAGES = TABS.map((tab) => pagePath(tab))

/** The subpackages a build carries (`TARO_ENV`), as app.json lists them. */
export function subpackagesFor(build: string | undefined): { root: string; pages: string[] }[] {
  return (Object.keys(SUBPACKAGES) as Feature[])
    .filter((feature) => build === 'h5' || !H5_ONLY.includes(feature))
    .map((feature) => ({ root: subpackageRoot(feature), pages: SUBPACKAGES[feature].map((name) => `${name}/index`) }))
}
