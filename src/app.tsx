import { useEffect, type PropsWithChildren } from 'react'
import { SettingsProvider } from './shared/settings'
import { makeControlsKeyboardReachable } from './shared/ui/keyboard'
import './app.scss'

export default function App({ children }: PropsWithChildren) {
  useEffect(makeControlsKeyboardReachable, [])
  return <SettingsProvider>{children}</SettingsProvider>
}
