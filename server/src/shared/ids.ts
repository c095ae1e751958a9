import { createHash, randomBytes } from 'node:crypto'

/** Short random ids: not guessable, not enumerable, the same text type on SQLite and PostgreSQL. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`

export const newToken = () => randomBytes(32).toString('base64url')

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
