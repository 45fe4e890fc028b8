-- wrk: POST /v1/check rotating over distinct certificates (EUTL_CERT_LIST) with a new
-- evaluation time (?at=, one second earlier each request) every time, so that no answer
-- comes from the server's memo: each request is decided and its record written.
local bodies = {}
for path in io.lines(os.getenv("EUTL_CERT_LIST")) do
  local f = assert(io.open(path, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local base = tonumber(os.getenv("EUTL_AT_EPOCH"))
local i = 0
local n = 0
local headers = { ["Content-Type"] = "application/x-pem-file" }
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 10000000)
  thread:set("start", math.random(#bodies))
end
function init()
  i = (start or 0)
  n = (offset or 0)
end
function request()
  i = i % #bodies + 1
  n = n + 1
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", base - n)
  return wrk.format("POST", "/v1/check?at=" .. at, headers, bodies[i])
end
