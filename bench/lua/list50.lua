-- (2c–2f) a 50-row page of one of the four big lists, county-wide, no
-- filter, pages 1..40 (issue 14: a page costs O(page)). env LIST=cases |
-- incidents | persons | rentals.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
done = c.done
local n, which
function init(args)
   c.auth()
   n = (tid or 0) * 13
   which = os.getenv("LIST") or "cases"
end
function request()
   n = n + 1
   return wrk.format("GET", "/api/v1/" .. which .. "?per_page=50&page=" .. (1 + n % 40))
end
