import Taro from '@tarojs/taro'

/** Hands a CSV to the staff member: a download in the browser, a file to forward in WeChat. */
export async function deliverCsv(name: string, csv: string) {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    link.download = name
    link.click()
    return
  }
  const path = `${Taro.env.USER_DATA_PATH}/${name}`
  Taro.getFileSystemManager().writeFileSync(path, csv, 'utf8')
  await Taro.shareFileMessage({ filePath: path, fileName: name })
}
