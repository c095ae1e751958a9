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
    { root: 'features/me/pages', pages: ['settings/index', 'login/index'] },
    { root: 'features/staff/pages', pages: ['index/index', 'stations/index', 'station-edit/index', 'reports/index', 'lectures/index', 'session/index', 'members/index', 'places/index'] },
  ],
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
      { pagePath: 'features/home/index', text: '首页' },
      { pagePath: 'features/stations/index', text: '驿站' },
      { pagePath: 'features/lectures/index', text: '微讲堂' },
      { pagePath: 'features/wishes/index', text: '微心愿' },
      { pagePath: 'features/me/index', text: '我的' },
    ],
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于为您找到最近的党群服务站（热水、充电、问路）' },
  },
  lazyCodeLoading: 'requiredComponents',
})
