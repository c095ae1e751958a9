import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import { maskName } from '../wishes/views.js'
import { findService } from '../members/queries.js'
import type { CertificateCheck } from './schemas.js'

/** A certificate with what it shows of its holder: their registration's name and work unit, the issuing community. */
export async function findCertificate(db: Db, serial: string) {
  const row = await db
    .selectFrom('certificates as c')
    .innerJoin('communities as cm', 'cm.id', 'c.community_id')
    .leftJoin('members as m', 'm.user_id', 'c.user_id')
    .select([
      'c.serial',
      'c.user_id',
      'c.community_id',
      'c.from_date',
      'c.to_date',
      'c.hours',
      'c.activities',
      'c.wishes',
      'c.issued_at',
      'cm.name as community_name',
      'm.real_name',
      'm.work_unit',
    ])
    .where('c.serial', '=', serial)
    .executeTakeFirst()
  if (!row) throw notFound.certificate()
  return {
    serial: row.serial,
    userId: row.user_id,
    communityId: row.community_id,
    communityName: row.community_name,
    realName: row.real_name ?? '',
    workUnit: row.work_unit ?? '',
    from: row.from_date,
    to: row.to_date,
    hours: Number(row.hours),
    activities: Number(row.activities),
    wishes: Number(row.wishes),
    issuedAt: row.issued_at,
  }
}
export type CertificateRecord = Awaited<ReturnType<typeof findCertificate>>

/**
 * What anyone checking a certificate may see: the figures, the masked name, the community. Still valid while the
 * period's confirmed hours, counted now as the record counts them, reach the certificate's figure; a correction below it
 * (staff setting a sign-up's hours lower) makes it invalid.
 */
export async function checkCertificate(db: Db, serial: string): Promise<CertificateCheck> {
  const certificate = await findCertificate(db, serial)
  const now = await findService(db, certificate.userId, certificate)
  return {
    serial: certificate.serial,
    valid: now.hours >= certificate.hours,
    nameMasked: maskName(certificate.realName),
    hours: certificate.hours,
    from: certificate.from,
    to: certificate.to,
    community: certificate.communityName,
    issuedAt: certificate.issuedAt,
  }
}
