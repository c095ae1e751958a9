export default definePageConfig({ navigationBarTitleText: '民居客栈' })
