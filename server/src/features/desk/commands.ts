import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../../db/index.js'
import type { DeskTicketsTable } from '../../db/schema.js'
import { recordChange } from '../../shared/audit.js'
import { ApiError, errors } from '../../shared/errors.js'
import { sha256 } from '../../shared/ids.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import type { AuthSessions } from '../auth/auth-sessions.js'
import { DESK_CODE_PREFIX, type DeskPollResponse, type DeskTicket, type DeskTicketCreated } from './schemas.js'

/** Codes stay answerable ("expired") for an hour after they expire, so a desk left open says why; then they go. */
const PURGE_AFTER_MS = 3600_000

type TicketRow = Pick<DeskTicketsTable, 'expires_at' | 'approved_by' | 'used_at'>
const statusOf = (row: TicketRow, now: string): DeskTicket['status'] =>
  row.used_at ? 'used' : row.expires_at <= now ? 'expired' : row.approved_by ? 'approved' : 'pending'

const expired = () =>
  new ApiError(
    409,
    'DESK_CODE_EXPIRED',
    '登录码已过期，请在电脑上刷新后重新扫码',
    'The code has expired; refresh it on the computer and scan again',
  )
const alreadyUsed = () =>
  new ApiError(409, 'DESK_CODE_USED', '该登录码已被确认过，不能再次使用', 'This code has already been approved')

export function createDeskCommands(db: Db, authSessions: AuthSessions, clock: () => Date, ticketSeconds: number) {
  const findRow = async (ticket: string) => {
    const row = await db.selectFrom('desk_tickets').selectAll().where('ticket', '=', ticket).executeTakeFirst()
    if (!row) throw notFound.deskTicket()
    return row
  }

  /** A new code for a desk browser; codes expired for over an hour are cleared out on the way. */
  async function createTicket(browser: string): Promise<DeskTicketCreated> {
    const now = clock()
    const ticket = randomBytes(24).toString('base64url')
    const secret = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now.getTime() + ticketSeconds * 1000).toISOString()
    await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('desk_tickets')
        .where('expires_at', '<', new Date(now.getTime() - PURGE_AFTER_MS).toISOString())
        .execute()
      await trx
        .insertInto('desk_tickets')
        .values({ ticket, secret_hash: sha256(secret), browser, created_at: now.toISOString(), expires_at: expiresAt })
        .execute()
    })
    return { ticket, secret, qrText: `${DESK_CODE_PREFIX}${ticket}`, expiresAt }
  }

  async function describeTicket(ticket: string): Promise<DeskTicket> {
    const row = await findRow(ticket)
    return {
      ticket: row.ticket,
      browser: row.browser,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      status: statusOf(row, clock().toISOString()),
    }
  }

  /** A staff member's phone confirms the code: once, while it is valid; audited, as it opens a session elsewhere. */
  async function approve(actor: User, ticket: string): Promise<DeskTicket> {
    const now = clock().toISOString()
    const row = await findRow(ticket)
    const status = statusOf(row, now)
    if (status === 'expired') throw expired()
    if (status !== 'pending') throw alreadyUsed()
    await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('desk_tickets')
        .set({ approved_by: actor.id, approved_at: now })
        .where('ticket', '=', ticket)
        .where('approved_by', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst()
      // Another phone approved it between the read and this write.
      if (Number(result.numUpdatedRows) !== 1) throw alreadyUsed()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'desk_ticket',
        entityId: ticket,
        action: 'approve',
        detail: { browser: row.browser },
        at: now,
      })
    })
    return describeTicket(ticket)
  }

  /**
   * The desk asks how its code is doing. The one poll that finds it approved takes the session, in the same
   * statement that marks the code used, so two polls racing cannot both get a token.
   */
  async function poll(ticket: string, secret: string): Promise<DeskPollResponse> {
    const row = await findRow(ticket)
    if (!timingSafeEqual(Buffer.from(sha256(secret)), Buffer.from(row.secret_hash))) throw errors.forbidden()
    const now = clock().toISOString()
    const status = statusOf(row, now)
    if (status !== 'approved' || !row.approved_by) return { status }
    const approver = row.approved_by
    return db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('desk_tickets')
        .set({ used_at: now })
        .where('ticket', '=', ticket)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst()
      if (Number(taken.numUpdatedRows) !== 1) return { status: 'used' as const }
      return { status: 'approved' as const, token: await authSessions.issueToken(approver, trx) }
    })
  }

  return { createTicket, describeTicket, approve, poll }
}
