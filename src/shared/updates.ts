import Taro from '@tarojs/taro'
import { translate } from './i18n'
import { currentLanguage } from './settings'

/**
 * When WeChat has downloaded a new version of the mini-program in the background, offers to restart into it now
 * (otherwise it starts at the next cold launch). A restart loses what a form holds, so the person decides. WeChat only:
 * the browser loads the new build with the page.
 */
export function offerUpdates(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const manager = Taro.getUpdateManager()
  manager.onUpdateReady(() => {
    // WeChat's own OK / Cancel: its buttons take at most four characters, too few for English words.
    void Taro.showModal({
      title: translate(currentLanguage(), 'update.title'),
      content: translate(currentLanguage(), 'update.body'),
    }).then(({ confirm }) => {
      if (confirm) manager.applyUpdate()
    })
  })
}
