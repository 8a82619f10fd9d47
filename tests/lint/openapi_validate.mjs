// openapi_validate.mjs — docs/openapi.yaml is a contract:
//   1. it validates as OpenAPI 3.0 (the spec's schema and every $ref), with
//      @apidevtools/swagger-parser from web/node_modules;
//   2. every operation documents its success: at least one 2xx response, and each
//      2xx response has a body schema (a JSON schema, or the media type of a download);
//   3. every operation documents the error shape: a 4XX and a 5XX response, and every
//      4xx/5xx response is {"error":{"code","message",…}} (components/responses/Error,
//      Rule, or a 409 that adds fields next to the error);
//   4. every request body is an object schema whose properties all have a type.
// Usage: node tests/lint/openapi_validate.mjs <repo root>
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(process.argv[2] || '.')
const require = createRequire(path.join(root, 'web', 'package.json'))
let SwaggerParser
try {
  SwaggerParser = require('@apidevtools/swagger-parser')
} catch (e) {
  console.error('web/node_modules lacks @apidevtools/swagger-parser; run scripts/web.sh first')
  process.exit(1)
}
const file = path.join(root, 'docs', 'openapi.yaml')
let passed = 0
let failed = 0
function report(name, problems) {
  if (problems.length) {
    failed++
    console.log(`FAIL ${name}:`)
    for (const p of problems) console.log('  ' + p)
  } else {
    passed++
    console.log(`ok   ${name}`)
  }
}

let api
try {
  api = await SwaggerParser.validate(file)
  report('docs/openapi.yaml validates as OpenAPI ' + api.openapi, [])
} catch (e) {
  report('docs/openapi.yaml validates as OpenAPI 3.0', [String(e.message || e)])
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(1)
}

// the raw file (refs not resolved) to see which responses point at the shared error
const raw = await SwaggerParser.parse(file)
const noSuccess = []
const noError = []
const untyped = []
let ops = 0
let maxLength = 0
let fields = 0
for (const [p, item] of Object.entries(raw.paths)) {
  for (const m of ['get', 'put', 'post', 'delete', 'patch']) {
    const op = item[m]
    if (!op) continue
    ops++
    const name = `${m.toUpperCase()} ${p}`
    const responses = op.responses || {}
    const ok = Object.keys(responses).filter((c) => /^2(\d\d|XX)$/.test(c))
    if (!ok.length) noSuccess.push(`${name}: no 2xx response`)
    for (const c of ok) {
      const r = responses[c].$ref ? api.components.responses[responses[c].$ref.split('/').pop()] : responses[c]
      const content = r.content || {}
      const media = Object.keys(content)
      if (c !== '204' && !media.length) noSuccess.push(`${name} ${c}: no body documented`)
      for (const mt of media) {
        if (mt === 'application/json' && !(content[mt].schema && (content[mt].schema.$ref || content[mt].schema.type)))
          noSuccess.push(`${name} ${c}: no schema for ${mt}`)
      }
    }
    const resolved = api.paths[p][m].responses
    for (const range of ['4XX', '5XX']) {
      const listed = Object.keys(responses).filter((c) => c[0] === range[0])
      if (!listed.includes(range)) noError.push(`${name}: no ${range} response`)
      for (const c of listed) {
        const sc = resolved[c].content && resolved[c].content['application/json'] &&
          resolved[c].content['application/json'].schema
        const e = sc && sc.properties && sc.properties.error
        if (!e || !e.properties || !e.properties.code || !e.properties.message)
          noError.push(`${name} ${c}: not the error shape {"error":{"code","message",…}}`)
        else if (!responses[c].$ref && c !== '409')
          noError.push(`${name} ${c}: write it as $ref: '#/components/responses/Error'`)
      }
    }
    const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json']
    if (body) {
      const s = body.schema || {}
      if (s.type !== 'object') untyped.push(`${name}: request body is not an object schema`)
      const walk = (props, pre) => {
        for (const [k, v] of Object.entries(props || {})) {
          fields++
          if (v.maxLength !== undefined) maxLength++
          if (!v.type && !v.$ref && !v.description) untyped.push(`${name}: ${pre}${k} has no type`)
          if (v.properties) walk(v.properties, `${pre}${k}.`)
          if (v.items && v.items.properties) walk(v.items.properties, `${pre}${k}[].`)
        }
      }
      walk(s.properties, '')
    }
  }
}
report(`every operation documents its success response (${ops} operations)`, noSuccess)
report('every operation documents the error shape (4XX and 5XX)', noError)
report(`every request field has a type (${fields} fields, ${maxLength} with maxLength)`, untyped)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
