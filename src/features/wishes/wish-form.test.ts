import { wishCreateSchema } from '../../../server/src/features/wishes/schemas'
import { NEW_ON_BEHALF_WISH, NEW_WISH, wishBody, wishProblems } from './wish-form'

const filled = {
  ...NEW_WISH,
  title: '  帮忙代买降压药 ',
  description: '腿脚不便，想请人帮忙去药店。\n',
  communityId: 'cm_xihu',
}

describe('posting a wish', () => {
  it('says what to fix before sending: title, description, community, a phone that is not one', () => {
    expect(wishProblems(NEW_WISH)).toEqual({
      title: 'wishes.needTitle',
      description: 'wishes.needDescription',
      communityId: 'wishes.needCommunity',
    })
    expect(wishProblems({ ...filled, title: ' 药 ' })).toEqual({ title: 'wishes.needTitle' })
    expect(wishProblems({ ...filled, contactPhone: '12345' })).toEqual({ contactPhone: 'wishes.badPhone' })
    expect(wishProblems({ ...filled, contactPhone: '13800001111' })).toEqual({})
    expect(wishProblems({ ...filled, contactPhone: '0768-2222001' })).toEqual({})
  })

  it('sends trimmed text, leaves blank optional fields out and names photos by their upload ids', () => {
    const photos = [{ id: 'up_1', url: '/api/uploads/up_1', preview: 'wxfile://tmp_1.jpg' }]
    const body = wishBody({ ...filled, urgent: true, photos })
    expect(body).toEqual({
      category: 'life_help',
      title: '帮忙代买降压药',
      description: '腿脚不便，想请人帮忙去药店。',
      communityId: 'cm_xihu',
      contactPhone: undefined,
      urgent: true,
      preferredTime: undefined,
      photoIds: ['up_1'],
    })
    expect(wishCreateSchema.safeParse(body).success).toBe(true)
  })
})

describe('posting a wish for a resident (代办, staff)', () => {
  const forResident = {
    ...filled,
    ...NEW_ON_BEHALF_WISH,
    title: filled.title,
    description: filled.description,
    communityId: filled.communityId,
  }

  it('asks for the resident’s name, a phone that is one, how they agreed, and the staff member’s own phone', () => {
    expect(wishProblems(forResident)).toEqual({
      contactPhone: 'wishes.needStaffPhone',
      residentName: 'wishes.needResidentName',
      residentPhone: 'wishes.badPhone',
      consent: 'wishes.needConsent',
    })
    const done = {
      ...forResident,
      contactPhone: '0768-2221234',
      onBehalf: { name: ' 陈阿婆 ', phone: '13800001111', consent: 'phone' as const },
    }
    expect(wishProblems(done)).toEqual({})
    const body = wishBody(done)
    expect(body).toMatchObject({
      contactPhone: '0768-2221234',
      onBehalfOf: { name: '陈阿婆', phone: '13800001111' },
      consent: 'phone',
    })
    expect(wishCreateSchema.safeParse(body).success).toBe(true)
  })
})
