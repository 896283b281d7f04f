-- wrk script: every request carries a signed-in member's cookies (the authentication cookie and
-- the antiforgery cookie a browser keeps), taken from a real sign-in by bench/run.sh.
--   wrk ... -s bench/wrk/cookie.lua URL -- "cms_auth=...; cms_af=..."
-- The output cache never answers a signed-in request, so each one renders the member's page.

function init(args)
  if not args[1] or args[1] == "" then
    error("cookie.lua: pass the Cookie header after --")
  end
  wrk.headers["Cookie"] = args[1]
end
