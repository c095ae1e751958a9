import { startsInLargeFont } from './large-font'

describe('长辈模式 at start', () => {
  it('turns on by itself when WeChat’s text is set large, not at the standard size', () => {
    expect(startsInLargeFont(undefined, 20)).toBe(true)
    expect(startsInLargeFont(undefined, 26)).toBe(true)
    expect(startsInLargeFont(undefined, 17)).toBe(false)
    expect(startsInLargeFont(undefined, 18)).toBe(false)
  })

  it('follows what the person chose in 设置, whatever WeChat’s text size', () => {
    expect(startsInLargeFont(false, 26)).toBe(false)
    expect(startsInLargeFont(true, 16)).toBe(true)
  })

  it('starts standard where no size is reported (the browser, an old WeChat)', () => {
    expect(startsInLargeFont(undefined, undefined)).toBe(false)
  })
})
