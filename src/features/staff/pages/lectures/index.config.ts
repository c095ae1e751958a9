export default definePageConfig({ navigationBarTitleText: '微讲堂管理', enablePullDownRefresh: true })
