import { wishCreateSchema } from '../../../server/src/features/wishes/schemas'
import { NEW_WISH, wishBody, wishProblems } from './wish-form'

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
