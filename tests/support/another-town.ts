/** Another old town, for the tests that show the app is not tied to 潮州: 平遥古城, centred on 南大街. */
export const PINGYAO = {
  name: '平遥古城',
  nameEn: 'Pingyao Ancient City',
  intro: '在南大街、古县衙、日升昌票号一带，党群服务站为游客提供热水、充电和问路。',
  introEn: 'Around South Street, the county yamen and Rishengchang, service stations offer hot water and directions.',
  center: { lat: 37.2011, lng: 112.1804 },
  zoom: 16,
}
