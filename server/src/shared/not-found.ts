import { errors } from './errors.js'

/** One 404 per kind of thing, so every route that misses a session or a wish says it the same way. */
export const notFound = {
  station: () => errors.notFound('找不到该服务站', 'No such station'),
  stationService: (key: string) => errors.notFound('该服务站没有这项服务', `This station does not offer ${key}`),
  report: () => errors.notFound('找不到该反馈', 'No such report'),
  session: () => errors.notFound('找不到该场次', 'No such session'),
  booking: () => errors.notFound('您没有预约该场次', 'You have no booking for this session'),
  guesthouse: () => errors.notFound('找不到该民居客栈', 'No such guesthouse'),
  topic: () => errors.notFound('找不到该主题', 'No such topic'),
  activity: () => errors.notFound('找不到该志愿服务活动', 'No such volunteer activity'),
  signup: () => errors.notFound('您没有报名该活动', 'You have not signed up for this activity'),
  wish: () => errors.notFound('找不到该心愿', 'No such wish'),
  registration: () => errors.notFound('找不到该报到记录', 'No such registration'),
  certificate: () => errors.notFound('找不到该证书，请核对编号', 'No such certificate; check the serial'),
  photo: () => errors.notFound('找不到该图片', 'No such photo'),
  deskTicket: () =>
    errors.notFound('找不到该登录码，请在电脑上刷新', 'No such sign-in code; refresh it on the computer'),
}
