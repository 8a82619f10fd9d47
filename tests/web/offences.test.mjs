// offences.test.mjs — the 案由 picker's order (issue 17): the exact name first, then prefix, then
// contains, then loose; ties keep the table's order. The list is in the table's order (common
// offences first, then by code), as GET /offences gives it to the picker.
import assert from 'node:assert/strict'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const { rankOffences, offenceMatch } = await import(path.join(root, 'web/src/cases/offence-rank.js'))

const LIST = [
  { code: 'OF-008', name: '盗窃、损毁油气管道、电力电信、广播电视、水利等公共设施' },
  { code: 'OF-012', name: '寻衅滋事：结伙斗殴；追逐、拦截他人' },
  { code: 'OF-052', name: '殴打他人，或故意伤害他人身体' },
  { code: 'OF-053', name: '结伙殴打、伤害他人' },
  { code: 'OF-065', name: '盗窃' },
  { code: 'OF-066', name: '诈骗' },
  { code: 'OF-100', name: '在公共交通工具上盗窃他人财物' },
  { code: 'OF-130', name: '盗伐林木窃取' }
]
const codes = (l) => l.map((o) => o.code)

assert.deepEqual(codes(rankOffences(LIST, '盗窃')), ['OF-065', 'OF-008', 'OF-100', 'OF-130'],
  'exact 盗窃 first, then the prefix, then contains, then the loose 盗…窃')
assert.equal(offenceMatch(LIST[4], '盗窃'), 0)
assert.equal(offenceMatch(LIST[0], '盗窃'), 1)
assert.equal(offenceMatch(LIST[6], '盗窃'), 2)
assert.equal(offenceMatch(LIST[7], '盗窃'), 3)
assert.deepEqual(codes(rankOffences(LIST, '殴打他人')), ['OF-052', 'OF-053'])
assert.deepEqual(codes(rankOffences(LIST, 'of-065')), ['OF-065'])
assert.deepEqual(codes(rankOffences(LIST, '  ')), codes(LIST), 'no text: the table order')
assert.deepEqual(codes(rankOffences(LIST, '走私')), [])
console.log('all passed')
