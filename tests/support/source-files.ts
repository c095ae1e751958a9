import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The repository's root, which the listing tests read from. */
export const root = join(__dirname, '..', '..')

/** The files under `folder` (relative to the root) whose names match `name`, as paths relative to the root. */
export function sourceFiles(folder: string, name: RegExp): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}
