#!/usr/bin/env bash
# The HTML timeline in a real browser: ./thr writes pages for a few samples, headless
# Chromium loads each, and the page must run its script without an error and draw its lanes
# (it says so in <body data-status="ok" data-drawn="N">). Ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "chromium is missing: installing it with apt-get"
    (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1
  fi
  browser=$(command -v chromium || command -v chromium-browser || true)
  if [[ -z $browser ]]; then
    echo "SKIPPED: the timeline browser test needs Chromium, which is not installed and could not be installed"
    exit 0
  fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {
  local name=$1 script=$2 page=$tmp/$1.html body
  if ! "$root/thr" --timeline="$page" "$root/$script" >/dev/null 2>"$tmp/err" && [[ ! -f $page ]]; then
    echo "FAIL $name: thr did not write the page"; cat "$tmp/err"; failed=$((failed + 1)); return
  fi
  body=$(timeout 60 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$page" 2>/dev/null | grep -o '<body[^>]*>')
  if [[ $body =~ data-status=\"ok\" && $body =~ data-drawn=\"[1-9][0-9]*\" ]]; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name: the page says ${body:-nothing}"; failed=$((failed + 1))
  fi
}

check producer_consumer samples/tutorial/18_producer_consumer.thr
check parallel_downloads samples/tutorial/16_parallel_downloads.thr
check daemon samples/tutorial/12_daemon.thr
check error_in_thread samples/errors/error_in_thread.thr
check deadlock samples/deadlock/two_locks.thr
check thousand_producers samples/stress/thousand_producers.thr

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
