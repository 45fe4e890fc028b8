-- wrk: POST /v1/check rotating over distinct certificates (EUTL_CERT_LIST: a file
-- naming one PEM file per line); each wrk thread starts at another offset.
local bodies = {}
for path in io.lines(os.getenv("EUTL_CERT_LIST")) do
  local f = assert(io.open(path, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local i = 0
local headers = { ["Content-Type"] = "application/x-pem-file" }
function setup(thread)
  thread:set("start", math.random(#bodies))
end
function init()
  i = (start or 0)
end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[i])
end
