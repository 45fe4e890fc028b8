-- wrk: POST /v1/check with the same certificate every time (EUTL_CERT: a PEM file).
local f = assert(io.open(os.getenv("EUTL_CERT"), "rb"))
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/x-pem-file"
