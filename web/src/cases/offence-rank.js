// offence-rank.js — how the 案由 picker orders a search (issue 17): the exact name (or code) first,
// then names starting with the text, then names containing it, then loose matches (every character
// of the text in order, e.g. pinyin-free abbreviations "殴他" → 殴打他人); ties keep the table's
// order (common offences first). No imports: tests/web/offences.test.mjs runs it under node.

/** 0 exact, 1 prefix, 2 contains, 3 loose, -1 no match. */
export function offenceMatch(o, text) {
  const f = String(text || '').trim().toLowerCase()
  if (!f) return 2
  const name = String(o.name || '').toLowerCase()
  const code = String(o.code || '').toLowerCase()
  if (name === f || code === f) return 0
  if (name.startsWith(f) || code.startsWith(f)) return 1
  if (name.includes(f) || code.includes(f)) return 2
  let i = 0
  for (const ch of name) if (ch === f[i]) i++
  return i === f.length ? 3 : -1
}

/** The offences matching `text`, best first (stable within a rank). */
export function rankOffences(list, text) {
  if (!String(text || '').trim()) return list
  return list
    .map((o, i) => ({ o, i, r: offenceMatch(o, text) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.o)
}
