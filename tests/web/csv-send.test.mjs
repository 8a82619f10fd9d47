// csv-send.test.mjs — how the web sends a large import file in parts (web/src/population/csv.js
// partBytes, smallerPart, partRetry, unfinishedText; web/src/api.js request's timeout): each part
// sized by the rate the link carried the last ones, so that on a slow county link no body is still
// arriving when the server's 30 s for it run out (src/http/edge.h EDGE_REQUEST_MS, a 408); a part
// that did not arrive sent again smaller, one the server could not confirm never sent again
// unasked; an import that ended early said to be one, with the rows not imported; a request that
// hangs or whose answer is cut short is the network failure every caller handles.
import assert from 'node:assert/strict'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const csv = await import(join(root, 'web', 'src', 'population', 'csv.js'))
const { nextPart, partBytes, partRetry, smallerPart, unfinishedText, PART_BYTES, PART_FIRST_BYTES, PART_MIN_BYTES } = csv

// the sizes: small at first; then what the last parts' rate carries in 8 s, within floor and ceiling
{
  assert.equal(partBytes([]), PART_FIRST_BYTES)
  assert.equal(PART_FIRST_BYTES, 131072)
  assert.equal(PART_MIN_BYTES, 32768)
  // 20 KB/s (20 bytes a ms): 160 000 bytes in 8 s
  assert.equal(partBytes([{ bytes: 131072, ms: 6553.6 }]), 160000)
  // a fast link: the ceiling, never more (the body limit is 1 MiB)
  assert.equal(partBytes([{ bytes: 131072, ms: 50 }]), PART_BYTES)
  // 1 KB/s: the floor, never less
  assert.equal(partBytes([{ bytes: 32768, ms: 32768 }]), PART_MIN_BYTES)
  // the last three parts count, not the ones before: a link that slowed down is believed at once
  const fast = { bytes: 900000, ms: 300 }
  assert.equal(partBytes([fast, fast, { bytes: 100000, ms: 10000 }, { bytes: 100000, ms: 10000 }, { bytes: 100000, ms: 10000 }]), 80000)
  // no time measured is no division by zero
  assert.equal(partBytes([{ bytes: 1000, ms: 0 }]), PART_BYTES)
  // a part that did not arrive: half, down to the floor
  assert.equal(smallerPart(131072), 65536)
  assert.equal(smallerPart(40000), PART_MIN_BYTES)
  assert.equal(smallerPart(1000), PART_MIN_BYTES)
}

// what a failed part's request leads to
{
  const cases = [
    // no answer: the connection lost, our timeout, the server's 408 for a body too slow
    [0, 'NETWORK', 'smaller'],
    [0, 'TIMEOUT', 'smaller'],
    [408, 'HTTP_408', 'smaller'],
    // the page's own cancel (it was left): nothing more
    [0, 'ABORTED', 'stop'],
    // the proxy's: the server restarting or slow; sending a part again is harmless
    [502, 'HTTP_502', 'again'],
    [504, 'HTTP_504', 'again'],
    // 503s that saved nothing and pass by themselves
    [503, 'SHUTTING_DOWN', 'again'],
    [503, 'STORE_UNAVAILABLE', 'again'],
    [503, 'BUSY', 'again'],
    [503, 'WRITES_HELD', 'again'],
    // 503s retrying cannot mend or must not: the clerk (or an administrator) is told
    [503, 'OUTCOME_UNKNOWN', 'stop'],
    [503, 'WRITES_STOPPED', 'stop'],
    [503, 'SCHEMA_TOO_NEW', 'stop'],
    [503, 'DB_CORRUPT', 'stop'],
    [503, 'OUT_OF_MEMORY', 'stop'],
    [503, 'HTTP_503', 'stop'],
    // refusals: the same part would be refused again
    [400, 'CSV_OPEN_QUOTE', 'stop'],
    [401, 'SESSION_EXPIRED', 'stop'],
    [403, 'FORBIDDEN', 'stop'],
    [413, 'HTTP_413', 'stop'],
    [429, 'RATE_LIMITED', 'stop'],
    [500, 'INTERNAL', 'stop']
  ]
  for (const [status, code, how] of cases) assert.equal(partRetry(status, code), how, `${status} ${code}`)
}

// slow county links (3 and 6 KB/s) and faster ones: a request's round trip 300 ms, the server's
// 408 for a body still coming 30 s after its headers. The upload as CsvUpload runs it (partBytes, a
// failure re-cut with smallerPart): every row sent in the end, in order, numbered as the file
// numbers it; only the first part may meet the 408 (at 3 KB/s it does, and goes again at half),
// the later ones take about 8 s; with the ceiling's parts (the old sizes) every one met it.
{
  let text = '姓名,身份证号,电话,类别,社区\r\n'
  for (let i = 0; i < 6000; i++) text += `居民${i},${320106193101010000 + i},139${String(i).padStart(8, '0')},常住,城关社区\r\n`
  for (const rate of [3, 6, 20, 100, 10000]) {
    const link = (bytes) => ({ ms: 300 + bytes / rate, ok: bytes / rate <= 30000 })
    let sent = []
    let at = null
    let cap = 0
    let next = 2
    let failures = 0
    let parts = 0
    while (!at || at.offset < text.length) {
      const p = nextPart(text, at, cap || partBytes(sent))
      const r = link(p.bytes)
      if (!r.ok) {
        failures++
        assert.ok(failures <= 2, `${rate} KB/s: ${failures} failures`)
        cap = smallerPart(p.bytes)
        sent = []
        continue
      }
      assert.equal(p.firstRow, next)
      if (parts > 0) assert.ok(r.ms <= 9000 || p.bytes === PART_BYTES || p.bytes <= PART_MIN_BYTES, `${rate} KB/s: a part of ${p.bytes} bytes took ${r.ms} ms`)
      sent.push({ bytes: p.bytes, ms: r.ms })
      cap = 0
      next = p.lastRow + 1
      at = p.end
      parts++
    }
    assert.equal(next, 6002, `${rate} KB/s`)
    // the ceiling's parts at this rate: each body takes past 30 s below ~30 KB/s
    if (rate < 30) assert.ok(!link(PART_BYTES).ok)
  }
}

// an import that ended early says so, with the rows not imported and how to go on
{
  const stopped = unfinishedText({ fromRow: 8002, toRow: 20001, stopped: true })
  assert.equal(stopped.title, '导入未完成：第 8,002–20,001 行（至文件末行）未导入（已停止）')
  assert.match(stopped.advice, /上方统计只含已导入的部分/)
  assert.match(stopped.advice, /“从第 8,002 行继续导入”/)
  assert.match(stopped.advice, /重新导入整份文件/)
  assert.equal(stopped.rows, '8002–20001')
  assert.equal(stopped.reason, `${stopped.title}。${stopped.advice}`)

  const failed = unfinishedText({ fromRow: 16002, toRow: 20001, reason: '无法连接服务器，请检查网络' })
  assert.equal(failed.title, '导入未完成：第 16,002–20,001 行（至文件末行）未导入（无法连接服务器，请检查网络）')

  const last = unfinishedText({ fromRow: 501, toRow: 501, reason: '请求参数有误' })
  assert.equal(last.rows, '501')
  assert.match(last.title, /^导入未完成：第 501 行（至文件末行）未导入/)

  // the server committed a part it could not confirm: that part may or may not be in, sending it
  // again (继续) is harmless, the rows after it are not in
  const unsure = unfinishedText({ fromRow: 8002, toRow: 20001, reason: '…', uncertain: { part: 2, firstRow: 8002, lastRow: 16001 } })
  assert.equal(unsure.title, '导入未完成：第 2 批（第 8,002–16,001 行）无法确认是否已保存；其后第 16,002–20,001 行（至文件末行）未导入')
  assert.match(unsure.advice, /继续导入会重新发送第 2 批：其中已保存的行只会更新（计入“更新”），不会重复/)
  const unsureLast = unfinishedText({ fromRow: 16002, toRow: 20001, uncertain: { part: 3, firstRow: 16002, lastRow: 20001 } })
  assert.equal(unsureLast.title, '导入未完成：第 3 批（第 16,002–20,001 行）无法确认是否已保存')
}

// api.js: a request with a timeout that hangs, one whose answer is cut short, one the page cancels
// — each an ApiError of status 0 the callers handle; without options nothing changes (no signal)
{
  globalThis.sessionStorage = { getItem: () => null, setItem() {}, removeItem() {} }
  const { request } = await import(join(root, 'web', 'src', 'api.js'))
  const failure = async (p) => {
    try {
      await p
    } catch (e) {
      return [e.name, e.status, e.code, e.message]
    }
    assert.fail('no failure')
  }
  // a server that never answers (until the request is aborted)
  let seen = null
  globalThis.fetch = (url, init) => {
    seen = init
    return new Promise((resolve, reject) => init.signal && init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
  }
  assert.deepEqual(await failure(request('POST', '/persons/import', { body: {}, timeout: 50 })), ['ApiError', 0, 'TIMEOUT', '服务器 0 秒内未应答，请检查网络'])
  const ctl = new AbortController()
  const cancelled = request('POST', '/persons/import', { body: {}, signal: ctl.signal })
  ctl.abort()
  assert.deepEqual(await failure(cancelled), ['ApiError', 0, 'ABORTED', '请求已取消'])
  // the answer's headers came, its body did not: the read fails
  const cut = () => Promise.resolve({ ok: true, status: 200, headers: new Headers(), text: () => Promise.reject(new TypeError('network error')), blob: () => Promise.reject(new TypeError('network error')) })
  globalThis.fetch = (url, init) => ((seen = init), cut())
  assert.deepEqual(await failure(request('GET', '/persons')), ['ApiError', 0, 'NETWORK', '与服务器的连接中断，未收到完整应答，请检查网络'])
  assert.equal(seen.signal, undefined, 'a request without options has no signal')
  assert.deepEqual(await failure(request('POST', '/exports', { body: {}, blob: true })), ['ApiError', 0, 'NETWORK', '与服务器的连接中断，未收到完整应答，请检查网络'])
  // no connection at all: as before
  globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'))
  assert.deepEqual(await failure(request('GET', '/persons')), ['ApiError', 0, 'NETWORK', '无法连接服务器，请检查网络'])
  // an answer in time: the timer does not fire afterwards, the JSON is returned
  globalThis.fetch = () => Promise.resolve({ ok: true, status: 200, headers: new Headers(), text: () => Promise.resolve('{"rows":3}') })
  assert.deepEqual(await request('POST', '/persons/import', { body: {}, timeout: 30 }), { rows: 3 })
  await new Promise((r) => setTimeout(r, 60))
  // a refusal keeps its status and code
  globalThis.fetch = () => Promise.resolve({ ok: false, status: 503, headers: new Headers(), text: () => Promise.resolve('{"error":{"code":"OUTCOME_UNKNOWN","message":"无法确认"}}') })
  assert.deepEqual(await failure(request('POST', '/persons/import', { body: {}, timeout: 1000 })), ['ApiError', 503, 'OUTCOME_UNKNOWN', '无法确认'])
}

console.log('csv-send: ok')
