-- (5) record a Q&A entry in a draft 笔录: PATCH /api/v1/interviews/{id}
-- (env IV_ID), the last ten entries each time
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, id, tag
function init(args)
   c.auth()
   wrk.headers["Content-Type"] = "application/json"
   id = os.getenv("IV_ID")
   n = 0
   tag = tid or 0
end
function request()
   n = n + 1
   local qa = {}
   for k = n, n + 9 do
      qa[#qa + 1] = string.format('{"q":"问题%d-%d：请讲一下当时的经过。","a":"回答%d：当时双方发生口角，我推了他一把。"}', tag, k, k)
   end
   return wrk.format("PATCH", "/api/v1/interviews/" .. id, nil, '{"qa":[' .. table.concat(qa, ",") .. ']}')
end
