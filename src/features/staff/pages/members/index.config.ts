export default definePageConfig({ navigationBarTitleText: '党员报到审核', enablePullDownRefresh: true })
