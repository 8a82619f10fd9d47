// csv-parts.test.mjs — the parts the web sends a large import file in (web/src/population/csv.js
// csvParts; /persons/import `first_row`): split between records as the server's reader reads them,
// each later part with the file's header, each numbered from the file's row its first record is,
// and each within the size the request may carry; cut one part at a time (nextPart) at a size that
// changes from part to part — the upload sizes each by the link and sends a failed one's rows
// again in smaller parts — the row numbers stay the file's. The row numbers below are counted by
// hand from the fixtures (api_imports import_parts checks the server's side of the same numbering).
import assert from 'node:assert/strict'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { csvParts, nextPart } = await import(join(root, 'web', 'src', 'population', 'csv.js'))

// a file that fits: one part, sent as it is
{
  const text = '姓名,身份证号\r\n甲,1\r\n乙,2\r\n'
  const parts = csvParts(text)
  assert.equal(parts.length, 1)
  assert.equal(parts[0].text, text)
  assert.equal(parts[0].firstRow, 2)
  assert.equal(parts[0].lastRow, 3)
  assert.equal(parts[0].rows, 2)
}

// rows 1-2 blank, 3 the header, 4 甲, 5 blank, 6 乙 (a quoted note over two lines, LF inside),
// 7 丙 (a lone CR ends it), 8 丁 (a quote in the middle of a field is text: "x"y stays one field,
// and the comma after it splits), 9 戊 ("" inside quotes, then a comma inside quotes), 10 己 (no
// line break at the end)
const file =
  '\r\n' +
  ' \r\n' +
  '姓名,身份证号,备注\r\n' +
  '甲,1,\r\n' +
  '\r\n' +
  '乙,2,"第一行\n第二行"\r\n' +
  '丙,3,\r' +
  '丁,4,x"y,\n' +
  '戊,5,"他说""好"",是"\r\n' +
  '己,6,'
{
  const parts = csvParts(file, 2)
  assert.deepEqual(
    parts.map((p) => [p.firstRow, p.lastRow, p.rows]),
    [
      [4, 5, 2],
      [6, 7, 2],
      [8, 9, 2],
      [10, 10, 1]
    ]
  )
  // the first part is the file's beginning, blank lines and header included
  assert.equal(parts[0].text, '\r\n \r\n姓名,身份证号,备注\r\n甲,1,\r\n\r\n')
  assert.equal(parts[1].text, '姓名,身份证号,备注\r\n乙,2,"第一行\n第二行"\r\n丙,3,\r')
  assert.equal(parts[2].text, '姓名,身份证号,备注\r\n丁,4,x"y,\n戊,5,"他说""好"",是"\r\n')
  assert.equal(parts[3].text, '姓名,身份证号,备注\r\n己,6,')
  // without the repeated headers the parts are the file
  const header = '姓名,身份证号,备注\r\n'
  assert.equal(parts.map((p, i) => (i ? p.text.slice(header.length) : p.text)).join(''), file)
}

// a row of empty cells before the header (Excel's "save as CSV" of a formatted row): not the
// header, so every later part repeats the real one; rows 1 ",,", 2 the header, 3-5 甲 乙 丙
{
  const text = ',,\r\n姓名,身份证号,备注\r\n甲,1,\r\n乙,2,\r\n丙,3,\r\n'
  const parts = csvParts(text, 2)
  assert.deepEqual(
    parts.map((p) => [p.firstRow, p.lastRow, p.rows]),
    [
      [3, 4, 2],
      [5, 5, 1]
    ]
  )
  assert.equal(parts[1].text, '姓名,身份证号,备注\r\n丙,3,\r\n')
}

// an open quote: the rest of the file is one record, never split
{
  const parts = csvParts('a,b\r\n1,2\r\n3,"open\r\n4,5\r\n6,7\r\n', 1)
  assert.deepEqual(
    parts.map((p) => [p.firstRow, p.lastRow]),
    [
      [2, 2],
      [3, 3]
    ]
  )
  assert.equal(parts[1].text, 'a,b\r\n3,"open\r\n4,5\r\n6,7\r\n')
  assert.equal(parts[1].openQuoteLine, 3)
  assert.equal(parts[0].openQuoteLine, undefined)
}

// the line an open quote starts on counts the line breaks inside earlier quotes (CRLF once, a lone
// CR once): lines 1 header, 2-3 a quoted note, 4 a row, 5 a lone-CR row, 6 the open quote
{
  const parts = csvParts('a,b\r\n1,"x\r\ny"\r\n2,3\r\n4,5\r"6,7\n8\n', 1)
  assert.equal(parts[parts.length - 1].openQuoteLine, 6)
  assert.equal(csvParts('a,b\r\n1,"x"\r\n').at(-1).openQuoteLine, undefined)
}

// by size: 1 200 rows of Chinese text and quotes; every part's JSON string within the bound, and
// none could have taken its next record
{
  let text = '姓名,身份证号,社区,备注\r\n'
  for (let i = 0; i < 1200; i++) text += `测试${i},${100000 + i},"城关""${i % 7}""社区",备注\t${'长'.repeat(i % 13)}\r\n`
  const max = 4000
  const parts = csvParts(text, 5000, max)
  assert.ok(parts.length > 10, `${parts.length} parts`)
  let next = 2
  for (const [i, p] of parts.entries()) {
    const size = Buffer.byteLength(JSON.stringify(p.text)) - 2
    assert.ok(size <= max, `part ${i}: ${size} bytes`)
    assert.equal(p.firstRow, next)
    next = p.lastRow + 1
    if (i + 1 < parts.length) {
      const more = p.text + text.split('\r\n')[p.lastRow] + '\r\n'
      assert.ok(Buffer.byteLength(JSON.stringify(more)) - 2 > max, `part ${i} could have taken row ${p.lastRow + 1}`)
    }
  }
  assert.equal(next, 1202)
}

// a file with a header alone, or nothing: one part, as it is
assert.deepEqual(csvParts('姓名,身份证号\r\n'), [{ text: '姓名,身份证号\r\n', firstRow: 2, lastRow: 1, rows: 0 }])
assert.deepEqual(csvParts(''), [{ text: '', firstRow: 2, lastRow: 1, rows: 0 }])

// one part at a time: the fixture above cut at sizes that change from part to part, and a part's
// rows cut again smaller from its own start (a retry): every part begins where the last one done
// ended, with the row number the whole file gives its first record, and the parts done are the file
{
  const header = '姓名,身份证号,备注\r\n'
  // every record's row as the whole file numbers it: parts of one record each
  const rowOf = new Map(csvParts(file, 1).map((p) => [p.text.slice(p.firstRow === 4 ? 0 : header.length), p.firstRow]))
  assert.equal(rowOf.size, 7)
  for (const sizes of [[1, 60, 1, 1000], [30, 30, 30, 30, 30, 30], [1000], [45, 1, 80, 2, 2]]) {
    const done = []
    let at = null
    let k = 0
    while (!at || at.offset < file.length) {
      const size = sizes[k++ % sizes.length]
      const p = nextPart(file, at, size)
      // the same rows again, smaller (a part that did not arrive): the same start and first row
      const again = nextPart(file, at, Math.max(1, size >> 1))
      assert.equal(again.firstRow, p.firstRow)
      assert.ok(again.rows <= p.rows && again.rows >= 1, JSON.stringify(again))
      assert.equal(p.text.slice(0, again.text.length), again.text)
      assert.equal(p.firstRow, done.length ? done.at(-1).lastRow + 1 : 4)
      assert.equal(p.bytes, Buffer.byteLength(JSON.stringify(p.text)) - 2, 'bytes as the request carries them')
      assert.ok(p.bytes <= size || p.rows === 1, `${p.bytes} bytes in a part of ${size}`)
      done.push(p)
      at = p.end
    }
    assert.equal(done.map((p, i) => (i ? p.text.slice(header.length) : p.text)).join(''), file, `sizes ${sizes}`)
    assert.equal(done.at(-1).lastRow, 10)
    for (const p of done.slice(1)) assert.equal(p.text.slice(0, header.length), header)
    // each later part's first record is the one the whole file numbers firstRow
    for (const p of done.slice(1)) {
      const first = [...rowOf.keys()].find((t) => p.text.slice(header.length).startsWith(t))
      assert.equal(rowOf.get(first), p.firstRow)
    }
  }
  // the cursor of the last part is the file's end: nothing after it
  const all = nextPart(file, null, 1e9)
  assert.deepEqual([all.firstRow, all.lastRow, all.rows, all.text === file], [4, 10, 7, true])
  assert.deepEqual(all.end, { offset: file.length, row: 11, line: 12 })
}

// a large file cut at the sizes an upload on a changing link would choose (from 32 KiB to the
// ceiling, with halved retries between): rows exact, each part within its size, the parts the file
{
  const header = '姓名,身份证号,社区\r\n'
  let text = header
  for (let i = 0; i < 30000; i++) text += `居民${i},${110000 + i},"城关""${i % 5}""社区"\r\n`
  const sizes = [131072, 65536, 32768, 900000, 250000, 125000, 32768, 40000]
  let at = null
  let next = 2
  let joined = ''
  for (let k = 0; !at || at.offset < text.length; k++) {
    const p = nextPart(text, at, sizes[k % sizes.length])
    assert.equal(p.firstRow, next)
    assert.ok(Buffer.byteLength(JSON.stringify(p.text)) - 2 <= sizes[k % sizes.length])
    assert.ok(p.rows <= 8000)
    if (at) assert.equal(p.text.slice(0, header.length), header)
    joined += at ? p.text.slice(header.length) : p.text
    next = p.lastRow + 1
    at = p.end
  }
  assert.equal(next, 30002)
  assert.equal(joined, text)
}

console.log('csv-parts: ok')
