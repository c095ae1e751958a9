/**
 * DEMO DATA (what people did) — plausible, not official: menu topics, upcoming and past lectures, residents' wishes and
 * the verified party members who served. Ids carry `demo`; times count from when the demo is loaded.
 */
export const DEMO_TOPICS = [
  [
    'tp_theory',
    '党的创新理论',
    'The Party’s new theories',
    '用身边事讲清新思想，20 分钟一讲，留足提问时间。',
    'New ideas told through everyday stories: 20-minute talks with plenty of time for questions.',
  ],
  [
    'tp_history',
    '潮州历史文化',
    'Chaozhou history and culture',
    '从广济桥到牌坊街，讲古城的来历和老规矩。',
    'From Guangji Bridge to Paifang Street: how the old town came to be and its customs.',
  ],
  [
    'tp_antifraud',
    '反诈宣传',
    'Avoiding scams',
    '常见电信诈骗套路与应对，适合长者和家属一起听。',
    'Common phone and online scams and how to respond; good for elders and their families.',
  ],
  [
    'tp_waste',
    '垃圾分类',
    'Waste sorting',
    '古城小巷里的分类投放怎么做，哪里能投大件。',
    'How to sort waste in the old town’s lanes and where bulky items go.',
  ],
  [
    'tp_health',
    '健康养生',
    'Health and wellbeing',
    '社区医生讲慢病管理、用药安全和急救常识。',
    'Community doctors on chronic illness, safe medication and first aid.',
  ],
  [
    'tp_tea',
    '工夫茶与非遗',
    'Gongfu tea and intangible heritage',
    '潮州工夫茶、潮绣、木雕等非遗的故事与体验。',
    'Stories and hands-on time with Gongfu tea, Chao embroidery and wood carving.',
  ],
  [
    'tp_civility',
    '文明旅游',
    'Responsible tourism',
    '旺季古城的文明劝导、垃圾不落地和邻里相处。',
    'Busy seasons in the old town: courtesy, litter and living with visitors.',
  ],
] as const

/** Upcoming demo sessions: [id, topic, guesthouse, days from seeding, capacity, speaker]. */
export const DEMO_SESSIONS = [
  ['ls_demo_history', 'tp_history', 'gh_jiadi', 1, 20, '陈老师（潮州文史研究者）'],
  ['ls_demo_antifraud', 'tp_antifraud', 'gh_yixing', 2, 30, '湘桥公安反诈民警'],
  ['ls_demo_tea', 'tp_tea', 'gh_xumafu', 3, 12, '林师傅（工夫茶非遗传承人）'],
  ['ls_demo_health', 'tp_health', 'gh_ximalu', 5, 15, '社区卫生服务中心 黄医生'],
] as const

/**
 * Residents' wishes already reviewed and on the wall, so the wall is not empty on a first visit: posted `hoursAgo`,
 * reviewed and published `reviewedAfterHours` later (the urgent one at once, one over a weekend past the 24 h target).
 */
export const DEMO_WISHES = [
  {
    id: 'wi_demo_medicine',
    resident: ['u_demo_chen', '陈秀珍'],
    category: 'errands',
    title: '帮忙代买降压药',
    description: '老伴住院了，我腿脚不便下不了楼，想请人帮忙去药店买一盒常吃的降压药，药盒可以拍照给您。',
    communityId: 'cm_xihu',
    phone: '13800001111',
    urgent: 1,
    preferredTime: '上午',
    hoursAgo: 3,
    reviewedAfterHours: 0.5,
  },
  {
    id: 'wi_demo_faucet',
    resident: ['u_demo_huang', '黄伯'],
    category: 'repair',
    title: '厨房水龙头一直滴水',
    description: '厨房水龙头关不紧，一直滴水，自己年纪大了修不了，工具家里有。',
    communityId: 'cm_jiadi',
    phone: '13800002222',
    urgent: 0,
    preferredTime: '周末下午',
    hoursAgo: 20,
    reviewedAfterHours: 4,
  },
  {
    id: 'wi_demo_phone',
    resident: ['u_demo_zheng', '郑婆婆'],
    category: 'study_aid',
    title: '想学用手机挂号和视频通话',
    description: '孙子在外地读书，想学会用手机和他视频，也想学会在手机上给医院挂号。',
    communityId: 'cm_paifang',
    phone: null,
    urgent: 0,
    preferredTime: '工作日晚上',
    hoursAgo: 40,
    reviewedAfterHours: 26,
  },
] as const

/**
 * The past twelve weeks of service, so the figures' weekly trends are not flat on a first visit: party members
 * verified, wishes done and confirmed, lectures held with check-ins. `daysAgo` counts back from seeding.
 */
export const DEMO_MEMBERS = [
  ['u_demo_member_lin', '林志强', 'cm_paifang', 80],
  ['u_demo_member_wu', '吴晓燕', 'cm_jiadi', 66],
  ['u_demo_member_cai', '蔡建华', 'cm_xihu', 52],
  ['u_demo_member_xu', '许丽娟', 'cm_yixing', 38],
  ['u_demo_member_zhuang', '庄伟明', 'cm_dongmen', 24],
  ['u_demo_member_ke', '柯少芬', 'cm_xiashuimen', 10],
] as const

/**
 * [id, title, category, community, resident, claimant (index in DEMO_MEMBERS), days ago confirmed, hours served,
 * urgent (急难)].
 */
export const DEMO_DONE_WISHES = [
  ['wi_demo_done_1', '帮忙换厨房灯泡', 'repair', 'cm_paifang', 'u_demo_zheng', 0, 76, 1, false],
  ['wi_demo_done_2', '陪同去医院复诊', 'medical_escort', 'cm_jiadi', 'u_demo_huang', 1, 62, 3, false],
  ['wi_demo_done_3', '教我用手机缴电费', 'study_aid', 'cm_paifang', 'u_demo_zheng', 0, 55, 1, false],
  ['wi_demo_done_4', '代取社区发放的慰问品', 'errands', 'cm_xihu', 'u_demo_chen', 2, 47, 1, false],
  ['wi_demo_done_5', '修好漏水的阳台水管', 'repair', 'cm_jiadi', 'u_demo_huang', 1, 40, 2, false],
  ['wi_demo_done_6', '帮忙整理旧衣物捐赠', 'errands', 'cm_xihu', 'u_demo_chen', 2, 33, 2, false],
  ['wi_demo_done_7', '陪老人聊聊天读读报', 'companionship', 'cm_yixing', 'u_demo_chen', 3, 26, 2, false],
  ['wi_demo_done_8', '帮忙预约流感疫苗', 'errands', 'cm_dongmen', 'u_demo_huang', 4, 15, 1, false],
  ['wi_demo_done_9', '疏通卫生间下水道', 'repair', 'cm_xiashuimen', 'u_demo_zheng', 5, 4, 1.5, false],
  ['wi_demo_done_10', '夜里发烧，陪同去医院急诊', 'medical_escort', 'cm_dongmen', 'u_demo_huang', 4, 11, 3, true],
] as const

/**
 * When each done wish moved, in hours after it was posted: [reviewed and published, first claimed, fulfilled,
 * confirmed]. They give 响应时效 real medians: most reviewed within the 24 h target and claimed within 72 h, one review
 * over a weekend (30 h) and one claim that waited four days; the urgent one reviewed and claimed within the hour.
 */
export const DEMO_DONE_WISH_TIMES: Record<
  (typeof DEMO_DONE_WISHES)[number][0],
  readonly [reviewed: number, claimed: number, fulfilled: number, confirmed: number]
> = {
  wi_demo_done_1: [4, 20, 46, 70],
  wi_demo_done_2: [3, 9, 72, 96],
  wi_demo_done_3: [18, 50, 96, 120],
  wi_demo_done_4: [2, 7, 26, 50],
  wi_demo_done_5: [30, 40, 64, 88],
  wi_demo_done_6: [6, 98, 146, 170],
  wi_demo_done_7: [5, 27, 75, 99],
  wi_demo_done_8: [1, 4, 20, 44],
  wi_demo_done_9: [8, 14, 30, 54],
  wi_demo_done_10: [0.3, 0.6, 2, 26],
}

/** [id, topic, guesthouse, days ago, how many of the demo residents and members checked in]. */
export const DEMO_PAST_SESSIONS = [
  ['ls_demo_past_1', 'tp_history', 'gh_jiadi', 81, 4],
  ['ls_demo_past_2', 'tp_antifraud', 'gh_yixing', 72, 7],
  ['ls_demo_past_3', 'tp_tea', 'gh_xumafu', 61, 5],
  ['ls_demo_past_4', 'tp_health', 'gh_ximalu', 53, 8],
  ['ls_demo_past_5', 'tp_civility', 'gh_jiadi', 44, 3],
  ['ls_demo_past_6', 'tp_history', 'gh_yixing', 30, 9],
  ['ls_demo_past_7', 'tp_tea', 'gh_xumafu', 19, 6],
  ['ls_demo_past_8', 'tp_antifraud', 'gh_ximalu', 8, 7],
] as const
