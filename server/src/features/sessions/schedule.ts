import { errors } from '../../shared/errors.js'
import type { IssueExplanation } from '../../shared/validation.js'

const DAY_MS = 86_400_000
/** A session may be entered up to a day late (filed after it was held) and at most a year ahead. */
export const SCHEDULE_FROM_MS = -DAY_MS
export const SCHEDULE_UNTIL_MS = 365 * DAY_MS
/** Longer than a working day is a typo, not a lecture. */
export const MAX_SESSION_MS = 8 * 3600_000

/**
 * The time rules of scheduling and rescheduling. `sent` are the times the request gives (each must fall in the
 * window); `startsAt`/`endsAt` the resulting pair, a PATCH's missing one taken from the stored session.
 */
export function sessionTimeIssues(
  sent: { startsAt?: string; endsAt?: string },
  startsAt: string,
  endsAt: string,
  now: Date,
): IssueExplanation[] {
  const issues: IssueExplanation[] = []
  const earliest = now.getTime() + SCHEDULE_FROM_MS
  const latest = now.getTime() + SCHEDULE_UNTIL_MS
  for (const field of ['startsAt', 'endsAt'] as const) {
    const at = sent[field]
    if (at !== undefined && (Date.parse(at) < earliest || Date.parse(at) > latest)) {
      issues.push({
        field,
        message: '须在一天前至一年内',
        messageEn: 'must be between one day ago and one year from now',
      })
    }
  }
  const length = Date.parse(endsAt) - Date.parse(startsAt)
  if (length <= 0) issues.push({ field: 'endsAt', message: '须晚于开始时间', messageEn: 'must be after startsAt' })
  else if (length > MAX_SESSION_MS)
    issues.push({ field: 'endsAt', message: '一场讲座最长 8 小时', messageEn: 'a session lasts at most 8 hours' })
  return issues
}

/** The time rules as a request's 400, naming each refused field. */
export function assertSessionTimes(...rules: Parameters<typeof sessionTimeIssues>): void {
  const issues = sessionTimeIssues(...rules)
  if (issues.length) throw errors.validation(issues)
}
