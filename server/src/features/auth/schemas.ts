import { z } from 'zod'
import { identifier, line, token } from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'

export const ROLES = ['tourist', 'resident', 'member', 'staff'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export const userSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  role: roleSchema,
})
export type User = z.infer<typeof userSchema>

export const authResponseSchema = z.object({
  token: z.string(),
  user: userSchema,
})
export type AuthResponse = z.infer<typeof authResponseSchema>

export const wechatLoginBodySchema = z.object({
  code: token(128),
})

export const devLoginBodySchema = z.object({
  openid: line(64),
  role: roleSchema.optional(),
  nickname: line(32).optional(),
  /** Binds a staff or member user to this community; a dev staff user without one covers every community. */
  communityId: identifier().optional(),
})
export type DevLoginBody = z.infer<typeof devLoginBodySchema>

export const loginOptionsSchema = z.object({
  wechat: z.boolean().describe('POST /api/auth/wechat works: AUTH_MODE is wechat or cloud'),
  dev: z.boolean().describe('POST /api/auth/dev exists: AUTH_DEV_LOGIN=1 with NODE_ENV development or test'),
})
export type LoginOptions = z.infer<typeof loginOptionsSchema>

export const meResponseSchema = z.object({ user: userSchema })
export type MeResponse = z.infer<typeof meResponseSchema>

/** A plain logout may come with no body at all (WeChat's is empty); `everywhere` also ends the person's sessions on other devices. */
export const logoutBodySchema = z.object({ everywhere: z.boolean().optional() }).nullish()
export const logoutResponseSchema = z.object({ sessionsEnded: z.number().int() })
export type LogoutResponse = z.infer<typeof logoutResponseSchema>

nameSchemas({
  Role: roleSchema,
  User: userSchema,
  AuthResponse: authResponseSchema,
  LoginOptions: loginOptionsSchema,
  MeResponse: meResponseSchema,
  LogoutResponse: logoutResponseSchema,
})
