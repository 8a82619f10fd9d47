-- (4) create an incident (110 desk): one transaction with its audit row; a
-- unique place per request so no duplicate check stops it (env STATIONS)
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, stations, tag
function init(args)
   c.auth()
   wrk.headers["Content-Type"] = "application/json"
   n = 0
   tag = (tid or 0)
   stations = c.split(os.getenv("STATIONS"), ",")
end
function request()
   n = n + 1
   local body = string.format(
      '{"source":"110","caller_name":"测试","caller_phone":"13800000000","place":"基准测试路%d-%d-%d号",' ..
      '"category":"0501","priority":2,"summary":"邻里纠纷，请求出警","station_id":%s,"not_duplicate":true}',
      tag, os.time() % 100000, n, stations[1 + n % #stations])
   return wrk.format("POST", "/api/v1/incidents", nil, body)
end
