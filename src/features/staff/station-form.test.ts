import type { StaffScope, StationDetail, Town } from '@contract'
import { stationCreateSchema } from '../../../server/src/features/stations/schemas'
import { placeBody, placeDraft, topicBody, topicDraft } from './place-forms'
import { fitPledges, stationBody, stationDraft } from './station-form'

const scope: StaffScope = {
  district: false,
  items: [
    { id: 'cm_paifang', name: '牌坊街社区', nameEn: 'Paifang Street Community' },
    { id: 'cm_jiadi', name: '甲第巷社区', nameEn: 'Jiadi Lane Community' },
  ],
}

const station: StationDetail = {
  id: 'st_tea',
  name: '共产党员店·老街工夫茶铺',
  nameEn: '',
  kind: 'party_member_shop',
  communityId: 'cm_jiadi',
  address: '太平路 128 号',
  lat: 23.66712,
  lng: 116.64388,
  phone: null,
  hours: { weekly: [[], [['09:00', '22:30']], [['09:00', '22:30']], [], [['08:00', '12:00']], [], []] },
  todayHours: [],
  access: { stepFree: 'yes', accessibleToilet: 'unknown', babyCare: 'no', seating: 'unknown' },
  services: [
    { key: 'wifi', available: true, note: null },
    { key: 'hot_water', available: false, note: '检修' },
  ],
  photos: ['/api/uploads/up_1'],
  pledges: ['免费提供开水', '明码标价'],
  openNow: false,
  distanceM: null,
}

/** The town a new place starts at (its centre), as GET /api/town gives it. */
const town: Town = {
  name: '潮州古城',
  nameEn: 'Chaozhou old town',
  intro: '…',
  introEn: '…',
  center: { lat: 23.6665, lng: 116.644 },
  zoom: 16,
}

describe('the station editor’s form', () => {
  it('starts a new station in the first community the staff user acts for, with a body the server takes', () => {
    const draft = stationDraft(scope, null, town)
    expect(draft).toMatchObject({ communityId: 'cm_paifang', lat: '23.6665', lng: '116.644' })
    const body = stationBody({ ...draft, name: '新驿站', address: '牌坊街 1 号' })
    expect(stationCreateSchema.safeParse(body).success).toBe(true)
    expect(body.hours.weekly).toHaveLength(7)
    expect(body.services).toEqual([{ key: 'hot_water', available: true }])
    expect(body).toMatchObject({ nameEn: undefined, phone: null, pledges: [] })
  })

  it('gives back the station it was loaded from: closed days, services in display order, a pledge a line', () => {
    const draft = stationDraft(scope, station, town)
    expect(draft.days[0]).toEqual({ closed: true, open: '09:00', close: '18:00' })
    expect(draft.pledges).toBe('免费提供开水\n明码标价')
    const body = stationBody(draft)
    expect(stationCreateSchema.safeParse(body).success).toBe(true)
    expect(body.hours).toEqual(station.hours)
    expect(body.services).toEqual([
      { key: 'hot_water', available: false },
      { key: 'wifi', available: true },
    ])
    expect(body).toMatchObject({ communityId: 'cm_jiadi', lat: 23.66712, lng: 116.64388, photos: station.photos })
  })

  it('drops blank pledge lines and trims the rest; typed coordinates become numbers', () => {
    const draft = {
      ...stationDraft(scope, station, town),
      pledges: '  雨天借伞 \n\n\n 问路必答',
      lat: '23.5',
      lng: '116.6',
    }
    expect(stationBody(draft)).toMatchObject({ pledges: ['雨天借伞', '问路必答'], lat: 23.5, lng: 116.6 })
  })
})

describe('the guesthouse and topic forms', () => {
  it('start empty in the first community, and leave blank optional fields out of the body', () => {
    const place = placeDraft(scope, town)
    expect(place).toMatchObject({ id: null, communityId: 'cm_paifang', lat: '23.6665', lng: '116.644' })
    expect(placeBody({ ...place, name: '古厝客栈', address: '甲第巷 21 号' })).toEqual({
      communityId: 'cm_paifang',
      name: '古厝客栈',
      address: '甲第巷 21 号',
      lat: 23.6665,
      lng: 116.644,
      roomsNote: null,
      photos: [],
    })
    expect(topicBody({ ...topicDraft(), title: '反诈宣传', description: '常见套路' })).toEqual({
      title: '反诈宣传',
      titleEn: undefined,
      description: '常见套路',
      descriptionEn: undefined,
    })
  })

  it('stops the pledges at ten lines of sixty characters as they are typed, so the API takes what the form shows', () => {
    const typed = Array.from({ length: 12 }, (_, line) => `${line + 1}`.padEnd(70, '诚'))
    const kept = fitPledges(typed.join('\n')).split('\n')
    expect(kept).toHaveLength(10)
    expect(kept.every((pledge) => pledge.length === 60)).toBe(true)
    const draft = { ...stationDraft(scope, station, town), pledges: kept.join('\n') }
    expect(stationCreateSchema.safeParse(stationBody(draft)).success).toBe(true)
    expect(stationCreateSchema.safeParse(stationBody({ ...draft, pledges: typed.join('\n') })).success).toBe(false)
  })
})
