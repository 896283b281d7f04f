# Making a bench site through the CLI and the site's own forms (sourced by bench/run.sh and
# bench/profile.sh; needs OUT, WORK, BENCH_DIR, BENCH_PASSWORD and lib/common.sh).

# Setup recipe, member-only comments opened for the bench's commenter, and two members: the
# commenter, who writes the seed post's comments, and the reader, whose cookies the member loads carry.
prepare_site() { # data folder, log file
  mkdir -p "$1"
  cli "$1" "$2" setup
  cli "$1" "$2" recipes apply "$BENCH_DIR/recipes/bench-commenting.recipe.json"
  cli "$1" "$2" users create commenter --email commenter@example.com --password "$BENCH_PASSWORD" --role Member
  cli "$1" "$2" users create reader --email reader@example.com --password "$BENCH_PASSWORD" --role Member
}

generate_posts() { awk -v first="$1" -v count="$2" -f "$BENCH_DIR/lib/posts.awk" >"$3"; }

# Imports a recipe through the CLI under a time limit (IMPORT_TIMEOUT); prints "seconds peak_kb
# status", status ok, timeout or failed. A stopped import leaves nothing behind (one transaction).
timed_import() { # data folder, recipe file, log file
  local data="$1" recipe="$2" logf="$3" stats="$WORK/time.$$" rc=0 seconds peak
  (cd "$OUT" && Cms__AppData="$data" /usr/bin/time -f '%e %M' -o "$stats" \
    timeout -k 10 "$IMPORT_TIMEOUT" dotnet "$OUT/Site.dll" recipes apply "$recipe") >>"$logf" 2>&1 || rc=$?
  # GNU time writes "Command exited with non-zero status N" first when the command failed.
  read -r seconds peak < <(tail -n 1 "$stats" 2>/dev/null) || { seconds=NA; peak=NA; }
  case "$rc" in
    0) echo "$seconds $peak ok" ;;
    124 | 137) echo "$IMPORT_TIMEOUT $peak timeout" ;;
    *) echo "$seconds $peak failed" ;;
  esac
}

# On a running site: COMMENTS comments on POST_PATH through the post's form by the commenter
# (approved at once), then the reader signs in. Sets READER_COOKIE (the Cookie header to send).
seed_comments_and_reader() { # base url, file prefix for the cookie jars
  local url="$1" jars="$2" i body
  sign_in "$url" commenter "$BENCH_PASSWORD" "$jars-commenter.jar"
  comment_form "$url" "$POST_PATH" "$jars-commenter.jar"
  for ((i = 1; i <= COMMENTS; i++)); do
    post_comment "$url" "$jars-commenter.jar" \
      "Comment $i on the meeting. The *integration* plans have been announced before, in 1999 and again in 2019; \
what is new is the **energy** price. See [the background](https://example.org/background-$i) and judge for yourself \
whether anything will come of it this time. Readers who follow the region will remember the last round of talks."
  done
  sign_in "$url" reader "$BENCH_PASSWORD" "$jars-reader.jar"
  READER_COOKIE="$(cookie_header "$jars-reader.jar")"
  body="$(curl -sS --max-time 30 "$url$POST_PATH")"
  [[ "$body" == *"id=\"comments-heading\">$COMMENTS comments"* ]] || die "$url$POST_PATH does not show $COMMENTS comments"
}
