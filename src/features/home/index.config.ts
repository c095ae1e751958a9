export default definePageConfig({ navigationBarTitleText: '古城红驿' })
