import { useEffect, type PropsWithChildren } from 'react'
import { SettingsProvider } from './shared/settings'
import { makeControlsKeyboardReachable } from './shared/ui/keyboard'
import { offerUpdates } from './shared/updates'
import './app.scss'

export default function App({ children }: PropsWithChildren) {
  useEffect(makeControlsKeyboardReachable, [])
  useEffect(offerUpdates, [])
  return <SettingsProvider>{children}</SettingsProvider>
}
