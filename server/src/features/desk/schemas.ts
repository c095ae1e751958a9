import { z } from 'zod'
import { token } from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'

export const DESK_CODE_PREFIX = 'oldtown-desk:'

export const deskTicketParamsSchema = z.object({ ticket: token(64) })

export const deskTicketCreatedSchema = z.object({
  ticket: z.string().describe('Names this sign-in; printed in the code, so not a secret'),
  secret: z.string().describe('Kept by the desk page only, sent with each poll; never in the code'),
  qrText: z.string().describe(`What the code encodes: ${DESK_CODE_PREFIX}<ticket>`),
  expiresAt: z.iso.datetime(),
})
export type DeskTicketCreated = z.infer<typeof deskTicketCreatedSchema>

export const DESK_TICKET_STATUSES = ['pending', 'approved', 'expired', 'used'] as const
export const deskTicketStatusSchema = z.enum(DESK_TICKET_STATUSES)
export type DeskTicketStatus = z.infer<typeof deskTicketStatusSchema>

/** What the phone shows before approving: which browser asked, and when its code was made. */
export const deskTicketSchema = z.object({
  ticket: z.string(),
  browser: z.string().describe('The desk browser as it named itself, e.g. "Chrome 131 · Windows"'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: deskTicketStatusSchema,
})
export type DeskTicket = z.infer<typeof deskTicketSchema>

export const deskPollBodySchema = z.object({ secret: token(128) })

export const deskPollResponseSchema = z.object({
  status: deskTicketStatusSchema,
  token: z.string().optional().describe('Only in the one answer that finds the code approved: the new session'),
})
export type DeskPollResponse = z.infer<typeof deskPollResponseSchema>

nameSchemas({
  DeskTicketCreated: deskTicketCreatedSchema,
  DeskTicketStatus: deskTicketStatusSchema,
  DeskTicket: deskTicketSchema,
  DeskPollResponse: deskPollResponseSchema,
})
