-- audited read of one person record: GET /api/v1/persons/{id}, ids spread
-- over the whole range (env PERSON_LO, PERSON_HI)
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local lo, span, n
function init(args)
   c.auth()
   lo = tonumber(os.getenv("PERSON_LO"))
   span = tonumber(os.getenv("PERSON_HI")) - lo + 1
   n = (tid or 0) * 104729
end
function request()
   n = n + 1
   return wrk.format("GET", "/api/v1/persons/" .. (lo + (n * 7919) % span))
end
