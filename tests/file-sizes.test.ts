import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, sourceFiles } from './support/source-files'

/** A source file longer than this is doing two things: split it by what each part is for. */
const MAX_LINES = 350
/** Source folders the rule covers, tests included. */
const FOLDERS = ['src', 'server/src']
/**
 * What is long because it is a list, not code: the two locale dictionaries, the demo's data tables and the API types
 * `npm run contract` generates from the OpenAPI document.
 */
const LISTS = [
  /^src\/shared\/locales\//,
  /^server\/src\/demo\/(places|activity)\.ts$/,
  /^src\/shared\/openapi\.gen\.ts$/,
]
const SOURCE = /\.(ts|tsx|js|mjs|scss)$/

describe('Source files', () => {
  it(`are at most ${MAX_LINES} lines, except locale dictionaries and data`, () => {
    const tooLong = FOLDERS.flatMap((folder) => sourceFiles(folder, SOURCE))
      .filter((file) => !LISTS.some((list) => list.test(file)))
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`)
    expect(tooLong).toEqual([])
  })
})
