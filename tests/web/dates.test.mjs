// dates.test.mjs — the round trip of every date/datetime picker of the web against the API's
// epoch seconds (issue 17: the 督办 dialog showed a deadline in the year 1798).
//
// Element Plus parses a picker model with value-format="x" as dayjs(model): a Number is epoch ms,
// but a numeric STRING is read as "YYYYMMDDhhmmss…" (year 1799). So (1) format.js's helpers give
// Numbers and round-trip exactly, as the picker would show them; (2) no .vue/.js file builds a
// picker model with String(…) of milliseconds.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const web = join(root, 'web')
const require = createRequire(join(web, 'package.json'))
const dayjs = require('dayjs')
const fmt = await import(join(web, 'src', 'format.js'))

// Element Plus's parseDate for value-format "x" (time-picker/src/utils.mjs)
const pickerShows = (model) => dayjs(model)
let failures = 0
function check(name, fn) {
  try {
    fn()
    console.log('ok  ', name)
  } catch (e) {
    failures++
    console.log('FAIL', name, '\n     ', e.message)
  }
}

const SECS = [1764806400, 1796396427, 1780000000 + 59, 946684800]
check('secToPicker → picker shows the same instant', () => {
  for (const s of SECS) {
    const d = pickerShows(fmt.secToPicker(s))
    assert.equal(d.unix(), s)
    assert.equal(typeof fmt.secToPicker(s), 'number')
  }
})
check('picker model → pickerToSec gives back the API seconds', () => {
  for (const s of SECS) assert.equal(fmt.pickerToSec(fmt.secToPicker(s)), s)
  assert.equal(fmt.pickerToSec(String(SECS[0] * 1000)), SECS[0])
  assert.equal(fmt.pickerToSec(null), null)
  assert.equal(fmt.secToPicker(''), null)
})
check('pickerIn(24) is a Number the picker shows tomorrow (not 1798/1799)', () => {
  const m = fmt.pickerIn(24)
  assert.equal(typeof m, 'number')
  const d = pickerShows(m)
  assert.ok(Math.abs(d.valueOf() - (Date.now() + 86400000)) < 5000)
  assert.ok(d.year() >= 2020, `year ${d.year()}`)
})
check('the bug this guards against is real: a numeric string shows a year around 1800', () => {
  // dayjs reads "1796485943835" as YYYY MM DD…: year 1796 plus the months' overflow (1796–1805)
  assert.ok(pickerShows(String(fmt.pickerIn(24))).year() < 2000)
})
check('formatMin of the round-tripped value is the Shanghai wall time', () => {
  // 2026-12-04 00:00:00 +08:00
  assert.equal(fmt.formatMin(fmt.pickerToSec(fmt.secToPicker(1796313600))), '2026-12-04 00:00')
  assert.equal(fmt.dayStartSec('2026-12-04'), 1796313600)
  assert.equal(fmt.daySec(fmt.dayStartSec('2026-03-07')), '2026-03-07')
})

// the 预警 board's time left: hours and minutes for anything under a day (issue 17)
const store = { getItem: () => null, setItem() {}, removeItem() {} }
globalThis.sessionStorage ??= store
globalThis.localStorage ??= store
const levels = await import(join(web, 'src', 'clocks', 'levels.js'))
check('countdownText: under a day in hours and minutes, else days and hours', () => {
  const t0 = 1796313600
  assert.equal(levels.countdownText(t0 + 23 * 60 + 5, t0), '剩余 0小时23分')
  assert.equal(levels.countdownText(t0 + 5 * 3600 + 7 * 60, t0), '剩余 5小时07分')
  assert.equal(levels.countdownText(t0 + 86399, t0), '剩余 23小时59分')
  assert.equal(levels.countdownText(t0 + 2 * 86400 + 3600, t0), '剩余 2天1小时')
  assert.equal(levels.countdownText(t0 - 90 * 60, t0), '已超期 1小时30分')
})

// every source file: a model of a value-format="x" picker is never String(ms)
function* files(dir) {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) yield* files(p)
    else if (/\.(vue|js)$/.test(n)) yield p
  }
}
check('no picker model is a String of milliseconds in web/src', () => {
  const bad = []
  for (const p of files(join(web, 'src'))) {
    const s = readFileSync(p, 'utf8')
    const models = new Set()
    for (const m of s.matchAll(/<el-date-picker[^>]*>/g)) {
      if (!/value-format="x"/.test(m[0])) continue
      const v = /v-model="(?:[\w.]+\.)?(\w+)"/.exec(m[0])
      if (v) models.add(v[1])
    }
    s.split('\n').forEach((line, i) => {
      if (/String\(\s*Date\.now\(\)/.test(line)) bad.push(`${p}:${i + 1}: ${line.trim()}`)
      for (const f of models)
        if (new RegExp(`\\b${f}\\s*[:=]\\s*String\\(`).test(line)) bad.push(`${p}:${i + 1}: ${line.trim()}`)
    })
  }
  assert.deepEqual(bad, [])
})

if (failures) {
  console.log(`${failures} failed`)
  process.exit(1)
}
console.log('all passed')
