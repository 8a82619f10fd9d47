-- (1) audited read of one case file: GET /api/v1/cases/{id}, ids spread
-- over the whole range (env CASE_LO, CASE_HI)
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local lo, span, n
function init(args)
   c.auth()
   lo = tonumber(os.getenv("CASE_LO"))
   span = tonumber(os.getenv("CASE_HI")) - lo + 1
   n = (tid or 0) * 104729
end
function request()
   n = n + 1
   return wrk.format("GET", "/api/v1/cases/" .. (lo + (n * 7919) % span))
end
