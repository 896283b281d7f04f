# The summary bench/run.sh prints and keeps in bench/results/ (sourced; reads run.sh's variables).

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "NA" && b != "NA" && b + 0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }
pct_change() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b != "") printf "%+.0f%%", 100 * (b - a) / a; else printf "n/a" }'; }
row_field() { # site page variant round column-number
  awk -F '\t' -v s="$1" -v p="$2" -v v="$3" -v r="$4" -v c="$5" '$1 == s && $2 == p && $3 == v && $4 == r { print $c }' "$ROWS_FILE"
}
median_of() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
range_of() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

pages_table() {
  printf '%-9s %-7s | %-37s | %-37s | %s\n' "" "" "$(fmt_n "$SMALL_POSTS") posts" "$(fmt_n "$LARGE_POSTS") posts" "$(fmt_n "$LARGE_POSTS")/$(fmt_n "$SMALL_POSTS")"
  printf '%-9s %-7s | %9s %7s %8s %8s | %9s %7s %8s %8s | %6s %6s\n' page variant "req/s" "CPU ms" "p99 ms" "peak MiB" "req/s" "CPU ms" "p99 ms" "peak MiB" "time" "CPU"
  awk -F '\t' -v small="small" -v large="large" '
    NR == 1 || $4 != 1 { next }
    { key = $2 SUBSEP $3; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
      rps[$1, key] = $5; p99[$1, key] = $7; err[$1, key] = $8; cpu[$1, key] = $10; peak[$1, key] = $11 }
    function cell(s, k) {
      if (!((s, k) in rps)) return sprintf("%9s %7s %8s %8s", "-", "-", "-", "-")
      if (rps[s, k] == 0) return sprintf("%9s %7s %8s %8.0f", "0", "n/a", "n/a", peak[s, k] / 1024)
      return sprintf("%9.0f %7.2f %8.1f %8.0f", rps[s, k], cpu[s, k], p99[s, k], peak[s, k] / 1024)
    }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]; split(k, pv, SUBSEP)
        t = (rps[large, k] > 0 && rps[small, k] > 0) ? sprintf("%6.2f", rps[small, k] / rps[large, k]) : "   n/a"
        c = (cpu[small, k] > 0 && rps[large, k] > 0) ? sprintf("%6.2f", cpu[large, k] / cpu[small, k]) : "   n/a"
        e = (err[small, k] + err[large, k] > 0) ? sprintf("  errors: %d / %d", err[small, k], err[large, k]) : ""
        printf "%-9s %-7s | %s | %s | %s %s%s\n", pv[1], pv[2], cell(small, k), cell(large, k), t, c, e
      }
    }' "$ROWS_FILE"
}

import_table() {
  local row db items onto seconds peak status
  for row in "${IMPORT_ROWS[@]}"; do
    IFS='|' read -r db items onto seconds peak status <<<"$row"
    printf '  %-10s %7s posts onto %7s: ' "$db" "$(fmt_n "$items")" "$(fmt_n "$onto")"
    case "$status" in
      ok) awk -v n="$items" -v s="$seconds" -v p="$peak" 'BEGIN { printf "%7.1f s  %7.0f items/s   peak RSS %4.0f MiB\n", s, n / s, p / 1024 }' ;;
      timeout) printf 'did not finish within %s s (stopped; nothing written)   peak RSS %s MiB\n' "$IMPORT_TIMEOUT" "$(mib "$peak")" ;;
      skipped) printf 'not run: the import before it did not finish\n' ;;
      off) printf 'not run (PG_IMPORT=0, or MORE_ONTO=0 as in QUICK)\n' ;;
      *) printf 'failed (see the log)\n' ;;
    esac
  done
  if [ "${#CHUNK_ROWS[@]}" -gt 0 ]; then
    local first last
    first="${CHUNK_ROWS[0]}"
    last="${CHUNK_ROWS[${#CHUNK_ROWS[@]} - 1]}"
    printf '  the large site was built from %d recipes of up to %s posts instead:' "${#CHUNK_ROWS[@]}" "$(fmt_n "$IMPORT_CHUNK")"
    for row in "$first" "$last"; do
      IFS='|' read -r items onto seconds <<<"$row"
      awk -v n="$items" -v o="$onto" -v ms="$seconds" 'BEGIN { printf "  %d onto %d at %.0f items/s;", n, o, n * 1000 / ms }'
    done
    echo
  fi
}

targets() {
  local post_miss post_member home_miss home_member worst_ratio worst_peak startup_small
  post_miss="$(row_field small post miss 1 5)"; post_member="$(row_field small post member 1 5)"
  home_miss="$(row_field small home miss 1 5)"; home_member="$(row_field small home member 1 5)"
  worst_ratio="$(awk -F '\t' 'NR > 1 && $4 == 1 && $3 != "cached" && $2 != "post" { r[$1, $2, $3] = $5; k[$2 SUBSEP $3] = 1 }
    END { w = 0; for (x in k) { split(x, p, SUBSEP); if (r["large", p[1], p[2]] > 0) { v = r["small", p[1], p[2]] / r["large", p[1], p[2]]; if (v > w) { w = v; at = p[1] " " p[2] } } } printf "%.2f (%s)", w, at }' "$ROWS_FILE")"
  worst_peak="$(awk -F '\t' 'NR > 1 && $11 > w { w = $11; at = $1 " " $2 " " $3 } END { printf "%.0f MiB (%s)", w / 1024, at }' "$ROWS_FILE")"
  startup_small="$(median_of "${STARTUP_MS[small]}")"
  echo "targets of issue 12 (measured here; QUICK runs are not judged):"
  printf '  1. post, cache miss >= 3,600 req/s and <= 0.5 ms CPU: %s req/s, %s ms;  member >= 1,800: %s\n' \
    "$(fmt_n "$post_miss")" "$(awk -v v="$(row_field small post miss 1 10)" 'BEGIN { printf "%.2f", v }')" "$(fmt_n "$post_member")"
  printf '     home, cache miss >= 3,600 req/s: %s;  member >= 1,800: %s\n' "$(fmt_n "$home_miss")" "$(fmt_n "$home_member")"
  printf '  2. lists at %s posts cost <= 1.25 x %s (miss and member, by req/s): worst %s\n' "$(fmt_n "$LARGE_POSTS")" "$(fmt_n "$SMALL_POSTS")" "$worst_ratio"
  printf '  3. import >= 1,000 items/s on SQLite and PostgreSQL, < 300 MiB: see the import lines above\n'
  printf '  4. peak RSS under every load <= 250 MiB: worst %s; after the loads within 10%% of the start: see memory above\n' "$worst_peak"
  printf '  5. start-up <= 1,000 ms: median %s ms (small site)\n' "$startup_small"
  printf '  6. cached >= 0.9 x nginx: post %s, home %s\n' \
    "$(ratio "${SITE_CACHED_RPS[post]}" "${NGINX_RPS[post]}")" "$(ratio "${SITE_CACHED_RPS[home]}" "${NGINX_RPS[home]}")"
}

report() {
  local commit cpu_model gc s
  commit="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
  git -C "$REPO_ROOT" diff --quiet HEAD -- src 2>/dev/null || commit="$commit (src/ changed since)"
  cpu_model="$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
  gc="$(grep -o '"System.GC[^,}]*' "$OUT/Site.runtimeconfig.json" 2>/dev/null | tr -d '"' | tr '\n' ' ' || true)"
  echo "Site benchmark  $(date -u '+%Y-%m-%d %H:%M:%SZ')  commit $commit$([ "$QUICK" = 1 ] && echo '  QUICK: small and short, numbers not judged')"
  echo "machine: $(nproc) cpus${cpu_model:+, $cpu_model}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "noise: other work used ${BUSY_BEFORE}% of the machine's CPU just before the loads and ${BUSY_AFTER}% just after; load average $LOADAVG_START at the start, $LOADAVG_END at the end"
  echo "site: dotnet Site.dll, Release publish, Production, SQLite; ${gc:-GC defaults}"
  echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $WRK_TIMEOUT --latency, $([ "$WARMUP" = 0 ] && echo "no warm-up" || echo "after $WARMUP of the same load"); nginx $("$NGINX_BIN" -v 2>&1 | sed 's/.*: //'), one worker"
  echo "sites: $(fmt_n "$SMALL_POSTS") and $(fmt_n "$LARGE_POSTS") generated posts, each with the seed post ($POST_PATH, $COMMENTS approved comments); side by side"
  echo
  echo "pages (CPU ms = the site's CPU time per request; time = req/s at $(fmt_n "$SMALL_POSTS") / req/s at $(fmt_n "$LARGE_POSTS"); CPU = CPU ms at $(fmt_n "$LARGE_POSTS") / at $(fmt_n "$SMALL_POSTS")):"
  pages_table
  echo "  paths: post $POST_PATH, home /, archive /archive, month /archive/2021/03, tag /tags/bench, search /search?q=kremlin+integration (every post matches), forecasts /forecasts"
  echo "  cached: anonymous, same address; miss: a fresh query string each request; member: a signed-in member's cookies"
  [ -z "$PEAK_NOTE" ] || echo "  $PEAK_NOTE"
  [ -z "${ONLY_PAGES:-}${ONLY_VARIANTS:-}" ] ||
    echo "  loaded only: pages ${ONLY_PAGES:-all}, variants ${ONLY_VARIANTS:-all}; the figures below of loads not run read 0 or n/a"
  echo
  printf 'cached vs nginx serving the same bytes (post %s bytes, home %s bytes): post %s vs %s req/s = %s x, home %s vs %s req/s = %s x\n' \
    "$POST_BYTES" "$HOME_BYTES" "$(fmt_n "${SITE_CACHED_RPS[post]}")" "$(fmt_n "${NGINX_RPS[post]}")" \
    "$(ratio "${SITE_CACHED_RPS[post]}" "${NGINX_RPS[post]}")" "$(fmt_n "${SITE_CACHED_RPS[home]}")" \
    "$(fmt_n "${NGINX_RPS[home]}")" "$(ratio "${SITE_CACHED_RPS[home]}" "${NGINX_RPS[home]}")"
  echo "memory (RSS, MiB; after = ${SETTLE}s after the last load):"
  for s in "${SITES[@]}"; do
    printf '  %-5s start %4s, after all loads %4s (%s), after the post-miss and home-member loads again %4s (%s run to run)\n' "$s" \
      "$(mib "${RSS_START[$s]}")" "$(mib "${RSS_AFTER[$s]}")" "$(pct_change "${RSS_START[$s]}" "${RSS_AFTER[$s]}")" \
      "$(mib "${RSS_REPEAT[$s]}")" "$(pct_change "${RSS_AFTER[$s]}" "${RSS_REPEAT[$s]}")"
  done
  echo "noise (the same load twice, req/s):"
  for s in "${SITES[@]}"; do
    printf '  %-5s post miss %s then %s (%s); home member %s then %s (%s)\n' "$s" \
      "$(fmt_n "$(row_field "$s" post miss 1 5)")" "$(fmt_n "$(row_field "$s" post miss 2 5)")" \
      "$(pct_change "$(row_field "$s" post miss 1 5)" "$(row_field "$s" post miss 2 5)")" \
      "$(fmt_n "$(row_field "$s" home member 1 5)")" "$(fmt_n "$(row_field "$s" home member 2 5)")" \
      "$(pct_change "$(row_field "$s" home member 1 5)" "$(row_field "$s" home member 2 5)")"
  done
  echo "start-up (process start to the first 200 from /, $([ "$STARTUP_RUNS" = 0 ] && echo "the start of the loads' site, one each" || echo "$STARTUP_RUNS runs each")):"
  for s in "${SITES[@]}"; do
    printf '  %-5s median %s ms (%s ms), CPU used by then %s ms (median), RSS at the first answer %s MiB (median)\n' "$s" \
      "$(fmt_n "$(median_of "${STARTUP_MS[$s]}")")" "$(range_of "${STARTUP_MS[$s]}")" "$(fmt_n "$(median_of "${STARTUP_CPU[$s]}")")" \
      "$(mib "$(median_of "${STARTUP_RSS[$s]}")")"
  done
  echo "import through the CLI (recipes apply: one recipe, one transaction; wall time of the command, its own start included; peak RSS of the importing process):"
  import_table
  echo
  targets
  echo
  echo "time: publish ${PUBLISH_SECONDS}s, building the sites and imports ${BUILD_SECONDS}s, start-up ${STARTUP_SECONDS}s, loads ${LOAD_SECONDS}s, whole run $((SECONDS - BENCH_START))s"
}
