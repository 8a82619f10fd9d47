// addresses.js — the station's 标准地址 (GET /addresses) as a tree: 社区 → 楼栋 → 单元 → 房号.
import api from '../api.js'

let cache = null

/** The flat list, fetched once per page load unless `fresh`. */
export async function loadAddresses(fresh) {
  if (!cache || fresh) cache = api.get('/addresses').then((d) => d.items || [])
  try {
    return await cache
  } catch (e) {
    cache = null
    throw e
  }
}

export function forgetAddresses() {
  cache = null
}

const LEVELS = ['community', 'building', 'unit_no', 'room']

/**
 * Nested nodes { key, label, level, children, address } for el-tree and el-cascader. A record is
 * attached to the deepest node its non-empty parts reach (an address may stop at 楼栋, or skip
 * the 单元); a node's level is that of its part (3 = 房号).
 */
export function addressTree(items) {
  const root = { children: [], index: new Map() }
  for (const a of items) {
    let node = root
    let key = ''
    for (let i = 0; i < LEVELS.length; i++) {
      const part = a[LEVELS[i]]
      if (!part) continue // a village house has no 单元: its 房号 hangs under the 楼栋
      key += '|' + part
      let child = node.index.get(part)
      if (!child) {
        child = { key, value: key, label: part, level: i, children: [], index: new Map(), address: null }
        node.index.set(part, child)
        node.children.push(child)
      }
      node = child
    }
    if (node !== root) node.address = a
  }
  const clean = (n) => {
    delete n.index
    if (!n.children.length) delete n.children
    else n.children.forEach(clean)
    return n
  }
  return root.children.map(clean)
}

/** Cascader options (leaves are address ids); a node that is itself an address gets a 「本级」 leaf. */
export function cascaderOptions(items) {
  const map = (n) => {
    if (!n.children) return { value: n.address.id, label: n.label }
    const children = n.children.map(map)
    if (n.address) children.unshift({ value: n.address.id, label: '（本级）' })
    return { value: n.key, label: n.label, children }
  }
  return addressTree(items).map(map)
}
