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

// GBK as the server reads it (iconv GB18030): in a browser the labels "gbk" and "gb18030" name the
// same decoder (WHATWG Encoding), in Node (the tests) only "gb18030" takes the four-byte forms
const GBK = 'gb18030'

/**
 * The file's text as the import takes it with `encoding`: for "gbk" its bytes as latin1 text, else
 * the UTF-8 text (a byte-order mark dropped). A file that is not wholly in the encoding is refused
 * (rejects with an Error whose message names the file's first line that is not, for the page to
 * show; nothing is to be sent): never a text with U+FFFD for bytes the decoder could not read (the
 * server would store it as a name), nor a GBK file with another encoding's rows in it. A U+FFFD
 * the UTF-8 file holds itself is text like any other.
 */
export async function fileText(file, encoding) {
  const buf = new Uint8Array(await readBuffer(file))
  if (encoding === 'gbk') {
    if (!decodes(buf, GBK)) throw new Error(`文件编码无法识别：第 ${badLine(buf, GBK).line} 行含有不是 GBK 的字节，请以 UTF-8 或 GBK 重新保存`)
    let s = ''
    const CHUNK = 8192
    for (let i = 0; i < buf.length; i += CHUNK) {
      s += String.fromCharCode.apply(null, buf.subarray(i, i + CHUNK))
    }
    return s
  }
  let text
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf)
  } catch (e) {
    const bad = badLine(buf, 'utf-8')
    // no UTF-8 character before the line, and all of it GBK: the file is GBK
    if (!buf.subarray(0, bad.start).some((c) => c >= 0x80) && decodes(buf, GBK))
      throw new Error(`文件不是 UTF-8 编码（第 ${bad.line} 行起），看来是 GBK：请在“文件编码”中选择 GBK 后重新导入`)
    throw new Error(`文件编码无法识别：第 ${bad.line} 行含有不是 UTF-8 的字节，请以 UTF-8 或 GBK 重新保存`)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // Excel's UTF-8 BOM
  return text
}

// whether the bytes are all text in the encoding
function decodes(buf, label) {
  try {
    new TextDecoder(label, { fatal: true }).decode(buf)
    return true
  } catch (e) {
    return false
  }
}

// The file's first line with bytes the encoding cannot read: { line, start } (start its first
// byte's offset), lines counted as csvParts counts them (CRLF, LF or a lone CR ends one). A line
// break is a byte no character of UTF-8 or GBK has inside it, so the lines decode one by one; the
// file is read in pieces of about 1 MiB ending at a line break, and only the piece that fails line by
// line. { line: 0, start: -1 } when the bytes all decode.
function badLine(buf, label) {
  const ok = (a, b) => decodes(buf.subarray(a, b), label)
  const n = buf.length
  const lineEnd = (i) => buf[i - 1] === 10 || (buf[i - 1] === 13 && buf[i] !== 10) // a line ends before i
  let line = 1
  for (let a = 0; a < n; ) {
    let b = Math.min(n, a + 1048576)
    while (b < n && !lineEnd(b)) b++
    if (!ok(a, b)) {
      for (let s = a; s < b; ) {
        let e = s + 1
        while (e < b && !lineEnd(e)) e++
        if (!ok(s, e)) return { line, start: s }
        line++
        s = e
      }
      return { line, start: a } // cannot happen: the piece failed, so one of its lines does
    }
    for (let i = a + 1; i <= b; i++) if (lineEnd(i)) line++
    a = b
  }
  return { line: 0, start: -1 }
}

/**
 * A guess for the radio: a file whose first 64 KiB are not valid UTF-8 is most likely GBK. A
 * character cut at the 64 KiB is no sign of GBK (decoded as a stream, the cut one waits for bytes
 * not read); one cut by the file's end is.
 */
export async function looksLikeGbk(file) {
  const HEAD = 65536
  const buf = new Uint8Array(await readBuffer(file.slice(0, HEAD)))
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: file.size > HEAD })
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

// A part of a large file as /persons/import and /hotel-guests/import take it (`first_row`): at most this many records and
// this many bytes of JSON string, so its body stays under the server's 1 MiB and each part's write
// transaction stays short (other writers, the 110 center's among them, wait for none longer).
export const PART_ROWS = 8000
export const PART_BYTES = 900000

/**
 * A CSV text in the parts the server takes a request at a time: the first part is the file's
 * beginning as it is; each further part is the file's header line and the records that follow,
 * `firstRow` the file's row number of its first record. Records are found as the server's reader
 * finds them (src/core/csv.c record_end: CRLF, LF or a lone CR ends a record, except inside a field
 * quoted from its start, where "" is a quote), so a part never ends inside a quoted field and the
 * rows keep the numbers a whole file gives them (every record counts, blank ones too; the header is
 * the first record that is not blank). A file that fits is one part, sent unchanged. A record
 * longer than maxBytes alone makes a part of its own, for the server to refuse with its reason.
 * Returns [{ text, firstRow, lastRow, rows }]: the file rows of the part's first and last records
 * after the header, and how many (blank ones too). The first part goes without `first_row` (its
 * rows are numbered as they stand), each later one with its firstRow. When a quote is never
 * closed, the last part also has openQuoteLine: the file's line its record starts on (the server
 * refuses a whole file so, CSV_OPEN_QUOTE; a file in parts is refused before any part is sent).
 */
export function csvParts(text, maxRows = PART_ROWS, maxBytes = PART_BYTES) {
  const n = text.length
  const parts = []
  let header = null // the header record's text
  let headerBytes = 0
  let record = 0 // the row number of the record last read
  let part = { start: 0, firstRow: 2, lastRow: 1, rows: 0, bytes: 0 }
  let line = 1 // the line the next record starts on
  let openQuoteLine = 0
  let p = 0
  while (p < n) {
    const start = p
    const startLine = line
    let quoted = false
    let fieldStart = true
    let bytes = 0
    // one record: up to its line break outside quotes
    while (p < n) {
      const c = text.charCodeAt(p)
      if (quoted) {
        if (c === 34) {
          if (p + 1 < n && text.charCodeAt(p + 1) === 34) {
            bytes += 4
            p += 2
            continue
          }
          quoted = false
        } else if (c === 10 || (c === 13 && !(p + 1 < n && text.charCodeAt(p + 1) === 10))) {
          line++ // a line break inside the quotes
        }
      } else if (c === 10 || c === 13) {
        break
      } else if (c === 44) {
        fieldStart = true
      } else if (c === 34 && fieldStart) {
        quoted = true
        fieldStart = false
      } else if (c !== 32 && c !== 9 && c !== 0) {
        fieldStart = false
      }
      bytes += jsonBytes(c)
      p++
    }
    const end = p
    if (quoted) openQuoteLine = startLine
    line++
    if (p < n) p += text.charCodeAt(p) === 13 && p + 1 < n && text.charCodeAt(p + 1) === 10 ? 2 : 1
    bytes += (p - end) * 2 // the line break, escaped
    record++
    if (header === null) {
      // blank (empty fields only: a blank line, or ",,,," from Excel) until the header
      // (imports.c next_row)
      part.bytes += bytes
      if (!/^([ \t\0]*("")?[ \t\0]*,)*[ \t\0]*("")?[ \t\0]*$/.test(text.slice(start, end))) {
        header = text.slice(start, end)
        headerBytes = bytes - (p - end) * 2 + 4
        part.firstRow = record + 1
        part.lastRow = record
      }
      continue
    }
    if (part.rows > 0 && (part.rows >= maxRows || part.bytes + bytes > maxBytes)) {
      parts.push(part)
      part = { start, firstRow: record, lastRow: record, rows: 0, bytes: headerBytes }
    }
    part.rows++
    part.bytes += bytes
    part.lastRow = record
  }
  parts.push(part)
  const out = parts.map((x, i) => ({
    text: i === 0 ? text.slice(0, parts.length > 1 ? parts[1].start : n) : header + '\r\n' + text.slice(x.start, i + 1 < parts.length ? parts[i + 1].start : n),
    firstRow: x.firstRow,
    lastRow: x.lastRow,
    rows: x.rows
  }))
  if (openQuoteLine) out[out.length - 1].openQuoteLine = openQuoteLine
  return out
}

// the bytes a UTF-16 code unit of the text takes in the request's JSON (escaped, then UTF-8; a
// surrogate pair 4 in all)
function jsonBytes(c) {
  if (c === 34 || c === 92 || c === 10 || c === 13 || c === 9 || c === 8 || c === 12) return 2
  if (c < 0x20) return 6
  if (c < 0x80) return 1
  if (c < 0x800) return 2
  if (c >= 0xd800 && c < 0xdc00) return 4
  if (c >= 0xdc00 && c < 0xe000) return 0
  return 3
}
