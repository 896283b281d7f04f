-- wrk script: every request asks for the same page with a query string no request asked before.
-- The bench's sites vary their output cache by "nocache" (Cms__PublicCache__QueryKeys, set in
-- lib/common.sh; a site varies only by the keys its pages read), so none of these requests is
-- answered from it: the cost of a cache miss, as a burst after an eviction causes.
--   wrk ... -s bench/wrk/fresh-query.lua URL -- RUN_ID [COOKIE]
-- RUN_ID keeps the strings of one run apart from every other's; COOKIE (optional) is sent as is.

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local prefix = ""
local counter = 0
function init(args)
  prefix = (args[1] or tostring(os.time())) .. "-" .. tostring(thread_number or 0) .. "-"
  if args[2] and args[2] ~= "" then
    wrk.headers["Cookie"] = args[2]
  end
end

function request()
  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "nocache=" .. prefix .. counter)
end
