-- wrk script for POST /echo: sends the body stored in the file named by $ECHO_BODY_FILE (1 KiB of JSON,
-- written by gateway_wrk.sh, which also checks with curl that every server echoes it unchanged).
local file = assert(io.open(assert(os.getenv("ECHO_BODY_FILE"), "ECHO_BODY_FILE is not set"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
