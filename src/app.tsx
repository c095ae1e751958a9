import type { PropsWithChildren } from 'react'
import { SettingsProvider } from './shared/settings'
import './app.scss'

export default function App({ children }: PropsWithChildren) {
  return <SettingsProvider>{children}</SettingsProvider>
}
