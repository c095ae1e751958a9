import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/index.js'
import { errors } from '../../shared/errors.js'
import { lockPerson } from '../../shared/quota.js'
import { shanghaiDate } from '../../shared/values/shanghai-clock.js'
import type { User } from '../auth/schemas.js'
import { findMemberOf, findService } from '../members/queries.js'
import type { CertificateRequest } from './schemas.js'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 80 random bits in Crockford base32, four groups of four: nothing to count up from or guess at a public check. */
export function newSerial(): string {
  const bytes = randomBytes(16)
  const chars = Array.from(bytes, (byte) => CROCKFORD[byte % 32]!)
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-')
}

const nothingToCertify = () =>
  errors.conflict(
    'NOTHING_TO_CERTIFY',
    '该期间没有已确认的服务时长，无法出具证明',
    'No confirmed hours of service in this period; there is nothing to certify',
  )

/**
 * Issues a certificate of the member's confirmed service in a period, its figures counted as the member record counts
 * them. Under the person's row lock, so the same request tapped twice finds the first one's certificate (same period,
 * same figures) and gets it back ('existing') rather than a second serial for the same thing.
 */
export async function issueCertificate(db: Db, user: User, period: CertificateRequest, now: Date) {
  if (period.to > shanghaiDate(now))
    throw errors.validation([{ field: 'to', message: '不能晚于今天', messageEn: 'must not be after today' }])
  const member = await findMemberOf(db, user.id)
  if (member?.status !== 'verified') throw errors.forbidden()
  return db.transaction().execute(async (trx) => {
    await lockPerson(trx, user.id)
    const service = await findService(trx, user.id, period)
    if (service.hours <= 0) throw nothingToCertify()
    const figures = { hours: service.hours, activities: service.activities, wishes: service.wishes }
    const existing = await trx
      .selectFrom('certificates')
      .select('serial')
      .where('user_id', '=', user.id)
      .where('community_id', '=', member.communityId)
      .where('from_date', '=', period.from)
      .where('to_date', '=', period.to)
      .where('hours', '=', figures.hours)
      .where('activities', '=', figures.activities)
      .where('wishes', '=', figures.wishes)
      .executeTakeFirst()
    if (existing) return { serial: existing.serial, hours: figures.hours, outcome: 'existing' as const }
    const serial = newSerial()
    await trx
      .insertInto('certificates')
      .values({
        serial,
        user_id: user.id,
        community_id: member.communityId,
        from_date: period.from,
        to_date: period.to,
        ...figures,
        issued_at: now.toISOString(),
      })
      .execute()
    return { serial, hours: figures.hours, outcome: 'stored' as const }
  })
}
