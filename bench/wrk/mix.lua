-- wrk (4.x) script for the API benchmark: cycles through a file of pre-built requests, counts
-- non-2xx answers and GraphQL answers carrying "errors", and prints one JSON line at the end.
--
--   wrk -t2 -c16 -d10s -s bench/wrk/mix.lua http://127.0.0.1:8000 -- /tmp/requests.tsv
--
-- The requests file (written by bench/api.py) holds one request a line: the path, a tab, then
-- the JSON body (JSON escapes tabs and newlines, so neither appears inside a body). Each
-- request is POSTed with Content-Type: application/json to its own path, so one file can hold
-- GraphQL requests (all to /graphql) or the direct baseline's (/direct/<op>). Without an
-- argument the file is taken from the WRK_MIX_FILE environment variable.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local requests = {}
local next_index = 1

function init(args)
  local file = args[1] or os.getenv("WRK_MIX_FILE")
  if not file then
    error("mix.lua: give the requests file after --, or set WRK_MIX_FILE")
  end
  local headers = { ["Content-Type"] = "application/json" }
  for line in io.lines(file) do
    local path, body = line:match("^([^\t]+)\t(.*)$")
    if path then
      table.insert(requests, wrk.format("POST", path, headers, body))
    end
  end
  if #requests == 0 then
    error("mix.lua: no requests in " .. file)
  end
  -- Threads start at different places in the mix, so every operation is always in flight.
  next_index = (thread_id % #requests) + 1
  responses = 0
  status_errors = 0
  graphql_errors = 0
end

function request()
  local req = requests[next_index]
  next_index = next_index % #requests + 1
  return req
end

-- The first failed answer of each thread is kept (shortened) to say what went wrong.
local function keep(status, body)
  if first_error == nil then
    first_error = tostring(status) .. " " .. string.sub(body or "", 1, 400)
  end
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    status_errors = status_errors + 1
    keep(status, body)
  elseif body and body:find('"errors":', 1, true) then
    graphql_errors = graphql_errors + 1
    keep(status, body)
  end
end

local function json_string(text)
  local escaped = text:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == "\\" then return "\\\\" end
    return string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. escaped .. '"'
end

function done(summary, latency, requests)
  local counted, non_2xx, gql, samples = 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    counted = counted + (thread:get("responses") or 0)
    non_2xx = non_2xx + (thread:get("status_errors") or 0)
    gql = gql + (thread:get("graphql_errors") or 0)
    local sample = thread:get("first_error")
    if sample then
      table.insert(samples, json_string(sample))
    end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local ms = function(p) return latency:percentile(p) / 1000.0 end
  io.write(string.format(
    '{"tool":"wrk","threads":%d,"requests":%d,"responses":%d,"duration_s":%.3f,'
      .. '"requests_per_s":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,'
      .. '"socket_errors":%d,"socket_error_kinds":{"connect":%d,"read":%d,"write":%d,'
      .. '"timeout":%d},"status_errors":%d,"graphql_errors":%d,"bytes":%d,'
      .. '"error_samples":[%s]}\n',
    #threads, summary.requests, counted, seconds, summary.requests / seconds,
    ms(50.0), ms(90.0), ms(99.0), latency.max / 1000.0,
    e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout,
    non_2xx, gql, summary.bytes, table.concat(samples, ",")))
end
