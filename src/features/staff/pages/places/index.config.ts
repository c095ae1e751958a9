export default definePageConfig({ navigationBarTitleText: '客栈与主题', enablePullDownRefresh: true })
