import Taro from '@tarojs/taro'
import type { CommunityList, StationSummary, User } from '@contract'
import { useCallback, useEffect, useState, type ReactElement } from 'react'
import { pageUrl } from '@values/pages'
import { currentUser, logout } from '../../../../shared/auth'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { everyStation } from '../../api'
import { DeskSignIn } from '../../components/DeskSignIn'
import { GuesthousesSection } from '../../components/GuesthousesSection'
import { MembersSection, ReportsSection, SessionsSection, WishesSection } from '../../components/ListSections'
import { SheetsSection } from '../../components/SheetsSection'
import { StationsSection } from '../../components/StationsSection'
import { TownSection } from '../../components/TownSection'
import './index.scss'

/** Every staff section of the desk, in the order of its navigation. */
const SECTIONS = ['stations', 'guesthouses', 'sessions', 'members', 'reports', 'wishes', 'sheets', 'town'] as const
type Section = (typeof SECTIONS)[number]

const DESK_WIDTH = '(min-width: 1024px)'
const STAFF_HOME = pageUrl('staff/index')

/** True while the window is desk-wide; below 1024 px staff keep the phone pages. */
function useDeskWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(DESK_WIDTH).matches)
  useEffect(() => {
    const query = window.matchMedia(DESK_WIDTH)
    const follow = () => setWide(query.matches)
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  return wide
}

/**
 * 运营台, the H5 build's page for staff at a computer (`/#/desk`): without a session it shows the sign-in code;
 * signed in as staff, a side navigation of the staff sections and each section's table, with forms beside it.
 */
export default function DeskPage() {
  const { t, inLanguage, language, largeFont } = useSettings()
  usePageTitle(t('desk.title'))
  const wide = useDeskWide()
  const [user, setUser] = useState<User | null>(currentUser())
  const [section, setSection] = useState<Section>('stations')
  const [stations, setStations] = useState<StationSummary[] | null>(null)
  const [communities, setCommunities] = useState<CommunityList['items']>([])
  const isStaff = user?.role === 'staff'

  const loadStations = useCallback(() => {
    everyStation().then(setStations, () => setStations([]))
  }, [])
  useEffect(() => {
    if (!isStaff) return
    loadStations()
    call('GET /api/communities', { toast: false }).then(
      ({ items }) => setCommunities(items),
      () => undefined,
    )
  }, [isStaff, loadStations])
  useEffect(() => {
    if (isStaff && !wide) void Taro.redirectTo({ url: STAFF_HOME })
  }, [isStaff, wide])

  const communityName = (id: string | null) => {
    const community = communities.find((c) => c.id === id)
    return community ? inLanguage(community.name, community.nameEn) : t('desk.district')
  }
  const signOut = async () => {
    await logout()
    setUser(null)
  }
  const rootClass = `desk lang-${language} ${largeFont ? 'desk--large' : ''}`

  if (!user) return <div className={rootClass}>{<DeskSignIn onSignedIn={setUser} />}</div>
  if (!isStaff)
    return (
      <div className={rootClass}>
        <main className="desk-sign-in">
          <h1>{t('desk.title')}</h1>
          <p role="alert">{t('desk.staffOnly')}</p>
          <button type="button" className="desk-button" onClick={() => void signOut()}>
            {t('me.logout')}
          </button>
        </main>
      </div>
    )

  const content: Record<Section, () => ReactElement> = {
    stations: () =>
      stations ? (
        <StationsSection stations={stations} communityName={communityName} onSaved={loadStations} />
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      ),
    guesthouses: () => <GuesthousesSection communityName={communityName} />,
    sessions: () => <SessionsSection />,
    members: () => <MembersSection communityName={communityName} />,
    reports: () => <ReportsSection />,
    wishes: () => <WishesSection />,
    sheets: () => <SheetsSection onApplied={loadStations} />,
    town: () => <TownSection />,
  }

  return (
    <div className={rootClass}>
      <nav className="desk__nav" aria-label={t('desk.nav')}>
        <p className="desk__brand">
          {t('app.name')} · {t('desk.title')}
        </p>
        <ul>
          {SECTIONS.map((key) => (
            <li key={key}>
              <button
                type="button"
                id={`desk-nav-${key}`}
                className="desk__nav-item"
                aria-current={key === section ? 'page' : undefined}
                onClick={() => setSection(key)}
              >
                {t(`desk.section.${key}`)}
              </button>
            </li>
          ))}
        </ul>
        <p className="desk__who">{user.nickname}</p>
        <button type="button" className="desk__sign-out" onClick={() => void signOut()}>
          {t('me.logout')}
        </button>
      </nav>
      <main className="desk__main" aria-labelledby="desk-heading">
        <h1 id="desk-heading">{t(`desk.section.${section}`)}</h1>
        {content[section]()}
      </main>
    </div>
  )
}
