import type { FastifyRequest } from 'fastify'
import type { Config } from '../../config.js'
import type { Db } from '../../db/index.js'
import { newId, newToken, sha256 } from '../../shared/ids.js'
import { setPhotoUses } from '../uploads/uses.js'
import type { Role, User } from './schemas.js'

/**
 * Who is signed in: the people (users) and their login sessions, the bearer tokens stored hashed in `sessions`. Not
 * to be confused with a lecture session (`lecture_sessions`), which is a micro-lecture on the calendar.
 */
export interface AuthSessions {
  /** Creates the user on first sight; later logins keep the role unless one is given. `executor`: a transaction to join. */
  upsertUser(openid: string, changes: { role?: Role; nickname?: string }, executor?: Db): Promise<User>
  /** A new session of the user; `executor`: a transaction to join, so the session exists only if the rest is written. */
  issueToken(userId: string, executor?: Db): Promise<string>
  authenticate(request: FastifyRequest): Promise<User | null>
  deleteAccount(userId: string): Promise<void>
  /** Ends the session the request carries, or every session of its person; returns how many ended. */
  endAuthSessions(request: FastifyRequest, userId: string, everywhere: boolean): Promise<number>
}

const DEFAULT_ROLE: Role = 'tourist'
const defaultNickname = (openid: string) => `游客${sha256(openid).slice(0, 4).toUpperCase()}`

export function createAuthSessions(db: Db, config: Config, clock: () => Date): AuthSessions {
  const ttlMs = config.SESSION_TTL_HOURS * 3600 * 1000

  async function upsertUser(
    openid: string,
    changes: { role?: Role; nickname?: string },
    executor: Db = db,
  ): Promise<User> {
    const now = clock().toISOString()
    // One statement, so two first logins racing for the same openid cannot create two users.
    await executor
      .insertInto('users')
      .values({
        id: newId('u'),
        openid,
        nickname: changes.nickname ?? defaultNickname(openid),
        role: changes.role ?? DEFAULT_ROLE,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('openid').doUpdateSet((eb) => ({
          role: changes.role ?? eb.ref('users.role'),
          nickname: changes.nickname ?? eb.ref('users.nickname'),
          updated_at: now,
        })),
      )
      .execute()
    return executor
      .selectFrom('users')
      .select(['id', 'nickname', 'role'])
      .where('openid', '=', openid)
      .executeTakeFirstOrThrow()
  }

  async function issueToken(userId: string, executor: Db = db): Promise<string> {
    const token = newToken()
    const now = clock()
    await executor
      .insertInto('sessions')
      .values({
        token_hash: sha256(token),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      })
      .execute()
    return token
  }

  const bearerTokenOf = (request: FastifyRequest) => {
    const header = request.headers.authorization
    return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
  }

  async function authenticate(request: FastifyRequest): Promise<User | null> {
    const token = bearerTokenOf(request)
    if (token) {
      const user = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.nickname', 'users.role'])
        .where('sessions.token_hash', '=', sha256(token))
        .where('sessions.expires_at', '>', clock().toISOString())
        .executeTakeFirst()
      if (user) return user
    }
    // WeChat Cloud Hosting puts the caller's openid in this header; trusted only when deployed there.
    const cloudOpenid = request.headers['x-wx-openid']
    if (config.AUTH_MODE === 'cloud' && typeof cloudOpenid === 'string' && cloudOpenid) {
      return upsertUser(cloudOpenid, {})
    }
    return null
  }

  /** Removes what identifies a person; what they did stays as anonymous counts (wishes, bookings). */
  async function deleteAccount(userId: string): Promise<void> {
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
      await trx.deleteFrom('members').where('user_id', '=', userId).execute()
      await trx.deleteFrom('staff_communities').where('user_id', '=', userId).execute()
      const ownWishes = (await trx.selectFrom('wishes').select('id').where('resident_id', '=', userId).execute()).map(
        (wish) => wish.id,
      )
      await trx
        .updateTable('wishes')
        .set({ contact_phone: null, resident_id: null, photos_json: '[]', updated_at: at })
        .where('resident_id', '=', userId)
        .execute()
      for (const wishId of ownWishes) await setPhotoUses(trx, 'wish', wishId, [])
      // Their own photos go, except those staff put on a station or guesthouse page, which belong to the place now.
      await trx
        .deleteFrom('uploads')
        .where('owner_id', '=', userId)
        .where('id', 'not in', (eb) =>
          eb.selectFrom('photo_uses').select('upload_id').where('owner_kind', 'in', ['station', 'guesthouse']),
        )
        .execute()
      await trx.updateTable('uploads').set({ owner_id: null }).where('owner_id', '=', userId).execute()
      await trx.deleteFrom('notice_consents').where('user_id', '=', userId).execute()
      await trx.deleteFrom('inbox_notices').where('user_id', '=', userId).execute()
      await trx
        .deleteFrom('outbox')
        .where('user_id', '=', userId)
        .where('status', 'in', ['pending', 'sending'])
        .execute()
      await trx
        .updateTable('users')
        .set({ openid: `deleted:${userId}`, nickname: '已注销用户', role: 'tourist', updated_at: at })
        .where('id', '=', userId)
        .execute()
    })
  }

  async function endAuthSessions(request: FastifyRequest, userId: string, everywhere: boolean): Promise<number> {
    const token = bearerTokenOf(request)
    if (!everywhere && !token) return 0
    const result = await db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(!everywhere, (q) => q.where('token_hash', '=', sha256(token ?? '')))
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  }

  return { upsertUser, issueToken, authenticate, deleteAccount, endAuthSessions }
}
