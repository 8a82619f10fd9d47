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

// A part of a large file as /persons/import and /hotel-guests/import take it (`first_row`): at most
// this many records and this many bytes of JSON string, so its body stays under the server's 1 MiB
// and each part's write transaction stays short (other writers, the 110 center's among them, wait
// for none longer). The bytes are a ceiling: the upload sizes each part by the link (partBytes).
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
 * The parts nextPart cuts one at a time with the same sizes.
 */
export function csvParts(text, maxRows = PART_ROWS, maxBytes = PART_BYTES) {
  const out = []
  let at = null
  do {
    const p = nextPart(text, at, maxBytes, maxRows)
    const part = { text: p.text, firstRow: p.firstRow, lastRow: p.lastRow, rows: p.rows }
    if (p.openQuoteLine) part.openQuoteLine = p.openQuoteLine
    out.push(part)
    at = p.end
  } while (at.offset < text.length)
  return out
}

/**
 * The part of `text` that begins at `at` (null: the file's first part), cut as csvParts cuts
 * them but with a size chosen for this part alone — so an upload can size each part by the link,
 * and send the rows of a part that failed again in smaller parts, their row numbers unchanged.
 * Returns { text, firstRow, lastRow, rows, openQuoteLine?, bytes, end }: as a csvParts part, plus
 * its JSON string's bytes and `end`, the position of the record after it (the next call's `at`;
 * end.offset is text.length after the last part). A cursor is only ever one this function
 * returned: { offset, row, line } of a record's start.
 */
export function nextPart(text, at, maxBytes = PART_BYTES, maxRows = PART_ROWS) {
  const n = text.length
  const head = csvHead(text)
  const first = !at
  let { offset: p, row, line } = first ? head.after : at
  let bytes = first ? head.bytes : head.headerBytes
  const part = { firstRow: row, lastRow: row - 1, rows: 0 }
  let open = first ? head.openQuoteLine : 0
  while (p < n) {
    const r = readRecord(text, p)
    if (part.rows > 0 && (part.rows >= maxRows || bytes + r.bytes > maxBytes)) break
    if (r.open) open = line
    part.rows++
    part.lastRow = row
    bytes += r.bytes
    row++
    line += r.lines
    p = r.next
  }
  // a file with no header (nothing but blank records): numbered as if its header were row 1
  if (head.header === null) Object.assign(part, { firstRow: 2, lastRow: 1 })
  part.text = first ? text.slice(0, p) : head.header + '\r\n' + text.slice(at.offset, p)
  if (open) part.openQuoteLine = open
  part.bytes = bytes
  part.end = { offset: p, row, line }
  return part
}

// blank: empty fields only (a blank line, or ",,,," from Excel), skipped until the header
// (imports.c next_row)
const BLANK = /^([ \t\0]*("")?[ \t\0]*,)*[ \t\0]*("")?[ \t\0]*$/

// The file's beginning up to its header: { header (its text, null when the file has none), bytes
// (of the blank records and the header with its line break), headerBytes (the header with the
// "\r\n" a later part gives it), after (the cursor of the record after it), openQuoteLine (the
// header's line when its quote never closes) }.
function csvHead(text) {
  const n = text.length
  let p = 0
  let row = 1
  let line = 1
  let bytes = 0
  while (p < n) {
    const r = readRecord(text, p)
    bytes += r.bytes
    if (!BLANK.test(text.slice(p, r.end))) {
      return {
        header: text.slice(p, r.end),
        bytes,
        headerBytes: r.bytes - (r.next - r.end) * 2 + 4,
        after: { offset: r.next, row: row + 1, line: line + r.lines },
        openQuoteLine: r.open ? line : 0
      }
    }
    row++
    line += r.lines
    p = r.next
  }
  return { header: null, bytes, headerBytes: 0, after: { offset: n, row, line }, openQuoteLine: 0 }
}

// The record that starts at p, as src/core/csv.c record_end reads it: { end (its line break),
// next (the record after it), bytes (in the request's JSON, its line break escaped), lines (the
// file lines it takes), open (its quote never closes: it runs to the file's end) }.
function readRecord(text, p) {
  const n = text.length
  let quoted = false
  let fieldStart = true
  let bytes = 0
  let lines = 1
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
        lines++ // a line break inside the quotes
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
  if (p < n) p += text.charCodeAt(p) === 13 && p + 1 < n && text.charCodeAt(p + 1) === 10 ? 2 : 1
  return { end, next: p, bytes: bytes + (p - end) * 2, lines, open: quoted }
}

// Each part is sized by the link: the server answers 408 to a body still arriving 30 s after its
// headers (src/http/edge.h EDGE_REQUEST_MS), so on a slow county link a part of the ceiling never
// arrives. The first part is small, each next one what the link carried in PART_SECONDS at the
// rate of the last parts (a third of the server's limit, for a link that slows down), never less
// than PART_MIN_BYTES (a part's request and answer cost a round trip each) nor more than PART_BYTES.
export const PART_FIRST_BYTES = 131072
export const PART_MIN_BYTES = 32768
export const PART_SECONDS = 8
const RATE_PARTS = 3 // the parts whose rate counts: the link as it is now, not an hour ago

/**
 * The bytes for the next part, from the parts sent since the last failure: `sent` [{ bytes, ms }]
 * (each part's JSON bytes and its request's time to the answer, the latest last; empty at the
 * start and after a failure). Cannot fail.
 */
export function partBytes(sent) {
  const last = sent.slice(-RATE_PARTS)
  if (!last.length) return PART_FIRST_BYTES
  const bytes = last.reduce((s, x) => s + x.bytes, 0)
  const ms = Math.max(1, last.reduce((s, x) => s + x.ms, 0))
  return Math.min(PART_BYTES, Math.max(PART_MIN_BYTES, Math.floor((bytes * PART_SECONDS * 1000) / ms)))
}

/** The size to send again the rows of a part of `bytes` that did not arrive: half, not below the floor. */
export const smallerPart = (bytes) => Math.max(PART_MIN_BYTES, Math.floor(bytes / 2))

// 503s whose request saved nothing and that end by themselves: a server stopping (a restart), a
// store failure that lost only this request, a store busy past the server's own retries, a
// database that has not answered the writer for a while (a standby lost, then released)
const PASSING_503 = new Set(['SHUTTING_DOWN', 'STORE_UNAVAILABLE', 'BUSY', 'WRITES_HELD'])

/**
 * What to do when a part's request failed with `status` and `code` (api.js ApiError): "smaller" —
 * no answer (the connection lost, our timeout) or 408 (the body too slow): send the same rows again
 * in smaller parts; "again" — 502 / 504 from the proxy or a passing 503: send it again as it was;
 * "stop" — everything else: a refusal (4xx), or a 503 that retrying cannot mend or must not
 * (OUTCOME_UNKNOWN: the clerk is told first; WRITES_STOPPED, SCHEMA_TOO_NEW, DB_CORRUPT: an
 * administrator must act), or the page's own cancel (ABORTED). Sending a part again is harmless:
 * a row imported twice updates what the first import made.
 */
export function partRetry(status, code) {
  if (code === 'ABORTED') return 'stop'
  if (status === 0 || status === 408) return 'smaller'
  if (status === 502 || status === 504) return 'again'
  if (status === 503 && PASSING_503.has(code)) return 'again'
  return 'stop'
}

/**
 * The words for an import in parts that ended before the file's end — the result card's warning
 * and the error report's last line, so that neither reads as a finished import. `u`: { fromRow,
 * toRow } the file rows not imported (the first part not done to the file's last row), `stopped`
 * (the clerk pressed 停止) or `reason` (the failure's message), and `uncertain` { part, firstRow,
 * lastRow } when the server could not tell whether the part at work was saved (OUTCOME_UNKNOWN).
 * Returns { title, advice, rows (the report's 行号 cell), reason (its 原因 cell) }.
 */
export function unfinishedText(u) {
  const f = (n) => Number(n).toLocaleString('zh-CN')
  const range = (a, b) => (a === b ? `第 ${f(a)} 行` : `第 ${f(a)}–${f(b)} 行`)
  const q = u.uncertain
  let title
  if (q) {
    const rest = q.lastRow < u.toRow ? `；其后${range(q.lastRow + 1, u.toRow)}（至文件末行）未导入` : ''
    title = `导入未完成：第 ${q.part} 批（${range(q.firstRow, q.lastRow)}）无法确认是否已保存${rest}`
  } else {
    title = `导入未完成：${range(u.fromRow, u.toRow)}（至文件末行）未导入` + (u.stopped ? '（已停止）' : u.reason ? `（${u.reason}）` : '')
  }
  const again = q
    ? `继续导入会重新发送第 ${q.part} 批：其中已保存的行只会更新（计入“更新”），不会重复。`
    : '已导入的行再导入一次只会更新（计入“更新”），不会重复。'
  const advice = `上方统计只含已导入的部分。请在本页点击“从第 ${f(u.fromRow)} 行继续导入”导完其余各行；如已离开本页，重新导入整份文件即可。${again}`
  return { title, advice, rows: u.fromRow === u.toRow ? String(u.fromRow) : `${u.fromRow}–${u.toRow}`, reason: `${title}。${advice}` }
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
