# Reading wrk's output (sourced by bench/run.sh and bench/profile.sh).

# One wrk --latency output, as "rps p50_ms p99_ms errors requests" (NA when wrk printed no rate).
# errors = socket errors (connect, read, write, timeout) + responses other than 2xx/3xx.
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      n = v; sub(/[a-z]+$/, "", n)
      u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000
      if (u == "ms") return n
      if (u == "s")  return n * 1000
      if (u == "m")  return n * 60000
      if (u == "h")  return n * 3600000
      return n
    }
    /^[ \t]*Requests\/sec:/ { rps = $2 }
    /^[ \t]*[0-9]+ requests in / { requests = $1 }
    /^[ \t]*50(\.0+)?%[ \t]/ { p50 = ms($2) }
    /^[ \t]*99(\.0+)?%[ \t]/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ {
      line = $0; sub(/.*Socket errors:/, "", line)
      n = split(line, parts, ",")
      for (i = 1; i <= n; i++) { split(parts[i], kv, " "); sock += kv[2] }
    }
    END {
      if (rps == "") { print "NA NA NA NA NA"; exit }
      if (p50 == "") p50 = "NA"
      if (p99 == "") p99 = "NA"
      if (requests == "") requests = "NA"
      printf "%s %s %s %d %s\n", rps, p50, p99, sock + non2xx, requests
    }
  ' "$1"
}

# wrk with counted.lua (a fixed number of requests, not a fixed time): returns once every thread has its
# answers (SIGINT ends wrk's -d wait). Uses THREADS, CONNECTIONS, WORK and BENCH_DIR of the calling script.
counted_wrk() { # url, requests per thread, output file, mode, value
  local done_file="$WORK/done" pid i
  : >"$done_file"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d600s --timeout 30s --latency -s "$BENCH_DIR/wrk/counted.lua" "$1" -- "$2" "$done_file" "$4" "$5" >"$3" 2>&1 &
  pid=$!
  for ((i = 0; i < 6000; i++)); do
    [ "$(wc -l <"$done_file")" -lt "$THREADS" ] || break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" || true
}
