// csv-decode.test.mjs — a chosen CSV's bytes as the import takes them (web/src/population/csv.js
// fileText, looksLikeGbk): the encoding guessed from the first 64 KiB even when a character is cut
// there; a UTF-8 file decoded strictly, so that bytes in another encoding (a GBK row pasted in past
// the 64 KiB the guess reads) refuse the file with the line they are on instead of reaching the
// server as U+FFFD in a name; a GBK file still read as its bytes.
import assert from 'node:assert/strict'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { fileText, looksLikeGbk } = await import(join(root, 'web', 'src', 'population', 'csv.js'))

// the browser's FileReader, as far as csv.js uses it (Node has Blob, not FileReader)
globalThis.FileReader = class {
  readAsArrayBuffer(blob) {
    blob.arrayBuffer().then(
      (b) => ((this.result = b), this.onload()),
      () => this.onerror()
    )
  }
}

const file = (bytes) => new Blob([bytes])
const utf8 = (s) => Buffer.from(s, 'utf8')
// GBK bytes of the few characters the fixtures use (checked below against the decoder)
const GBK = { 姓: 'd0d5', 名: 'c3fb', 身: 'c9ed', 份: 'b7dd', 证: 'd6a4', 号: 'bac5', 张: 'd5c5', 三: 'c8fd', 李: 'c0ee', 四: 'cbc4' }
const gbk = (s) => Buffer.concat([...s].map((c) => (GBK[c] ? Buffer.from(GBK[c], 'hex') : Buffer.from(c, 'latin1'))))
assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(gbk('姓名,身份证号,张三李四')), '姓名,身份证号,张三李四')
const refused = async (p, re) => {
  let msg = null
  await p.then(
    (t) => assert.fail(`read, not refused: ${JSON.stringify(t.slice(0, 80))}…`),
    (e) => (msg = e.message)
  )
  assert.match(msg, re)
  return msg
}

// a UTF-8 file of 70 KB whose character at byte 65 535 ends past the 64 KiB the guess reads: UTF-8,
// read unchanged
{
  let text = '姓名,身份证号\r\n'
  let n = Buffer.byteLength(text)
  for (let i = 10000; n < 65500; i++, n += 17) text += `王小明,${i}\r\n` // 17 bytes
  text += 'x'.repeat(65535 - n) + '张三,1\r\n' + '李四,0\r\n'.repeat(500)
  const bytes = utf8(text)
  assert.equal(bytes[65535], 0xe5) // 张 = e5 bc a0: cut after its first byte
  assert.equal(await looksLikeGbk(file(bytes)), false)
  assert.equal(await fileText(file(bytes), 'utf-8'), text)
}

// a GBK file (70 KB, a character cut at 64 KiB as well): guessed GBK, read as its bytes (latin1
// text); read as UTF-8, refused with the advice to choose GBK
{
  let text = '姓名,身份证号\r\n'
  let n = gbk(text).length
  for (let i = 10000; n < 65500; i++, n += 12) text += `张三,${i}\r\n` // 12 bytes in GBK
  text += 'x'.repeat(65535 - n) + '李四,1\r\n' + '李四,0\r\n'.repeat(500)
  const bytes = gbk(text)
  assert.equal(bytes[65535], 0xc0)
  assert.equal(await looksLikeGbk(file(bytes)), true)
  assert.equal(await fileText(file(bytes), 'gbk'), bytes.toString('latin1'))
  await refused(fileText(file(bytes), 'utf-8'), /^文件不是 UTF-8 编码（第 1 行起），看来是 GBK：请在“文件编码”中选择 GBK 后重新导入$/)
  // all ASCII for its first 64 KiB, then GBK: guessed UTF-8, the same advice with the line
  const late = Buffer.concat([utf8('a,b\r\n' + 'x,1\r\n'.repeat(14000)), gbk('张三,2\r\n')])
  assert.equal(await looksLikeGbk(file(late)), false)
  await refused(fileText(file(late), 'utf-8'), /^文件不是 UTF-8 编码（第 14002 行起），看来是 GBK/)
}

// UTF-8 for 71 KB, then one row in GBK (line 2 401): guessed UTF-8 (the guess reads 64 KiB), and
// refused with the line, read either way — never its bytes as U+FFFD
{
  let text = '姓名,身份证号\r\n'
  for (let i = 2; i <= 2400; i++) text += `王小明,${110101199001010000 + i}\r\n`
  const bytes = Buffer.concat([utf8(text), gbk('张三,110101199001019999\r\n'), utf8('李四,1\r\n')])
  assert.ok(utf8(text).length > 70000)
  assert.equal(await looksLikeGbk(file(bytes)), false)
  await refused(fileText(file(bytes), 'utf-8'), /^文件编码无法识别：第 2401 行含有不是 UTF-8 的字节，请以 UTF-8 或 GBK 重新保存$/)
  // as GBK: the UTF-8 rows are not GBK (王小明 is 9 bytes: the comma after them is no GBK byte)
  await refused(fileText(file(bytes), 'gbk'), /^文件编码无法识别：第 2 行含有不是 GBK 的字节，请以 UTF-8 或 GBK 重新保存$/)
}

// lines counted as csvParts counts them: LF, a lone CR and CRLF end one each; a line break inside
// quotes too
{
  const bytes = Buffer.concat([utf8('a,b\n1,"x\r\ny"\r2,3\r\n'), gbk('张三,4\r\n')])
  await refused(fileText(file(bytes), 'utf-8'), /第 5 行/)
}

// a UTF-8 file cut in the middle of its last character (small: the guess reads it to its end) is
// no UTF-8 file
{
  const bytes = utf8('姓名\r\n张三').subarray(0, -1)
  assert.equal(await looksLikeGbk(file(bytes)), true)
  await refused(fileText(file(bytes), 'utf-8'), /^文件编码无法识别：第 2 行/)
}

// a U+FFFD the file itself holds (valid UTF-8: ef bf bd) is text like any other; Excel's BOM dropped
{
  const text = '姓名,身份证号\r\n张\uFFFD,1\r\n'
  assert.equal(await looksLikeGbk(file(utf8(text))), false)
  assert.equal(await fileText(file(utf8(text)), 'utf-8'), text)
  assert.equal(await fileText(file(utf8('\uFEFF' + text)), 'utf-8'), text)
}

console.log('csv-decode: ok')
