// openapi_validate.mjs — docs/openapi.yaml validates as OpenAPI 3.0 (schema
// of the spec plus $ref resolution), with the parser from web/node_modules.
// Usage: node tests/lint/openapi_validate.mjs <repo root>
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(process.argv[2] || '.');
const require = createRequire(path.join(root, 'web', 'package.json'));
let SwaggerParser;
try {
  SwaggerParser = require('@apidevtools/swagger-parser');
} catch (e) {
  console.error('web/node_modules lacks @apidevtools/swagger-parser; run scripts/web.sh first');
  process.exit(1);
}
const file = path.join(root, 'docs', 'openapi.yaml');
try {
  const api = await SwaggerParser.validate(file);
  let ops = 0;
  for (const item of Object.values(api.paths))
    for (const m of ['get', 'put', 'post', 'delete', 'patch'])
      if (item[m]) ops++;
  console.log(`docs/openapi.yaml: valid OpenAPI ${api.openapi}, ${ops} operations`);
  console.log('1 passed, 0 failed');
} catch (e) {
  console.error(String(e.message || e));
  console.log('0 passed, 1 failed');
  process.exit(1);
}
