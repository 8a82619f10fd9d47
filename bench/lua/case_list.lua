-- (2) a list page of 20 rows with filters: the case list (status, kind) or
-- the incident list (station, category prefix), pages 1..50 (env LIST=cases|incidents, STATIONS)
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, which, stations
function init(args)
   c.auth()
   n = (tid or 0) * 17
   which = os.getenv("LIST") or "cases"
   stations = c.split(os.getenv("STATIONS"), ",")
end
function request()
   n = n + 1
   local page = 1 + n % 50
   if which == "incidents" then
      local st = stations[1 + n % #stations]
      return wrk.format("GET", "/api/v1/incidents?station_id=" .. st .. "&category=02&per_page=20&page=" .. page)
   end
   local kind = (n % 2 == 0) and "admin" or "criminal"
   return wrk.format("GET", "/api/v1/cases?status=archived&kind=" .. kind .. "&per_page=20&page=" .. page)
end
