-- wrk script of bench/load/run.sh: counts every status code and the redirects to the sign-in page, and prints the
-- figures of the run as "fpload.<key>=<value>" lines at the end (read by bench/FactoryPath.Load, WrkOutput.Parse).
-- wrk calls setup() per thread in the main state, init()/response() in each thread's own state, done() in the main
-- state; thread:get() copies a thread's globals (tables too) into the main state.

local threads = {}

-- a write (bench/FactoryPath.Load, Wrk.RunAsync): its method and the JSON body, the same for every request
local method = os.getenv("FPLOAD_METHOD")
if method ~= nil and method ~= "" then
  wrk.method = method
end
local body_file = os.getenv("FPLOAD_BODY_FILE")
if body_file ~= nil and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  login_redirects = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 300 and status < 400 then
    local location = headers["Location"] or headers["location"] or ""
    if string.find(location, "/account/login", 1, true) then
      login_redirects = login_redirects + 1
    end
  end
end

function done(summary, latency, requests)
  local all = {}
  local redirects = 0
  for _, thread in ipairs(threads) do
    local counted = thread:get("statuses") or {}
    for status, count in pairs(counted) do
      all[status] = (all[status] or 0) + count
    end
    redirects = redirects + (thread:get("login_redirects") or 0)
  end
  io.write(string.format("fpload.requests=%d\n", summary.requests))
  io.write(string.format("fpload.duration_us=%d\n", summary.duration))
  io.write(string.format("fpload.bytes=%d\n", summary.bytes))
  io.write(string.format("fpload.errors.connect=%d\n", summary.errors.connect))
  io.write(string.format("fpload.errors.read=%d\n", summary.errors.read))
  io.write(string.format("fpload.errors.write=%d\n", summary.errors.write))
  io.write(string.format("fpload.errors.timeout=%d\n", summary.errors.timeout))
  io.write(string.format("fpload.errors.status=%d\n", summary.errors.status))
  io.write(string.format("fpload.latency.p50_us=%d\n", latency:percentile(50)))
  io.write(string.format("fpload.latency.p90_us=%d\n", latency:percentile(90)))
  io.write(string.format("fpload.latency.p99_us=%d\n", latency:percentile(99)))
  io.write(string.format("fpload.latency.max_us=%d\n", latency.max))
  io.write(string.format("fpload.latency.mean_us=%d\n", latency.mean))
  io.write(string.format("fpload.login_redirects=%d\n", redirects))
  for status, count in pairs(all) do
    io.write(string.format("fpload.status.%d=%d\n", status, count))
  end
  io.write("fpload.end=1\n")
end
