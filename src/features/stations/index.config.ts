export default definePageConfig({
  navigationBarTitleText: '党群服务驿站',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
