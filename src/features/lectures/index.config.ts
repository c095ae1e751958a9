export default definePageConfig({
  navigationBarTitleText: '微讲堂',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
