import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { notFound } from '../../shared/not-found.js'
import { assertActsFor } from '../community/scope.js'
import { issueCertificate } from './commands.js'
import { renderCertificate } from './document.js'
import { checkCertificate, findCertificate } from './queries.js'
import {
  certificateCheckSchema,
  certificateIssuedSchema,
  certificateRequestSchema,
  serialParamsSchema,
} from './schemas.js'

const tags = ['members', 'certificates']

/**
 * Certificates of volunteer service (志愿服务证明): a verified member asks for one over a period, gets it as a PDF to
 * print or send, and anyone holding it can check its serial (the PDF's QR code opens that check).
 */
export const certificateRoutes =
  (db: Db, clock: () => Date, publicBaseUrl: string | undefined): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/me/member/certificates',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'Ask for a certificate of my volunteer service (verified 双报到 members)',
          description:
            'The period is Shanghai calendar dates, both included, from ≤ to, not after today. Its figures are the ' +
            'member record’s for the period (confirmed hours only). 409 NOTHING_TO_CERTIFY when the period holds no ' +
            'confirmed hours. The same period with the same figures again: 200 with that certificate.',
          errors: [403, 409],
          tags,
          body: certificateRequestSchema,
          response: { 201: certificateIssuedSchema, 200: certificateIssuedSchema },
        },
      },
      async (request, reply) => {
        const { from, to } = request.body
        const issued = await issueCertificate(db, signedIn(request.user), request.body, clock())
        return reply.status(issued.outcome === 'stored' ? 201 : 200).send({
          serial: issued.serial,
          hours: issued.hours,
          from,
          to,
          url: `/api/certificates/${issued.serial}.pdf`,
        })
      },
    )

    app.get(
      '/api/certificates/:serial.pdf',
      {
        config: { access: 'user' },
        schema: {
          summary: 'A certificate as a one-page A4 PDF (its holder; staff of their community)',
          description:
            'Full name, work unit, community, period, hours, activities and wishes, the issuing community, the date, ' +
            'the serial and a QR code of the public check (PUBLIC_BASE_URL, or this server’s address, + ' +
            '/api/certificates/{serial}). Staff of another community: 403; anyone else: 404.',
          errors: [403, 404],
          tags,
          params: serialParamsSchema,
          produces: ['application/pdf'],
          response: { 200: z.instanceof(Buffer).describe('The PDF’s bytes') },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        const certificate = await findCertificate(db, request.params.serial)
        if (user.role === 'staff') await assertActsFor(db, user, certificate.communityId)
        else if (certificate.userId !== user.id) throw notFound.certificate()
        const pdf = await renderCertificate(certificate, publicBaseUrl ?? `${request.protocol}://${request.host}`)
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-cache')
          .header('content-disposition', `inline; filename="certificate-${certificate.serial}.pdf"`)
          .send(pdf)
      },
    )

    app.get(
      '/api/certificates/:serial',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Check a certificate (anyone)',
          description:
            'What the QR code on a certificate opens: the figures, the masked name and the issuing community, nothing ' +
            'else about the person. valid turns false once the period’s confirmed hours were corrected below the ' +
            'certificate’s figure. Unknown serial: 404.',
          errors: [404],
          tags,
          params: serialParamsSchema,
          response: { 200: certificateCheckSchema },
        },
      },
      async (request, reply) =>
        reply.header('cache-control', 'no-cache').send(await checkCertificate(db, request.params.serial)),
    )
  }
