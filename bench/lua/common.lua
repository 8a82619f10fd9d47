-- common.lua — shared by the wrk scenarios: the session cookie and CSRF
-- token the harness obtained with curl (env BENCH_COOKIE, BENCH_CSRF), a
-- per-thread counter, and one machine-readable result line.
local M = {}

function M.auth()
   local cookie = os.getenv("BENCH_COOKIE")
   if cookie and cookie ~= "" then
      wrk.headers["Cookie"] = "precinct_session=" .. cookie
   end
   local csrf = os.getenv("BENCH_CSRF")
   if csrf and csrf ~= "" then
      wrk.headers["X-CSRF-Token"] = csrf
   end
end

-- setup(thread) hands each thread its number
local nthreads = 0
function M.setup(thread)
   thread:set("tid", nthreads)
   nthreads = nthreads + 1
end

function M.split(s, sep)
   local out = {}
   for piece in string.gmatch(s or "", "([^" .. sep .. "]+)") do
      out[#out + 1] = piece
   end
   return out
end

function M.done(summary, latency, requests)
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d sockerr=%d\n",
      summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end

return M
