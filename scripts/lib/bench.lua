-- wrk script for scripts/bench and scripts/soak: an optional method, body and content type,
-- a count of every response status, and a machine-readable summary on stdout.
--
--   wrk ... -s scripts/lib/bench.lua URL -- [METHOD] [BODY_FILE] [CONTENT_TYPE] [MODE]
--
-- MODE "invalid" cycles through bad requests (broken JSON, unknown values, duplicate ids, a
-- wrong content type, an unknown region) instead of sending BODY_FILE; every answer must be 4xx.
--
-- MODE "measure" runs no Lua per request or per response: wrk sends its prepared request and
-- counts answers that are not 2xx/3xx itself (summary.errors.status, reported as `not_2xx`),
-- and the bytes it read are reported so that the caller can check every answer was whole.
-- Handing each answer's headers and body to Lua costs wrk CPU in proportion to the answer's
-- size, and wrk shares the cores with the server, so the throughput figures use this mode.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local invalid = {
  { "application/json", '{"region":"us-east-1","items":[' },
  { "application/json", '{"region":"us-east-1","items":[{"id":"a","service":"ec9"}]}' },
  { "application/json", '{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.gigantic"}]}' },
  { "application/json", '{"region":"us-east-1","items":[{"id":"a","service":"lambda"},{"id":"a","service":"lambda"}]}' },
  { "application/json", '{"region":"mars-north-1","items":[{"id":"a","service":"lambda"}]}' },
  { "application/json", '{"region":"us-east-1","items":[{"id":"a","service":"s3","storage_gb":"NaN"}]}' },
  { "text/plain", '{"region":"us-east-1","items":[]}' },
  { "application/json", '\255\254not utf-8' },
}
local mode = "static"
local n = 0

function init(args)
  statuses = {}
  if args[1] and args[1] ~= "" then wrk.method = args[1] end
  if args[2] and args[2] ~= "" then
    local f = assert(io.open(args[2], "rb"))
    wrk.body = f:read("*a")
    f:close()
  end
  if args[3] and args[3] ~= "" then wrk.headers["Content-Type"] = args[3] end
  if args[4] and args[4] ~= "" then mode = args[4] end
  if mode == "measure" then
    -- wrk looks for these two functions after init() returns.
    request = nil
    response = nil
  end
end

function request()
  if mode ~= "invalid" then
    return wrk.format()
  end
  n = n + 1
  local case = invalid[(n % #invalid) + 1]
  return wrk.format("POST", nil, { ["Content-Type"] = case[1] }, case[2])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local agg = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    if s then
      for code, count in pairs(s) do agg[code] = (agg[code] or 0) + count end
    end
  end
  local e = summary.errors
  io.write(string.format("BENCH requests %d\n", summary.requests))
  io.write(string.format("BENCH duration_us %d\n", summary.duration))
  io.write(string.format("BENCH rps %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("BENCH p50_us %d\n", latency:percentile(50)))
  io.write(string.format("BENCH p99_us %d\n", latency:percentile(99)))
  io.write(string.format("BENCH max_us %d\n", latency.max))
  io.write(string.format("BENCH errors_connect %d\n", e.connect))
  io.write(string.format("BENCH errors_read %d\n", e.read))
  io.write(string.format("BENCH errors_write %d\n", e.write))
  io.write(string.format("BENCH errors_timeout %d\n", e.timeout))
  io.write(string.format("BENCH not_2xx %d\n", e.status))
  io.write(string.format("BENCH bytes %d\n", summary.bytes))
  for code, count in pairs(agg) do
    io.write(string.format("BENCH status_%d %d\n", code, count))
  end
end
