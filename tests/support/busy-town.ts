import type { ServiceKey, StationCreate, StationKind } from '../../server/src/features/stations/schemas.js'
import type { WishCreate } from '../../server/src/features/wishes/schemas.js'
import { callApi } from './http.js'

/**
 * A busier old town than the demo data, made through the API as staff and residents would: more stations along the
 * old streets and more wishes on the wall. The weapp render audits measure the app against it.
 */
export const BUSIER_TOWN = { stations: 50, wishes: 28 }

const STREETS: [zh: string, en: string][] = [
  ['太平路', 'Taiping Road'],
  ['义兴甲巷', 'Yixingjia Lane'],
  ['甲第巷', 'Jiadi Lane'],
  ['西马路', 'Xima Road'],
  ['北马路', 'Beima Road'],
  ['开元路', 'Kaiyuan Road'],
  ['上水门街', 'Shangshuimen Street'],
  ['下水门街', 'Xiashuimen Street'],
  ['东门街', 'Dongmen Street'],
  ['辜厝巷', 'Gucuo Lane'],
  ['石牌巷', 'Shipai Lane'],
  ['郑厝巷', 'Zhengcuo Lane'],
  ['兴宁巷', 'Xingning Lane'],
]
const KINDS: [StationKind, zh: string, en: string][] = [
  ['micro_post', '微阵地', 'Micro Post'],
  ['contact_point', '党员联系点', 'Party Member Contact Point'],
  ['party_member_shop', '共产党员店', 'Party Member Shop'],
  ['service_station', '便民服务点', 'Service Point'],
]
const SERVICES: ServiceKey[] = ['hot_water', 'charging', 'travel_info', 'restroom', 'first_aid', 'umbrella', 'wifi']
const WISHES: [WishCreate['category'], title: string, description: string][] = [
  ['repair', '阳台晾衣架坏了', '阳台的升降晾衣架摇不下来，想请会修的党员帮忙看看，配件家里有。'],
  ['errands', '帮忙取一下快递', '快递放在巷口驿站，腿脚不便走不远，想请人帮忙取回家。'],
  ['study_aid', '想学手机支付', '想学会用手机扫码付款，去菜市场买菜方便一些。'],
  ['life_help', '换一个灯泡', '客厅的灯泡坏了，梯子太高不敢爬，想请人帮忙换一下。'],
  ['medical_escort', '陪同去医院复诊', '下周二上午要去医院复诊，子女在外地，想请人陪同一起去。'],
]

const post = async (base: string, path: string, body: object, token?: string) => {
  const reply = await callApi(base, 'POST', path, { body, token })
  if (reply.status >= 300) throw new Error(`POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`)
  return reply.body
}
const signIn = async (base: string, openid: string, role: 'staff' | 'resident') =>
  (await post(base, '/api/auth/dev', { openid, role, nickname: `街坊${openid.slice(-2)}` })).token as string

/** The n-th extra station: a street, a kind, services in turn (two in three with hot water), about 1 km around. */
function station(n: number): StationCreate {
  const [street, streetEn] = STREETS[n % STREETS.length]!
  const [kind, kindZh, kindEn] = KINDS[n % KINDS.length]!
  const number = 10 + ((n * 7) % 90)
  const open = n % 5 === 0 ? [] : [['08:00', n % 3 === 0 ? '18:00' : '21:30'] as [string, string]]
  return {
    communityId: ['cm_paifang', 'cm_jiadi', 'cm_yixing', 'cm_xihu', 'cm_dongmen', 'cm_xiashuimen'][n % 6],
    name: `${street}${number}号${kindZh}`,
    nameEn: `${kindEn}, ${number} ${streetEn}`,
    kind,
    address: `潮州市湘桥区${street}${number}号`,
    lat: 23.6605 + ((n * 37) % 100) / 6500,
    lng: 116.6375 + ((n * 53) % 100) / 7000,
    phone: null,
    hours: { weekly: [open, open, open, open, open, open, open] },
    services: SERVICES.filter((_, i) => (n + i) % 3 !== 0).map((key) => ({
      key,
      available: (n + key.length) % 7 !== 0,
    })),
  }
}

/** Adds stations and approved wishes until the town has `BUSIER_TOWN`'s counts; returns what it added. */
export async function makeBusierTown(base: string) {
  const staff = await signIn(base, 'busier-town-staff', 'staff')
  const shownStations = (await callApi(base, 'GET', '/api/stations?limit=100')).body.items.length as number
  for (let n = 0; n < BUSIER_TOWN.stations - shownStations; n++) await post(base, '/api/stations', station(n), staff)

  const shownWishes = (await callApi(base, 'GET', '/api/wishes?limit=50')).body.items.length as number
  const wanted = BUSIER_TOWN.wishes - shownWishes
  // A resident may have a few wishes open at once (QUOTA_WISHES_OPEN): a street of neighbours asks.
  for (let n = 0; n < wanted; n++) {
    const resident = await signIn(
      base,
      `busier-town-resident-${String(Math.floor(n / 4)).padStart(2, '0')}`,
      'resident',
    )
    const [category, title, description] = WISHES[n % WISHES.length]!
    const { wish } = await post(
      base,
      '/api/wishes',
      { category, title: `${title}（${n + 1}）`, description, communityId: 'cm_jiadi', urgent: n % 6 === 0 },
      resident,
    )
    await post(base, `/api/wishes/${wish.id as string}/review`, { decision: 'approve' }, staff)
  }
  return { stations: BUSIER_TOWN.stations - shownStations, wishes: wanted }
}
