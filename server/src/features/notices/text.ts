import type { Db } from '../../db/index.js'
import { pageUrl } from '../../shared/values/pages.js'
import { shanghaiDateTime } from '../../shared/values/shanghai-clock.js'
import type { NoticeKind } from './notices.js'

/** What a notice is about, looked up when it is read: the lecture's topic, the wish's or the activity's title. */
export interface NoticeSubject {
  topic?: { zh: string; en: string }
  wishTitle?: string
  activityTitle?: string
}

export interface NoticeText {
  title: string
  titleEn: string
  body: string
  bodyEn: string
  link?: string
}

type Payload = Record<string, unknown>
type Words = { zh: string; en: string }
/** The parts of a sentence a kind may use, in both languages. */
interface Parts {
  topic: Words
  time: Words
  wish: Words
  reason: Words
  activity: Words
}

const TEXTS: Record<NoticeKind, (p: Parts) => { title: Words; body: Words }> = {
  booking_confirmed: ({ topic, time }) => ({
    title: { zh: '预约成功', en: 'Booking confirmed' },
    body: {
      zh: `「${topic.zh}」${time.zh} 开讲，您的座位已确认。`,
      en: `"${topic.en}" starts ${time.en}; your seat is confirmed.`,
    },
  }),
  booking_waitlisted: ({ topic, time }) => ({
    title: { zh: '已进入候补', en: 'You are on the waitlist' },
    body: {
      zh: `「${topic.zh}」${time.zh} 的座位已满，有人退出时将按顺序为您递补。`,
      en: `"${topic.en}" on ${time.en} is full; you move up in turn when a seat frees.`,
    },
  }),
  waitlist_promoted: ({ topic, time }) => ({
    title: { zh: '候补成功，已为您留座', en: 'You moved up from the waitlist' },
    body: {
      zh: `「${topic.zh}」${time.zh} 开讲，您已从候补转为正式座位。`,
      en: `"${topic.en}" starts ${time.en}; you now have a seat.`,
    },
  }),
  session_changed: ({ topic, time }) => ({
    title: { zh: '讲座安排有变', en: 'Your lecture has changed' },
    body: {
      zh: `「${topic.zh}」改为 ${time.zh} 开讲，请留意时间和地点。`,
      en: `"${topic.en}" now starts ${time.en}; check the time and place.`,
    },
  }),
  session_cancelled: ({ topic, time, reason }) => ({
    title: { zh: '讲座已取消', en: 'A lecture was cancelled' },
    body: {
      zh: `「${topic.zh}」（${time.zh}）已取消。${reason.zh}`,
      en: `"${topic.en}" (${time.en}) was cancelled.${reason.en}`,
    },
  }),
  session_reminder: ({ topic, time }) => ({
    title: { zh: '讲座即将开始', en: 'Your lecture starts soon' },
    body: {
      zh: `「${topic.zh}」${time.zh} 开讲，到场后记得扫码签到。`,
      en: `"${topic.en}" starts ${time.en}; scan the code to check in when you arrive.`,
    },
  }),
  topic_scheduled: ({ topic, time }) => ({
    title: { zh: '您点的主题开讲了', en: 'A topic you ordered is scheduled' },
    body: { zh: `「${topic.zh}」将于 ${time.zh} 开讲，欢迎预约。`, en: `"${topic.en}" is on ${time.en}; book a seat.` },
  }),
  wish_published: ({ wish }) => ({
    title: { zh: '心愿已上墙', en: 'Your wish is on the wall' },
    body: {
      zh: `「${wish.zh}」已通过审核，等待党员认领。`,
      en: `"${wish.en}" was approved and waits for a party member.`,
    },
  }),
  wish_rejected: ({ wish, reason }) => ({
    title: { zh: '心愿未通过审核', en: 'Your wish was not approved' },
    body: { zh: `「${wish.zh}」未通过审核。${reason.zh}`, en: `"${wish.en}" was not approved.${reason.en}` },
  }),
  wish_claimed: ({ wish }) => ({
    title: { zh: '心愿已被认领', en: 'Your wish was claimed' },
    body: {
      zh: `「${wish.zh}」已有党员认领，对方会与您联系。`,
      en: `A party member claimed "${wish.en}" and will contact you.`,
    },
  }),
  wish_released: ({ wish, reason }) => ({
    title: { zh: '心愿回到心愿墙', en: 'A wish is back on the wall' },
    body: {
      zh: `「${wish.zh}」已放回心愿墙，等待认领。${reason.zh}`,
      en: `"${wish.en}" is back on the wall for someone to claim.${reason.en}`,
    },
  }),
  wish_fulfilled: ({ wish }) => ({
    title: { zh: '心愿已完成，请确认', en: 'Your wish was fulfilled' },
    body: {
      zh: `「${wish.zh}」已标记完成，请确认并留下感谢。`,
      en: `"${wish.en}" was marked done; please confirm it.`,
    },
  }),
  wish_confirmed: ({ wish }) => ({
    title: { zh: '心愿已确认完成', en: 'A wish was confirmed' },
    body: {
      zh: `「${wish.zh}」已确认完成，感谢您的服务。`,
      en: `"${wish.en}" was confirmed as done. Thank you for helping.`,
    },
  }),
  wish_disputed: ({ wish, reason }) => ({
    title: { zh: '心愿有异议', en: 'A wish is disputed' },
    body: {
      zh: `居民认为「${wish.zh}」尚未完成，社区将协调处理。${reason.zh}`,
      en: `The resident says "${wish.en}" is not done yet; the community will sort it out.${reason.en}`,
    },
  }),
  urgent_wish_submitted: ({ wish }) => ({
    title: { zh: '新的急难愁盼心愿', en: 'A new urgent wish' },
    body: { zh: `「${wish.zh}」标记为紧急，请尽快审核。`, en: `"${wish.en}" is marked urgent; please review it soon.` },
  }),
  wish_review_overdue: ({ wish }) => ({
    title: { zh: '心愿审核已超时', en: 'A wish is overdue for review' },
    body: {
      zh: `「${wish.zh}」已超过审核时限，居民还在等待，请尽快审核。`,
      en: `"${wish.en}" has passed its review target; the resident is waiting.`,
    },
  }),
  wish_claim_overdue: ({ wish }) => ({
    title: { zh: '心愿久未认领', en: 'A wish is overdue for a claim' },
    body: {
      zh: `「${wish.zh}」上墙后已超过认领时限，请联系党员认领。`,
      en: `"${wish.en}" has passed its claim target on the wall; ask a party member to take it.`,
    },
  }),
  activity_promoted: ({ activity, time }) => ({
    title: { zh: '候补成功，报名已确认', en: 'You moved up from the waitlist' },
    body: {
      zh: `志愿服务「${activity.zh}」${time.zh} 开始，您已从候补转为正式报名。`,
      en: `"${activity.en}" starts ${time.en}; your place as a volunteer is confirmed.`,
    },
  }),
  activity_changed: ({ activity, time }) => ({
    title: { zh: '志愿服务活动有变', en: 'A volunteer activity changed' },
    body: {
      zh: `志愿服务「${activity.zh}」改为 ${time.zh} 开始，请留意时间和地点。`,
      en: `"${activity.en}" now starts ${time.en}; check the time and place.`,
    },
  }),
  activity_cancelled: ({ activity, time, reason }) => ({
    title: { zh: '志愿服务活动已取消', en: 'A volunteer activity was cancelled' },
    body: {
      zh: `志愿服务「${activity.zh}」（${time.zh}）已取消。${reason.zh}`,
      en: `"${activity.en}" (${time.en}) was cancelled.${reason.en}`,
    },
  }),
  member_verified: () => ({
    title: { zh: '双报到已核实', en: 'Your registration is verified' },
    body: {
      zh: '您的双报到信息已经社区核实，确认为在职党员，可以认领微心愿、报名志愿服务。',
      en: 'Your community has verified your registration: you are a member now and may claim wishes and volunteer.',
    },
  }),
}

/** The lectures' topics, the wishes' and the activities' titles the notices speak of, one lookup each per page. */
export async function subjectsOf(db: Db, payloads: Record<string, unknown>[]) {
  const idsOf = (key: string) => [
    ...new Set(payloads.map((p) => p[key]).filter((v): v is string => typeof v === 'string')),
  ]
  const sessionIds = idsOf('sessionId')
  const wishIds = idsOf('wishId')
  const activityIds = idsOf('activityId')
  const [topics, wishes, activities] = await Promise.all([
    sessionIds.length === 0
      ? []
      : db
          .selectFrom('lecture_sessions as s')
          .innerJoin('lecture_topics as t', 't.id', 's.topic_id')
          .select(['s.id', 't.title', 't.title_en'])
          .where('s.id', 'in', sessionIds)
          .execute(),
    wishIds.length === 0 ? [] : db.selectFrom('wishes').select(['id', 'title']).where('id', 'in', wishIds).execute(),
    activityIds.length === 0
      ? []
      : db.selectFrom('activities').select(['id', 'title']).where('id', 'in', activityIds).execute(),
  ])
  const topicOf = new Map(topics.map((t) => [t.id, { zh: t.title, en: t.title_en }]))
  const wishTitleOf = new Map(wishes.map((w) => [w.id, w.title]))
  const activityTitleOf = new Map(activities.map((a) => [a.id, a.title]))
  return (payload: Record<string, unknown>): NoticeSubject => ({
    topic: topicOf.get(payload.sessionId as string),
    wishTitle: wishTitleOf.get(payload.wishId as string),
    activityTitle: activityTitleOf.get(payload.activityId as string),
  })
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)

/** The words a notice is made of (also what a subscribe message's fields carry). */
export function noticeParts(payload: Payload, subject: NoticeSubject): Parts {
  const startsAt = text(payload.startsAt)
  const reason = text(payload.reason)
  const topicZh = subject.topic?.zh ?? text(payload.topic) ?? '微讲堂'
  return {
    topic: { zh: topicZh, en: subject.topic?.en ?? topicZh },
    time: startsAt ? shanghaiDateTime(startsAt) : { zh: '', en: '' },
    wish: { zh: subject.wishTitle ?? '微心愿', en: subject.wishTitle ?? 'micro-wish' },
    reason: reason ? { zh: `原因：${reason}`, en: ` Reason: ${reason}` } : { zh: '', en: '' },
    activity: { zh: subject.activityTitle ?? '志愿服务', en: subject.activityTitle ?? 'volunteer activity' },
  }
}

/** Title, text and the page it is about, in Chinese and English, from what was recorded when it happened. */
export function noticeText(kind: NoticeKind, payload: Payload, parts: Parts): NoticeText {
  const { title, body } = TEXTS[kind](parts)
  const sessionId = text(payload.sessionId)
  const wishId = text(payload.wishId)
  const activityId = text(payload.activityId)
  const link = sessionId
    ? pageUrl('lectures/session', { id: sessionId })
    : wishId
      ? pageUrl('wishes/detail', { id: wishId })
      : activityId
        ? pageUrl('activities/detail', { id: activityId })
        : undefined
  return { title: title.zh, titleEn: title.en, body: body.zh, bodyEn: body.en, ...(link && { link }) }
}
