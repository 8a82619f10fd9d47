// story-files.mjs — the story groups, found by file (issue 12: registration by folder): every
// tests/e2e/<name>-scenarios.mjs except a11y-scenarios.mjs is one group. A file exports its stories
// as an array named …Scenarios, and may export
//   groupRank   — its place in the run (groups run in rank order, then by file name; the shards
//                 take groups round robin in that order, see scenarios.mjs), and
//   a11yDetails — detail pages the a11y walk opens with the first record of a list:
//                 [{ list: '/api path', page: (id) => '/web path' }].
// A new area's stories are a new file: no edit of scenarios.mjs or a11y-scenarios.mjs.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const here = path.dirname(new URL(import.meta.url).pathname)

const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('-scenarios.mjs') && f !== 'a11y-scenarios.mjs')
  .sort()

const loaded = []
for (const f of files) {
  const mod = await import(pathToFileURL(path.join(here, f)).href)
  const names = Object.keys(mod).filter((k) => /Scenarios$/.test(k) && Array.isArray(mod[k]))
  if (names.length !== 1) throw new Error(`${f}: exports ${names.length} story arrays (…Scenarios), expected one`)
  loaded.push({ file: f, stories: mod[names[0]], rank: mod.groupRank ?? 1000, a11yDetails: mod.a11yDetails || [] })
}

/** The groups in run order: { file, stories, rank, a11yDetails }. */
export const storyFiles = loaded.sort((a, b) => a.rank - b.rank || a.file.localeCompare(b.file))
