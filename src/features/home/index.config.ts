// enableShareAppMessage: without it WeChat never calls the page's useShareAppMessage (no share title of the town).
export default definePageConfig({ navigationBarTitleText: '古城红驿', enableShareAppMessage: true })
