export default definePageConfig({
  navigationBarTitleText: '古城成效',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
