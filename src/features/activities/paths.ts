/**
 * The volunteer pages' addresses, for the entries on Home, 我的 and 双报到 (which must not import the pages' code: it
 * would land in the main package). The server's notices open the detail page at the same address.
 */
export const ACTIVITIES_PAGE = '/features/activities/pages/index/index'
export const activityPage = (id: string) => `/features/activities/pages/detail/index?id=${encodeURIComponent(id)}`
export const MY_ACTIVITIES_PAGE = '/features/activities/pages/mine/index'
export const SERVICE_RECORD_PAGE = '/features/activities/pages/record/index'
export const activityEditPage = (id?: string) =>
  `/features/activities/pages/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`
export const activityManagePage = (id: string) => `/features/activities/pages/manage/index?id=${encodeURIComponent(id)}`
