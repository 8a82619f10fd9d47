// csv.js — a chosen file as the imports expect it (/persons/import, /wanted/import,
// /hotel-guests/import): a CSV's text — UTF-8 as is, a GBK file as latin1 text (each byte one
// character; the server turns it back into bytes) — or an Excel workbook as base64 (its first sheet).

function readBuffer(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(r.result)
    r.onerror = () => reject(new Error('无法读取文件'))
    r.readAsArrayBuffer(file)
  })
}

export async function fileText(file, encoding) {
  const buf = new Uint8Array(await readBuffer(file))
  if (encoding === 'gbk') {
    let s = ''
    const CHUNK = 8192
    for (let i = 0; i < buf.length; i += CHUNK) {
      s += String.fromCharCode.apply(null, buf.subarray(i, i + CHUNK))
    }
    return s
  }
  let text = new TextDecoder('utf-8').decode(buf)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // Excel's UTF-8 BOM
  return text
}

/** A guess for the radio: a file that is not valid UTF-8 is most likely GBK. */
export async function looksLikeGbk(file) {
  const buf = new Uint8Array(await readBuffer(file.slice(0, 65536)))
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return false
  } catch (e) {
    return true
  }
}

/** An Excel workbook (.xlsx) rather than a CSV. */
export const isWorkbook = (file) => /\.xlsx$/i.test(file.name || '')

/** The file's bytes as base64 (the imports' `xlsx` field). */
export async function fileBase64(file) {
  const buf = new Uint8Array(await readBuffer(file))
  let s = ''
  const CHUNK = 8192
  for (let i = 0; i < buf.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, buf.subarray(i, i + CHUNK))
  }
  return btoa(s)
}
