-- wrk script: a fixed number of requests instead of a fixed time, so a setting's CPU per request and
-- memory are measured over the same work however busy the machine is (bench/gc.sh).
--   wrk -d600s ... -s bench/wrk/counted.lua URL -- REQUESTS_PER_THREAD DONE_FILE miss RUN_ID
--   wrk -d600s ... -s bench/wrk/counted.lua URL -- REQUESTS_PER_THREAD DONE_FILE member "cms_auth=...; cms_af=..."
-- miss: each request carries a query string no request asked before (see fresh-query.lua);
-- member: each carries the signed-in member's cookies (see cookie.lua); cached: the same address, no cookie
-- (an anonymous reader's page from the output cache).
-- A thread that has its answers stops and writes a line to DONE_FILE; wrk itself waits for -d, so
-- the caller sends it SIGINT once every thread's line is there (wrk then prints its figures).

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local limit, done_file, mode, prefix = 0, "", "", ""
local sent, answered = 0, 0
function init(args)
  limit = tonumber(args[1]) or error("counted.lua: pass REQUESTS_PER_THREAD after --")
  done_file = args[2] or error("counted.lua: pass DONE_FILE")
  mode = args[3] or "miss"
  if mode == "cached" then
    return
  elseif mode == "member" then
    wrk.headers["Cookie"] = args[4] or error("counted.lua: pass the Cookie header")
  else
    prefix = (args[4] or tostring(os.time())) .. "-" .. tostring(thread_number or 0) .. "-"
  end
end

function request()
  sent = sent + 1
  if mode == "member" or mode == "cached" then
    return wrk.format(nil, wrk.path)
  end
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "nocache=" .. prefix .. sent)
end

function response(status, headers, body)
  answered = answered + 1
  if answered == limit then
    local f = io.open(done_file, "a")
    f:write("thread done\n")
    f:close()
    wrk.thread:stop()
  end
end
