#!/usr/bin/env python3
"""prefixes.py SRC — file = resource = function prefix (issue 12 item 8):
every non-static function defined in src/domain/**/X.c is named X or X_…
(X without a trailing 's' is accepted too: cases.c → case_load). Functions
that break it today are listed in tests/lint/prefixes-allow.txt, each a file
still to be split by resource; the list may only shrink: a listed function
that now complies, or is gone, fails too (remove its line)."""
import os, re, sys

root = sys.argv[1]
allow_path = os.path.join(root, 'tests/lint/prefixes-allow.txt')
allow = set()
for line in open(allow_path, encoding='utf-8'):
    line = line.split('#', 1)[0].strip()
    if line:
        allow.add(line)
defn = re.compile(r'^(?!static\b)(?:const\s+)?(?:struct\s+\w+\s*\*?|enum\s+\w+|[a-z_0-9]+\s*\*?)\s*\*?\s*([a-z_][a-z_0-9]*)\(([^;]*)$')
bad, seen = [], set()
for d, _, files in os.walk(os.path.join(root, 'src/domain')):
    for f in sorted(files):
        if not f.endswith('.c'):
            continue
        stem = f[:-2]
        rel = os.path.relpath(os.path.join(d, f), root)
        prev = ''
        for line in open(os.path.join(d, f), encoding='utf-8'):
            m = defn.match(line)
            if m and not line.startswith((' ', '\t')) and not prev.rstrip().endswith(('\\', ',')):
                name = m.group(1)
                ok = name == stem or name.startswith(stem + '_') or (stem.endswith('s') and name.startswith(stem[:-1] + '_'))
                key = '%s:%s' % (rel, name)
                if not ok:
                    seen.add(key)
                    if key not in allow:
                        bad.append('%s: %s does not start with %s_' % (rel, name, stem))
            prev = line
for key in sorted(allow - seen):
    bad.append('%s is listed in prefixes-allow.txt but no longer breaks the rule: remove the line' % key)
for b in bad:
    print(b)
print('%d passed, %d failed' % (0 if bad else 1, len(bad)))
sys.exit(1 if bad else 0)
