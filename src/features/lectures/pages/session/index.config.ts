export default definePageConfig({ navigationBarTitleText: '微讲堂' })
