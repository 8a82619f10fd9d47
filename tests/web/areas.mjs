// areas.mjs — what Vite's import.meta.glob does for web/src/areas/index.js and
// web/src/audit/labels.js, for Node (tests and lints): import the modules those globs name and hand
// them in through globals, before those files are imported.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

async function glob(src, test) {
  const out = {}
  for (const dir of fs.readdirSync(src, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!dir.isDirectory()) continue
    for (const f of fs.readdirSync(path.join(src, dir.name)).sort())
      if (test(f)) out[`../${dir.name}/${f}`] = await import(pathToFileURL(path.join(src, dir.name, f)).href)
  }
  return out
}

/** web/src/<area>/area.js and area-<part>.js (areas/index.js). */
export async function loadWebModules(root) {
  globalThis.__PRECINCT_AREA_MODULES__ ??= await glob(path.join(root, 'web/src'), (f) => /^area(-[a-z-]+)?\.js$/.test(f))
}

/** web/src/<area>/audit-labels.js (audit/labels.js). */
export async function loadAuditLabels(root) {
  globalThis.__PRECINCT_AUDIT_LABELS__ ??= await glob(path.join(root, 'web/src'), (f) => f === 'audit-labels.js')
}
