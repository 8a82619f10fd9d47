#!/usr/bin/env python3
"""openapi_fields.py SRC PRECINCT_BIN — docs/openapi.yaml's request bodies
match the request field tables (api/fields.h, printed by `precinct fields`):
for every route with a table, the operation has a JSON request body whose
properties are exactly the table's fields, with the same type, required
list, maxLength, enum and integer range. Prints 'N passed, M failed'."""
import json, subprocess, sys

import yaml

src, binary = sys.argv[1], sys.argv[2]
spec = yaml.safe_load(open(src + '/docs/openapi.yaml', encoding='utf-8'))
tables = json.loads(subprocess.run([binary, 'fields'], check=True, capture_output=True, text=True).stdout)
INT64_MAX = 2**63 - 1
passed, failed = 0, []


def resolve(node):
    while isinstance(node, dict) and '$ref' in node:
        ref = node['$ref']
        assert ref.startswith('#/'), ref
        node = spec
        for part in ref[2:].split('/'):
            node = node[part]
    return node


def check(where, fields, schema):
    errs = []
    schema = resolve(schema) or {}
    props = {k: resolve(v) for k, v in (schema.get('properties') or {}).items()}
    names = [f['name'] for f in fields]
    for extra in sorted(set(props) - set(names)):
        errs.append('%s: property %s is not in the field table' % (where, extra))
    req = sorted(f['name'] for f in fields if f['required'])
    if sorted(schema.get('required') or []) != req:
        errs.append('%s: required %s, the table says %s' % (where, sorted(schema.get('required') or []), req))
    for f in fields:
        p = props.get(f['name'])
        w = '%s.%s' % (where, f['name'])
        if p is None:
            errs.append('%s: missing from the request body' % w)
            continue
        t = f['type']
        if t in ('string', 'integer', 'boolean', 'object') and p.get('type') != t:
            errs.append('%s: type %s, the table says %s' % (w, p.get('type'), t))
        if t == 'string' and p.get('maxLength') != f.get('maxLength'):
            errs.append('%s: maxLength %s, the table says %s' % (w, p.get('maxLength'), f.get('maxLength')))
        if 'enum' in f and sorted(p.get('enum') or []) != sorted(f['enum']):
            errs.append('%s: enum %s, the table says %s' % (w, p.get('enum'), f['enum']))
        if t == 'integer':
            if p.get('minimum') != f['minimum']:
                errs.append('%s: minimum %s, the table says %s' % (w, p.get('minimum'), f['minimum']))
            want_max = None if f['maximum'] >= INT64_MAX // 2 else f['maximum']
            if p.get('maximum') != want_max:
                errs.append('%s: maximum %s, the table says %s' % (w, p.get('maximum'), want_max))
        if t == 'object' and 'fields' in f:
            errs += check(w, f['fields'], p)
    return errs


for route in tables:
    path = route['path'][len('/api/v1'):]
    op = (spec.get('paths', {}).get(path) or {}).get(route['method'].lower())
    where = '%s %s' % (route['method'], path)
    if not op:
        failed.append('%s: no operation in docs/openapi.yaml' % where)
        continue
    body = resolve(op.get('requestBody') or {})
    schema = (((body.get('content') or {}).get('application/json') or {}).get('schema'))
    if not schema:
        failed.append('%s: no JSON request body' % where)
        continue
    errs = check(where, route['fields'], schema)
    if errs:
        failed += errs
    else:
        passed += 1

for f in failed:
    print(f)
print('%d passed, %d failed' % (passed, len(failed)))
sys.exit(1 if failed else 0)
