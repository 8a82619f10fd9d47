-- (3) name search over the registry with 2- and 3-character names
-- (env NAMES: URL-encoded names separated by commas)
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, names
function init(args)
   c.auth()
   n = (tid or 0) * 3
   names = c.split(os.getenv("NAMES"), ",")
end
function request()
   n = n + 1
   return wrk.format("GET", "/api/v1/persons?per_page=20&name=" .. names[1 + n % #names])
end
