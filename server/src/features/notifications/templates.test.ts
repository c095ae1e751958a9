import { loadConfig } from '../../config'
import { DEFAULT_TEMPLATE_FIELDS } from './templates'

describe('WX_TEMPLATE_IDS', () => {
  it('takes a bare template id with its kind’s usual fields, or an id with the template’s own fields', () => {
    const { WX_TEMPLATE_IDS } = loadConfig({
      WX_TEMPLATE_IDS: JSON.stringify({
        booking_confirmed: 'tpl-a',
        wish_claimed: { id: 'tpl-b', fields: { thing2: 'wish', character_string3: 'title' } },
      }),
    })
    expect(WX_TEMPLATE_IDS).toEqual({
      booking_confirmed: { id: 'tpl-a', fields: DEFAULT_TEMPLATE_FIELDS.booking_confirmed },
      wish_claimed: { id: 'tpl-b', fields: { thing2: 'wish', character_string3: 'title' } },
    })
  })

  it('refuses unknown kinds, unknown values and field names WeChat does not use, saying what it expects', () => {
    for (const given of [
      { no_such_kind: 'x' },
      { wish_claimed: { id: 'x', fields: { thing1: 'phone' } } },
      { wish_claimed: { id: 'x', fields: { title: 'wish' } } },
    ])
      expect(() => loadConfig({ WX_TEMPLATE_IDS: JSON.stringify(given) })).toThrow(
        /WX_TEMPLATE_IDS: expected JSON such as/,
      )
  })
})
