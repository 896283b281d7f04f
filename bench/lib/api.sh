# The Content API beside the HTML post (issue 15, point 8; sourced by bench/run.sh, uses its load()).
# GET /api/content/{seed id} anonymously is answered by the output cache, as the cached post page is;
# its req/s is measured on both sites and set against the cached HTML post's.

API_ITEM_ID="${API_ITEM_ID:-4sochimeeting2020091100001}"
API_PATH="/api/content/$API_ITEM_ID"

# Checks the API answers the seed post as JSON on each site, then loads it (page "api", variant cached).
api_loads() {
  local s body
  for s in "${SITES[@]}"; do
    body="$(curl -sS --max-time 30 "$(url_of "$s")$API_PATH")"
    [[ "$body" == *'"ContentItemId":"'"$API_ITEM_ID"'"'* && "$body" == *'"QuotePart"'* ]] ||
      die "$s site: GET $API_PATH did not answer the seed post's JSON"
  done
  for s in "${SITES[@]}"; do load "$s" api cached "$API_PATH" 1; done
}

# One line per site: the cached API read against the cached HTML post (issue 15 asks for >= 1.0).
api_report() {
  local s api post
  echo "Content API (issue 15 point 8: cached GET $API_PATH >= 1.0 x the cached HTML post):"
  for s in "${SITES[@]}"; do
    api="$(row_field "$s" api cached 1 5)"; post="$(row_field "$s" post cached 1 5)"
    # LARGE_CACHED=0 (QUICK) loads no cached page on the large site: nothing to compare with.
    [ -n "$post" ] || { printf '  %-5s api %s req/s; its cached post not loaded (LARGE_CACHED=0)\n' "$s" "$(fmt_n "${api:-0}")"; continue; }
    printf '  %-5s api %s req/s, post %s req/s: ratio %s\n' "$s" "$(fmt_n "${api:-0}")" "$(fmt_n "${post:-0}")" "$(ratio "${api:-NA}" "${post:-NA}")"
  done
}
