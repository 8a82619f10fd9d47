#!/usr/bin/env python3
"""openapi_bodies.py PRECINCT_BIN [OPENAPI] — write the JSON request body of
every route that has a request field table (`precinct fields`) into
docs/openapi.yaml, replacing what the operation had. Run it after changing
a field table; tests/lint/openapi_fields.py fails until the file matches."""
import json, re, subprocess, sys

binary = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else 'docs/openapi.yaml'
tables = json.loads(subprocess.run([binary, 'fields'], check=True, capture_output=True, text=True).stdout)
lines = open(path, encoding='utf-8').read().split('\n')
INT64_MAX = 2**63 - 1


def q(s):
    return json.dumps(s, ensure_ascii=False)


def schema(fields, ind):
    pad = ' ' * ind
    out = [pad + 'type: object']
    req = [f['name'] for f in fields if f['required']]
    if req:
        out.append(pad + 'required: [%s]' % ', '.join(req))
    out.append(pad + 'additionalProperties: false')
    out.append(pad + 'properties:')
    for f in fields:
        t = f['type']
        if t == 'object' and 'fields' in f:
            out.append(pad + '  %s:' % f['name'])
            out += schema(f['fields'], ind + 4)
            continue
        parts = []
        if t != 'json':
            parts.append('type: %s' % t)
        if t == 'string':
            parts.append('maxLength: %d' % f['maxLength'])
        if 'enum' in f:
            parts.append('enum: [%s]' % ', '.join(q(v) for v in f['enum']))
        if t == 'integer':
            parts.append('minimum: %d' % f['minimum'])
            if f['maximum'] < INT64_MAX // 2:
                parts.append('maximum: %d' % f['maximum'])
        out.append(pad + '  %s: { %s }' % (f['name'], ', '.join(parts)) if parts else pad + '  %s: {}' % f['name'])
    return out


def indent(l):
    return len(l) - len(l.lstrip(' '))


for route in tables:
    p = route['path'][len('/api/v1'):]
    m = route['method'].lower()
    try:
        i = lines.index('  %s:' % p)
    except ValueError:
        sys.exit('no path %s in %s' % (p, path))
    j = i + 1
    while j < len(lines) and not (lines[j].strip() and indent(lines[j]) <= 2):
        if lines[j] == '    %s:' % m:
            break
        j += 1
    else:
        sys.exit('no %s %s in %s' % (m, p, path))
    if j >= len(lines) or lines[j] != '    %s:' % m:
        sys.exit('no %s %s in %s' % (m, p, path))
    # the operation spans j+1 … end (lines indented more than 4)
    end = j + 1
    while end < len(lines) and (not lines[end].strip() or indent(lines[end]) > 4):
        end += 1
    body = ['      requestBody:', '        required: true', '        content:', '          application/json:',
            '            schema:'] + schema(route['fields'], 14)
    k = j + 1
    rb = None
    while k < end:
        if lines[k].startswith('      requestBody:'):
            rb = k
            break
        k += 1
    if rb is not None:
        e = rb + 1
        while e < end and (not lines[e].strip() or indent(lines[e]) > 6):
            e += 1
        lines[rb:e] = body
    else:
        k = j + 1
        while k < end and not lines[k].startswith('      responses:'):
            k += 1
        lines[k:k] = body
open(path, 'w', encoding='utf-8').write('\n'.join(lines))
print('request bodies written for %d routes' % len(tables))
