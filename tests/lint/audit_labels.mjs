#!/usr/bin/env node
// audit_labels.mjs — every action and object kind the C code writes to the audit log has a Chinese
// label in web/src/audit/labels.js (the auditor must never read a raw code).
//
//   node tests/lint/audit_labels.mjs <repo root>
//
// The audit sinks are audit_write / ctx_deny / ctx_audit_after / ctx_require_role (the action is
// their 2nd argument, the object kind their 3rd) and audit_read (object kind 2nd, action "read").
// A function that hands one of its own parameters to a sink — as it is, or inside
// arena_printf(…, "case.%s", param) — becomes a sink too (found to a fixpoint), so the literals its
// callers pass are checked with the prefix. An action built from a value the code does not name
// ("case.%s" of a request parameter) needs a prefix label ("case.*"). Last line: "N passed, N failed".
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = path.resolve(process.argv[2] || path.join(path.dirname(new URL(import.meta.url).pathname), '../..'))
const { loadAuditLabels } = await import(pathToFileURL(path.join(root, 'tests/web/areas.mjs')).href)
await loadAuditLabels(root) // the areas' audit-labels.js, as import.meta.glob finds them in the browser
const labels = await import(pathToFileURL(path.join(root, 'web/src/audit/labels.js')).href)

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (e.name.endsWith('.c')) out.push(p)
  }
  return out
}

/** Remove comments, keep strings and line structure. */
function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '')
}

/** The arguments of the call whose '(' is at `open`, split at top-level commas. */
function callArgs(src, open) {
  const args = []
  let depth = 0
  let cur = ''
  for (let i = open; i < src.length; i++) {
    const ch = src[i]
    if (ch === '"' || ch === "'") {
      let j = i + 1
      while (j < src.length && src[j] !== ch) j += src[j] === '\\' ? 2 : 1
      cur += src.slice(i, j + 1)
      i = j
      continue
    }
    if (ch === '(') {
      depth++
      if (depth === 1) continue
    } else if (ch === ')') {
      depth--
      if (depth === 0) {
        args.push(cur.trim())
        return args
      }
    } else if (ch === ',' && depth === 1) {
      args.push(cur.trim())
      cur = ''
      continue
    }
    cur += ch
  }
  return args
}

/** Function definitions: { name, params: [names], body }. Bodies end at the first "\n}" line. */
function definitions(src) {
  const defs = []
  const re = /^[A-Za-z_][\w \t*]*?\b(\w+)\(([^()]*)\)\s*\{/gm
  let m
  while ((m = re.exec(src))) {
    const start = m.index + m[0].length
    const end = src.indexOf('\n}', start)
    const params = m[2].split(',').map((p) => (/(\w+)\s*(\[\s*\w*\s*\])?\s*$/.exec(p.trim()) || [])[1] || '')
    defs.push({ name: m[1], params, body: src.slice(start, end < 0 ? src.length : end) })
  }
  return defs
}

const strings = (arg) => [...arg.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1])
const PRINTF = /^arena_printf\s*\(\s*[^,]+,\s*"([^"%]*)%s"\s*,\s*([\w>.-]+)\s*\)$/

const files = walk(path.join(root, 'src')).map((f) => ({ f, src: stripComments(fs.readFileSync(f, 'utf8')) }))
const defs = files.flatMap(({ f, src }) => definitions(src).map((d) => ({ ...d, f })))

// sinks: name → { action: [argIndex, prefix] | null, object: argIndex | null }
const sinks = new Map([
  ['audit_write', { action: [1, ''], object: 2 }],
  ['ctx_deny', { action: [1, ''], object: 2 }],
  ['ctx_audit_after', { action: [1, ''], object: 2 }],
  ['ctx_require_role', { action: [1, ''], object: null }],
  ['audit_read', { action: null, object: 1, fixed: 'read' }]
])

function* calls(body) {
  for (const [name, sink] of sinks) {
    const re = new RegExp(`(?<![\\w.>])${name}\\s*\\(`, 'g')
    let m
    while ((m = re.exec(body))) {
      yield { name, sink, args: callArgs(body, m.index + m[0].length - 1) }
    }
  }
}

// grow the sink set: a function passing its own parameter on as the action / object kind
for (let changed = true; changed; ) {
  changed = false
  for (const d of defs) {
    if (sinks.has(d.name) && d.name !== 'audit_read') continue
    for (const { sink, args } of calls(d.body)) {
      const next = { action: null, object: null }
      if (sink.action) {
        const a = args[sink.action[0]] || ''
        const pm = PRINTF.exec(a)
        if (d.params.includes(a)) next.action = [d.params.indexOf(a), sink.action[1]]
        else if (pm && d.params.includes(pm[2])) next.action = [d.params.indexOf(pm[2]), sink.action[1] + pm[1]]
      }
      if (sink.object != null && d.params.includes(args[sink.object])) next.object = d.params.indexOf(args[sink.object])
      if ((next.action || next.object != null) && !sinks.has(d.name)) {
        sinks.set(d.name, next)
        changed = true
      }
    }
  }
}

const actions = new Map() // code → first place
const prefixes = new Map()
const objects = new Map()
const note = (map, k, where) => map.has(k) || map.set(k, where)

for (const d of defs) {
  const rel = path.relative(root, d.f)
  const own = sinks.get(d.name)
  const forwarded = (v, kind) =>
    own && own !== sinks.get('audit_read') && d.params.includes(v) && (kind === 'action' ? own.action && own.action[0] === d.params.indexOf(v) : own.object === d.params.indexOf(v))
  for (const { name, sink, args } of calls(d.body)) {
    const where = `${rel} ${d.name}() → ${name}()`
    if (sink.fixed) note(actions, sink.fixed, where)
    if (sink.action) {
      const a = args[sink.action[0]] || ''
      const pm = PRINTF.exec(a)
      const lits = strings(a)
      if (forwarded(a, 'action') || (pm && forwarded(pm[2], 'action'))) {
        // a wrapper passing its parameter on: its callers are checked
      } else if (pm) {
        note(prefixes, sink.action[1] + pm[1], where)
      } else if (lits.length) {
        for (const lit of lits) note(actions, sink.action[1] + lit, where)
      } else if (sink.action[1]) {
        note(prefixes, sink.action[1], where)
      }
    }
    if (sink.object != null) for (const lit of strings(args[sink.object] || '')) note(objects, lit, where)
  }
}

const problems = []
for (const [a, where] of actions) if (!labels.hasActionLabel(a)) problems.push(`action ${a} has no label (audited in ${where})`)
for (const [p, where] of prefixes) if (!labels.hasActionPrefixLabel(p)) problems.push(`actions ${p}* have no prefix label (audited in ${where})`)
for (const [o, where] of objects) if (!labels.hasObjectTypeLabel(o)) problems.push(`object kind ${o} has no label (audited in ${where})`)

for (const p of problems) console.log(`not ok - ${p}`)
console.log(`# ${actions.size} actions, ${prefixes.size} action prefixes, ${objects.size} object kinds audited in src/`)
const passed = actions.size + prefixes.size + objects.size - problems.length
console.log(`${passed} passed, ${problems.length} failed`)
process.exit(problems.length ? 1 : 0)
