#!/usr/bin/env python3
"""includes.py SRC — the include graph of src/ has no circles between
modules (x.c with x.h is one module; a module that includes another's header
depends on it). Prints each circle found and 'N passed, M failed'."""
import os, re, sys

root = os.path.join(sys.argv[1], 'src')
deps = {}
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(('.c', '.h')):
            continue
        path = os.path.join(d, f)
        mod = os.path.relpath(path, root)[:-2]
        for inc in re.findall(r'^#include "([^"]+)\.h"', open(path, encoding='utf-8').read(), re.M):
            if inc != mod and os.path.exists(os.path.join(root, inc + '.h')):
                deps.setdefault(mod, set()).add(inc)
        deps.setdefault(mod, set())

# Tarjan's strongly connected components
index, low, stack, on, comps = {}, {}, [], set(), []
counter = [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in deps.get(v, ()):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            comps.append(sorted(comp))


for v in sorted(deps):
    if v not in index:
        visit(v)
for c in comps:
    print('include circle: ' + ' <-> '.join(c))
print('%d passed, %d failed' % (0 if comps else 1, len(comps)))
sys.exit(1 if comps else 0)
