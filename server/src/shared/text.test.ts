import { toCsv } from './csv'
import { findBlockedWord } from './content-check'
import { BIDI_CONTROL, hasVisibleText, normalizeForChecking } from './text'

/** Characters that render as nothing, each able to split a word for a filter that does not take them out. */
const INVISIBLE = {
  'zero-width space': '\u200B',
  'zero-width non-joiner': '\u200C',
  'zero-width joiner': '\u200D',
  'word joiner': '\u2060',
  'soft hyphen': '\u00AD',
  'byte order mark': '\uFEFF',
  'left-to-right mark': '\u200E',
  'Mongolian vowel separator': '\u180E',
  'variation selector 16': '\uFE0F',
  'combining grapheme joiner': '\u034F',
  'Hangul filler': '\u3164',
  'invisible times': '\u2062',
}

describe('text as a check reads it', () => {
  it.each(Object.entries(INVISIBLE))('takes out a %s', (_name, invisible) => {
    expect(normalizeForChecking(`网${invisible}赌`)).toBe('网赌')
    expect(normalizeForChecking(`${invisible}${invisible}=1+1`)).toBe('=1+1')
  })

  it('folds compatibility forms (NFKC): fullwidth letters, digits and signs, circled and small forms', () => {
    expect(normalizeForChecking('ｋ粉　１２３')).toBe('k粉 123')
    expect(normalizeForChecking('＝＋－＠')).toBe('=+-@')
    expect(normalizeForChecking('﹦SUM(A1)')).toBe('=SUM(A1)')
    expect(normalizeForChecking('①')).toBe('1')
    expect(normalizeForChecking('好的，谢谢！')).toBe('好的,谢谢!')
  })

  it('leaves ordinary text as it is, line breaks, tabs and emoji included', () => {
    for (const text of ['饮水机坏了。下午两点后没有热水', 'first line\nsecond\tline', '雨伞 ☂ 借还', '—— 潮州'])
      expect(normalizeForChecking(text)).toBe(text)
  })

  it('composes what an invisible character kept apart', () => {
    expect(normalizeForChecking('e\u200B\u0301')).toBe('é')
  })

  it('calls text with nothing but invisible characters and spaces blank', () => {
    for (const blank of ['\u200B\u200D', '\u3000 \u00A0', '\u3164\uFFA0', '\u2800', '\uFE0F\u034F'])
      expect(hasVisibleText(blank)).toBe(false)
    expect(hasVisibleText('\u200B好\u200B')).toBe(true)
  })

  it('knows the bidi controls that reorder text, and only those', () => {
    for (let code = 0x202a; code <= 0x202e; code++) expect(BIDI_CONTROL.test(String.fromCodePoint(code))).toBe(true)
    for (let code = 0x2066; code <= 0x2069; code++) expect(BIDI_CONTROL.test(String.fromCodePoint(code))).toBe(true)
    for (const mark of ['\u200E', '\u200F', '\u061C', '\u200B', 'abc']) expect(BIDI_CONTROL.test(mark)).toBe(false)
  })
})

describe('the word list', () => {
  it.each(Object.entries(INVISIBLE))('finds a blocked word split by a %s', (_name, invisible) => {
    expect(findBlockedWord(`加微信带你网${invisible}赌`)).toBe('网赌')
    expect(findBlockedWord(`出售冰${invisible}${invisible}毒`)).toBe('冰毒')
  })
})

describe('CSV cells', () => {
  const cells = (text: string) => toCsv([[text]]).slice(1, -2)

  it('writes a cell that would start a formula as text, after the same normalization', () => {
    for (const formula of [
      '=HYPERLINK("http://x")',
      '+1',
      '-1',
      '@SUM(A1)',
      '\tx',
      '＝HYPERLINK("http://x")',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\u200B=1+1',
      '\uFEFF@x',
      '\u2060\u00AD+1',
      '  =1+1',
      '\u3000＝1',
    ])
      expect(cells(formula).replace(/^"/, '')).toMatch(/^'/)
  })

  it('keeps other cells as they are, quoting those with commas, quotes or line breaks', () => {
    expect(cells('张秀英')).toBe('张秀英')
    expect(cells('a=b')).toBe('a=b')
    expect(cells('1,2')).toBe('"1,2"')
    expect(cells('说"好"')).toBe('"说""好"""')
    expect(toCsv([[1, null, 'x']])).toBe('\uFEFF1,,x\r\n')
  })
})
