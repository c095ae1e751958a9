export default defineAppConfig({
  pages: [
    'features/home/index',
    'features/stations/index',
    'features/lectures/index',
    'features/wishes/index',
    'features/me/index',
  ],
  subPackages: [
    { root: 'features/stations/pages', pages: ['detail/index'] },
    { root: 'features/lectures/pages', pages: ['session/index', 'bookings/index', 'guesthouse/index'] },
    { root: 'features/wishes/pages', pages: ['new/index', 'detail/index', 'mine/index'] },
    { root: 'features/members/pages', pages: ['register/index'] },
    {
      root: 'features/activities/pages',
      pages: ['index/index', 'detail/index', 'mine/index', 'record/index', 'edit/index', 'manage/index'],
    },
    {
      root: 'features/me/pages',
      pages: ['settings/index', 'login/index', 'about/index', 'inbox/index', 'desk-login/index'],
    },
    { root: 'features/figures/pages', pages: ['index/index'] },
    {
      root: 'features/staff/pages',
      pages: [
        'index/index',
        'stations/index',
        'station-edit/index',
        'reports/index',
        'lectures/index',
        'session/index',
        'members/index',
        'places/index',
        'overdue/index',
      ],
    },
    // The operators' desk is for a computer's browser: the weapp build never carries it.
    ...(process.env.TARO_ENV === 'h5' ? [{ root: 'features/desk/pages', pages: ['index/index'] }] : []),
  ],
  // WeChat downloads a tab's own pages while the tab is open, so the first tap into a station, a session or a wish does
  // not wait for its subpackage (Home leads to the stations). The figures and staff pages are not fetched ahead: few
  // people open them.
  preloadRule: {
    'features/home/index': { network: 'all', packages: ['features/stations/pages'] },
    'features/stations/index': { network: 'all', packages: ['features/stations/pages'] },
    'features/lectures/index': { network: 'all', packages: ['features/lectures/pages'] },
    'features/wishes/index': { network: 'all', packages: ['features/wishes/pages'] },
    'features/me/index': { network: 'all', packages: ['features/me/pages'] },
  },
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
    list: [
      {
        pagePath: 'features/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'features/stations/index',
        text: '驿站',
        iconPath: 'assets/tab/stations.png',
        selectedIconPath: 'assets/tab/stations-active.png',
      },
      {
        pagePath: 'features/lectures/index',
        text: '微讲堂',
        iconPath: 'assets/tab/lectures.png',
        selectedIconPath: 'assets/tab/lectures-active.png',
      },
      {
        pagePath: 'features/wishes/index',
        text: '微心愿',
        iconPath: 'assets/tab/wishes.png',
        selectedIconPath: 'assets/tab/wishes-active.png',
      },
      {
        pagePath: 'features/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于为您找到最近的党群服务站（热水、充电、问路）' },
  },
  lazyCodeLoading: 'requiredComponents',
})
