// WeChat asks the page for its share to a chat and to Moments (useSharing) only with these on.
export default definePageConfig({
  navigationBarTitleText: '服务点详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
