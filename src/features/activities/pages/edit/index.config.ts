export default definePageConfig({ navigationBarTitleText: '发布志愿服务活动' })
