// WeChat asks the page for its share to a chat and to Moments (useSharing) only with these on.
export default definePageConfig({
  navigationBarTitleText: '志愿服务',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
