export default definePageConfig({
  navigationBarTitleText: '党群服务驿站',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
  // WeChat calls the page's useShareAppMessage only with this on.
  enableShareAppMessage: true,
})
