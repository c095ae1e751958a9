export default definePageConfig({ navigationBarTitleText: '超时未处理', enablePullDownRefresh: true })
