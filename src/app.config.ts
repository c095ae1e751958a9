// A relative import: Taro reads this file with its own esbuild loader, which bundles relative imports but may not know
// the build's aliases.
import {
  MAIN_PAGES,
  pagePath,
  subpackageRoot,
  subpackagesFor,
  TABS,
  type Feature,
  type Tab,
} from '../server/src/shared/values/pages'

const TAB_TEXTS: Record<Tab, string> = {
  home: '首页',
  stations: '驿站',
  lectures: '微讲堂',
  wishes: '微心愿',
  me: '我的',
}
/** The subpackage each tab fetches ahead. */
const PRELOADED: Record<Tab, Feature> = {
  home: 'stations',
  stations: 'stations',
  lectures: 'lectures',
  wishes: 'wishes',
  me: 'me',
}

export default defineAppConfig({
  pages: MAIN_PAGES,
  subPackages: subpackagesFor(process.env.TARO_ENV),
  // WeChat downloads a tab's own pages while the tab is open, so the first tap into a station, a session or a wish does
  // not wait for its subpackage (Home leads to the stations). The figures and staff pages are not fetched ahead: few
  // people open them.
  preloadRule: Object.fromEntries(
    TABS.map((tab) => [pagePath(tab), { network: 'all', packages: [subpackageRoot(PRELOADED[tab])] }]),
  ),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#B71C1C',
    navigationBarTitleText: '古城红驿',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F7F3EE',
  },
  tabBar: {
    color: '#7A6A5F',
    selectedColor: '#B71C1C',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: TABS.map((tab) => ({
      pagePath: pagePath(tab),
      text: TAB_TEXTS[tab],
      iconPath: `assets/tab/${tab}.png`,
      selectedIconPath: `assets/tab/${tab}-active.png`,
    })),
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于为您找到最近的党群服务站（热水、充电、问路）' },
  },
  lazyCodeLoading: 'requiredComponents',
})
