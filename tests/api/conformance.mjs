// conformance.mjs — every route of docs/openapi.yaml called on a fresh demo database
// as the demo roles; each real answer (status and JSON body) is checked against the
// response the operation documents. Fails on an undocumented status, a body that does
// not match its schema, an operation never called, or a documented success status
// never answered.
//
// Env: PRECINCT_BIN (the server), PRECINCT_SRC (repo root). CONFORMANCE_RECORD=<file>
// writes every call and its answer to <file> (for writing schemas from reality).
import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { initDatabase, makeTempDir, startServer, stopServer } from '../e2e/harness.mjs'

const here = path.dirname(new URL(import.meta.url).pathname)
const root = path.resolve(process.env.PRECINCT_SRC || path.join(here, '../..'))
const bin = path.resolve(process.env.PRECINCT_BIN || path.join(root, 'build/precinct'))
const require = createRequire(path.join(root, 'web/package.json'))
const SwaggerParser = require('@apidevtools/swagger-parser')
const Ajv = require('ajv')

const PASSWORD = 'Precinct-Demo-2026'
const ROLES = ['admin', 'auditor', 'jiejing', 'ducha', 'juzhang', 'fazhidadui', 'suozhang',
  'minjing1', 'minjing2', 'fazhi', 'neiqin', 'fujing', 'dangan']

const spec = await SwaggerParser.dereference(path.join(root, 'docs/openapi.yaml'))
const ajv = new Ajv({ strict: false, allErrors: true })
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
ajv.addFormat('date-time', true)

// path template → regex; literal paths win over templated ones (/incidents/board)
const ops = []
for (const [tpl, item] of Object.entries(spec.paths)) {
  for (const m of ['get', 'post', 'put', 'patch', 'delete']) {
    if (!item[m]) continue
    const rx = new RegExp('^' + tpl.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$')
    ops.push({ key: `${m.toUpperCase()} ${tpl}`, method: m.toUpperCase(), tpl, rx,
      params: (tpl.match(/\{/g) || []).length, op: item[m], calls: 0, ok: 0 })
  }
}
ops.sort((a, b) => a.params - b.params)
const validators = new Map()
let probing = false
const failures = []
const record = []

function findOp(method, p) {
  return ops.find((o) => o.method === method && o.rx.test(p))
}

function check(o, status, ctype, body, text, where) {
  const resp = o.op.responses[String(status)] || o.op.responses[`${Math.floor(status / 100)}XX`] ||
    o.op.responses.default
  if (!resp) {
    failures.push(`${where}: status ${status} not documented (${text.slice(0, 200)})`)
    return
  }
  if (status >= 400 && body && body.error && !body.error.request_id)
    failures.push(`${where}: ${status} ${body.error.code} without request_id`)
  // an answer may be one of several documented media (POST /exports: xlsx or csv)
  const medias = resp.content ? Object.keys(resp.content) : []
  const media = medias.find((m) => ctype.startsWith(m)) || medias[0]
  if (!media) {
    if (text.length) failures.push(`${where}: ${status} documents no body but got ${text.slice(0, 120)}`)
    return
  }
  if (!ctype.startsWith(media)) {
    failures.push(`${where}: ${status} content-type ${ctype}, documented ${media}`)
    return
  }
  if (media !== 'application/json') return
  const schema = resp.content[media].schema
  if (!schema) {
    failures.push(`${where}: ${status} has no schema`)
    return
  }
  const vkey = `${o.key} ${status}`
  let v = validators.get(vkey)
  if (!v) {
    v = ajv.compile(schema)
    validators.set(vkey, v)
  }
  if (!v(body)) {
    const errs = v.errors.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`).join('; ')
    failures.push(`${where}: ${status} body does not match: ${errs}`)
  }
}

class Client {
  constructor(base, role) {
    this.base = base
    this.role = role
    this.cookie = ''
    this.csrf = ''
  }

  // rawType: body is a file (a Buffer) sent as it is with that Content-Type (upload routes)
  async call(method, p, body, rawType) {
    const target = findOp(method, p.split('?')[0])
    let spoiled = null
    if (method !== 'GET' && body !== undefined && !probing && target && !probed.has(target.key) &&
        target.op.requestBody && target.op.requestBody.content['application/json'])
      spoiled = await probe(this, method, p, body, target)
    const r = await this.send(method, p, body, rawType)
    if (spoiled && r.status < 300) {
      probed.add(target.key)
      failures.push(...spoiled)
    }
    if (method === 'GET' && r.status === 200 && !probing && target && !probed.has(target.key)) {
      probed.add(target.key)
      await probeQuery(this, p.split('?')[0], target)
    }
    return r
  }

  async send(method, p, body, rawType) {
    const url = this.base + '/api/v1' + p
    const headers = {}
    if (this.cookie) headers.cookie = this.cookie
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf
    if (body !== undefined) headers['content-type'] = rawType || 'application/json'
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : rawType ? body : JSON.stringify(body) })
    const sc = res.headers.get('set-cookie')
    if (sc) this.cookie = sc.split(';')[0]
    const ctype = res.headers.get('content-type') || ''
    let text = ''
    let json
    if (ctype.startsWith('application/json')) {
      text = await res.text()
      try { json = JSON.parse(text) } catch (e) { failures.push(`${method} ${p}: not JSON`) }
    } else {
      const buf = Buffer.from(await res.arrayBuffer())
      text = buf.length ? `<${buf.length} bytes>` : ''
    }
    const pathOnly = p.split('?')[0]
    const o = findOp(method, pathOnly)
    const where = `${this.role} ${method} ${p}`
    if (!o) {
      failures.push(`${where}: no such operation in docs/openapi.yaml`)
    } else {
      o.calls++
      if (res.status < 300) o.ok++
      o.seen = o.seen || new Set()
      o.seen.add(String(res.status))
      const media = o.op.requestBody && o.op.requestBody.content['application/json']
      if (body !== undefined && media && !probing) {
        let v = validators.get(`${o.key} request`)
        if (!v) {
          v = ajv.compile(media.schema)
          validators.set(`${o.key} request`, v)
        }
        const valid = v(body)
        if (res.status < 300 && !valid)
          failures.push(`${where}: accepted a body the document refuses: ${v.errors.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`).join('; ')}`)
      }
      check(o, res.status, ctype, json, text, where)
      if (process.env.CONFORMANCE_RECORD) record.push({ op: o.key, role: this.role, path: p, status: res.status, body: json })
    }
    return { status: res.status, body: json }
  }

  async login() {
    const r = await this.call('POST', '/session', { username: this.role, password: PASSWORD })
    if (r.status !== 200) throw new Error(`login ${this.role}: ${r.status}`)
    this.csrf = r.body.csrf_token
    this.me = r.body.user
    return this
  }
}

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)

// The GET routes without a path parameter come from docs/openapi.yaml itself (a new resource's
// list needs no edit here); those with a required query parameter are called only as a variant.
const PLAIN_GETS = ops
  .filter((o) => o.method === 'GET' && !o.params && !(o.op.parameters || []).some((x) => x.in === 'query' && x.required))
  .map((o) => o.tpl)
  .sort()
// The calls a plain path does not make: a query that shows other rows or a bigger page (the
// details below read the first 25 of some), required query values, and path values (ledger kinds).
const VARIANTS = ['/audit?per_page=200', `/audit/export?from=${today}&to=${today}`, '/cases?per_page=50',
  '/measures?active=1', '/incidents?per_page=50', '/persons?per_page=50',
  '/ledgers/case_ledger', '/ledgers/measure_ledger', '/ledgers/property', '/ledgers/archive_ledger', '/ledgers/loan_ledger',
  '/ledgers/key_persons', '/ledgers/hotel_guests', '/ledgers/special_trades?sub_kind=hotel', '/ledgers/internal_units?sub_kind=school',
  '/return-visits?status=done', '/loans?overdue=1',
  '/assessments?period=quarter', '/assessments?period=year&level=station', '/leader-tasks?open=1',
  '/reports/daily?year=2026', '/duty-rosters?from=2026-01-01&to=2026-01-31']

/** GET every list route; then the details of the ids they name. */
async function readAll(c) {
  const lists = [...PLAIN_GETS, ...VARIANTS]
  const got = {}
  for (const p of lists) got[p.split('?')[0]] = (await c.call('GET', p)).body
  const items = (k) => (got[k] && Array.isArray(got[k].items) ? got[k].items : [])
  const ids = {}
  for (const cs of items('/cases').slice(0, 25)) {
    const r = await c.call('GET', `/cases/${cs.id}`)
    if (r.status !== 200) continue
    const cf = r.body.case
    ids.case = ids.case || cf
    for (const iv of (cf.interviews || []).slice(0, 2)) await c.call('GET', `/interviews/${iv.id}`)
    for (const a of (cf.attachments || []).slice(0, 2)) await c.call('GET', `/attachments/${a.id}`)
    if (cf.receipt_code && !ids.progress) {
      ids.progress = cf.receipt_code
      // every demo reporter left 13800001111 (src/seed/seed_cases.c)
      await new Client(c.base, 'public').call('POST', '/progress', { receipt_code: cf.receipt_code, phone_last4: '1111' })
      await new Client(c.base, 'public').call('POST', '/public/progress', { receipt_code: cf.receipt_code, phone_last4: '1111' })
    }
    await c.call('GET', `/measures?case_id=${cs.id}`)
  }
  for (const e of items('/custody').slice(0, 5)) await c.call('GET', `/custody/${e.id}`)
  for (const e of items('/incidents').slice(0, 25)) await c.call('GET', `/incidents/${e.id}`)
  for (const e of items('/persons').slice(0, 25)) await c.call('GET', `/persons/${e.id}`)
  for (const e of items('/rentals').slice(0, 10)) await c.call('GET', `/rentals/${e.id}`)
  for (const e of items('/exam-results').slice(0, 3)) await c.call('GET', `/exam-sittings/${e.id}`)
  for (const e of items('/equipment').slice(0, 3)) await c.call('GET', `/equipment/${e.id}`)
  for (const e of items('/public/stations').slice(0, 2)) await c.call('GET', `/public/stations/${e.id}`)
  for (const e of items('/complaints').slice(0, 3)) await c.call('GET', `/complaints/${e.id}`)
  for (const e of items('/officer-records').slice(0, 3)) await c.call('GET', `/officer-records/${e.user_id}`)
  if (ids.case) await c.call('GET', `/cases/${ids.case.id}/supervision-cards`)
  for (const e of items('/archive-files').slice(0, 5)) await c.call('GET', `/archive-files/${e.id}`)
  for (const e of items('/online-inspections').slice(0, 3)) await c.call('GET', `/online-inspections/${e.id}`)
  for (const e of items('/key-persons').slice(0, 3)) await c.call('GET', `/key-persons/${e.id}`)
  for (const e of items('/registration-sweeps').slice(0, 2)) await c.call('GET', `/registration-sweeps/${e.id}`)
  if (ids.case) await c.call('GET', `/cases/${ids.case.id}/recusals`)
  return { got, ids }
}

/**
 * The request side of the contract. Before a write operation's first valid call, its
 * body is sent spoiled one way at a time: a string one character past its maxLength,
 * a value outside an enum or a pattern, a number outside its range, a required field
 * missing, an unknown field. Each must answer 400 naming the field (nothing is
 * written), so the limits in the document are the handler's. The spoiled calls count
 * only when the unspoiled body is then accepted.
 */
// known deviations, reviewed: a value outside the enum is reported under another field
const NAMES_OTHER_FIELD = {
  'POST /cases/{id}/measures kind': 'tier' // kind and tier are looked up together
}
const probed = new Set()

/** An integer query parameter outside its documented range, or not a number: 400 naming it. */
async function probeQuery(client, p, o) {
  probing = true
  try {
    for (const prm of o.op.parameters || []) {
      const sc = prm.schema || {}
      if (prm.in !== 'query' || sc.type !== 'integer') continue
      const bad = ['x1']
      if (sc.maximum !== undefined && sc.maximum < 2 ** 52) bad.push(sc.maximum + 1)
      if (sc.minimum !== undefined) bad.push(sc.minimum - 1)
      for (const v of bad) {
        const r = await client.send('GET', `${p}?${prm.name}=${encodeURIComponent(v)}`)
        probes++
        const field = r.body && r.body.error && r.body.error.field
        if (r.status !== 400 || field !== prm.name)
          failures.push(`${client.role} GET ${p}?${prm.name}=${v}: answered ${r.status} ${field || ''}, expected 400 naming ${prm.name}`)
      }
    }
  } finally {
    probing = false
  }
}
let probes = 0

async function probe(client, method, p, body, o) {
  const schema = o.op.requestBody.content['application/json'].schema
  const props = schema.properties || {}
  const tries = []
  for (const [k, v] of Object.entries(props)) {
    if (v.type === 'string' && v.maxLength !== undefined) tries.push([k, 'x'.repeat(v.maxLength + 1), `${k} longer than maxLength ${v.maxLength}`])
    if (v.type === 'string' && v.enum) tries.push([k, 'no_such_value', `${k} outside its enum`])
    if (v.type === 'string' && v.pattern && !v.enum) tries.push([k, '~', `${k} not matching ${v.pattern}`])
    if (v.type === 'integer' && v.maximum !== undefined && v.maximum < 2 ** 52) tries.push([k, v.maximum + 1, `${k} above maximum ${v.maximum}`])
    if (v.type === 'integer' && v.minimum !== undefined) tries.push([k, v.minimum - 1, `${k} below minimum ${v.minimum}`])
  }
  for (const k of schema.required || []) tries.push([k, undefined, `required ${k} missing`])
  if (schema.additionalProperties === false) tries.push(['no_such_field', 1, 'an unknown field'])
  const found = []
  probing = true
  try {
    for (const [k, val, what] of tries) {
      const spoiled = { ...body }
      if (val === undefined) delete spoiled[k]
      else spoiled[k] = val
      const r = await client.call(method, p, spoiled)
      probes++
      const field = r.body && r.body.error && r.body.error.field
      const expect = (what.endsWith('enum') && NAMES_OTHER_FIELD[`${o.key} ${k}`]) || k
      if (r.status !== 400) found.push(`${client.role} ${method} ${p}: ${what}: answered ${r.status}, expected 400`)
      else if (k !== 'no_such_field' && field !== expect)
        found.push(`${client.role} ${method} ${p}: ${what}: 400 names field ${field}, expected ${expect}`)
    }
  } finally {
    probing = false
  }
  return found
}

const dir = makeTempDir()
const db = path.join(dir, 'conformance.db')
initDatabase(bin, db)
const web = fs.existsSync(path.join(root, 'web/dist')) ? path.join(root, 'web/dist') : dir
const { child, baseUrl, output } = await startServer(bin, db, web)
let crashed = null
try {
  await new Client(baseUrl, 'public').call('POST', '/progress', { receipt_code: 'NO-SUCH-CODE', phone_last4: '0000' })
  await new Client(baseUrl, 'public').call('GET', '/me')
  const clients = {}
  for (const role of ROLES) clients[role] = await new Client(baseUrl, role).login()
  for (const role of ROLES) await readAll(clients[role])
  const { writes } = await import('./conformance_writes.mjs')
  await writes(clients, { today, Client, baseUrl, fail: (m) => failures.push(m) })
} catch (e) {
  crashed = e
} finally {
  await stopServer(child)
}
if (process.env.CONFORMANCE_RECORD) fs.writeFileSync(process.env.CONFORMANCE_RECORD, JSON.stringify(record))
fs.rmSync(dir, { recursive: true, force: true })
if (crashed) {
  console.error(crashed.stack || crashed)
  console.error(output.text.slice(-3000))
  failures.push(`crashed: ${crashed.message}`)
}
console.log(`request probes: ${probes} spoiled requests sent to ${probed.size} operations`)
for (const o of ops)
  if (o.op.requestBody && !probed.has(o.key)) console.log(`note: ${o.key}: request body not probed`)
for (const o of ops) {
  if (!o.calls) {
    failures.push(`${o.key}: never called`)
    continue
  }
  if (!o.ok) failures.push(`${o.key}: called ${o.calls}x, never answered 2xx (its success schema is untested)`)
  for (const c of Object.keys(o.op.responses))
    if (/^2\d\d$/.test(c) && !o.seen.has(c)) failures.push(`${o.key}: documented ${c} never answered`)
}
// the sanitizer build reports to the server's output
const sanitizer = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/.exec(output.text)
if (sanitizer) failures.push(`server output has a sanitizer report: ${output.text.slice(sanitizer.index, sanitizer.index + 300)}`)
const called = ops.filter((o) => o.calls).length
const okd = ops.filter((o) => o.ok).length
console.log(`${ops.length} operations, ${called} called, ${okd} answered 2xx at least once`)
for (const f of [...new Set(failures)]) console.log('FAIL ' + f)
console.log(failures.length ? '0 passed, 1 failed' : '1 passed, 0 failed')
process.exit(failures.length ? 1 : 0)
