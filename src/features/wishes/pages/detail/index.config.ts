// WeChat asks the page for its share to a chat and to Moments (useSharing) only with these on.
export default definePageConfig({
  navigationBarTitleText: '心愿详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
