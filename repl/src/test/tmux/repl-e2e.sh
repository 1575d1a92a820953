#!/usr/bin/env bash
# End-to-end test of the REPL as a person uses it: the real ./thr in a real terminal (tmux),
# keys typed with send-keys, the screen read with capture-pane. Checks multi-line input and
# its numbered continuation lines, `_`, output from a thread while a line is being typed,
# input() from a background thread, Ctrl-C out of a long sleep, a long builtin, a comprehension
# and a huge power (the value never lands) and at the prompt (marked ^C), `exit`,
# leaving with a thread still running, colours and --no-color / NO_COLOR, and a dumb terminal
# (Ctrl-C there too). Ends with
# "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)

if ! command -v tmux >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "tmux is missing: installing it with apt-get"
    (apt-get update -qq && apt-get install -y -qq tmux) >/dev/null 2>&1
  fi
  if ! command -v tmux >/dev/null; then
    echo "SKIPPED: the REPL end-to-end test needs tmux, which is not installed and could not be installed"
    exit 0
  fi
fi

"$root/thr" -e 'print "built"' >/dev/null || { echo "cannot build thr"; exit 1; }

socket=thr-e2e-$$-0
session=repl
passed=0
failed=0
tmp=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
starts=0

screen() { tmux -L "$socket" capture-pane -p -t "$session" 2>/dev/null; }
# The screen with its colours, as escape sequences.
coloured_screen() { tmux -L "$socket" capture-pane -e -p -t "$session" 2>/dev/null; }
keys() { tmux -L "$socket" send-keys -t "$session" "$@"; }

# Waits (at most 20 s) until the screen matches an extended regex.
await() {
  local pattern=$1
  for _ in $(seq 200); do
    screen | grep -Eq -- "$pattern" && return 0
    sleep 0.1
  done
  return 1
}

# Waits until the screen's last line is a bare prompt: thr is waiting for input. Keys typed
# earlier would be typed ahead, into the terminal, as no person types.
ready() {
  for _ in $(seq 200); do
    [[ $(screen | grep -v '^$' | tail -n 1) =~ ^(thr|\.*[0-9]+)\>$ ]] && return 0
    sleep 0.1
  done
  echo "(no prompt came back)"
  return 1
}

# Types a line at the next prompt, and waits until the screen shows it: until then the screen
# may still end in the prompt it was typed at, which the next line's wait would take for a
# fresh one.
line() {
  ready && keys "$1" Enter || return 1
  for _ in $(seq 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.05
  done
}

check() {
  local name=$1 pattern=$2
  if await "$pattern"; then
    passed=$((passed + 1)); echo "ok: $name"
  else
    failed=$((failed + 1)); echo "FAILED: $name (expected /$pattern/); the screen was:"; screen | sed 's/^/  | /'
  fi
}

# Counts a check on whether the screen, once it shows $2, has anything in colour ($3: yes or
# no). The whole screen: tmux carries a colour over from line to line.
check_colour() {
  local name=$1 pattern=$2 want=$3 got=no
  await "$pattern" && coloured_screen | grep -q $'\e\\[' && got=yes
  if [[ $got == "$want" ]]; then
    passed=$((passed + 1)); echo "ok: $name"
  else
    failed=$((failed + 1)); echo "FAILED: $name (colour: $got, expected $want); the screen was:"; coloured_screen | cat -v | sed 's/^/  | /'
  fi
}

# Starts thr in a fresh tmux server: $1 the terminal type, $2 the command (default ./thr).
start() {
  local term=${1:-xterm-256color} command=${2:-./thr}
  # a fresh server each time: a new session on a server still shutting down fails
  tmux -L "$socket" kill-server 2>/dev/null
  starts=$((starts + 1))
  socket=thr-e2e-$$-$starts
  tmux -L "$socket" new-session -d -s "$session" -x 120 -y 40 \
    "cd '$root' && THR_HISTORY='$tmp/history' TERM=$term $command; echo \"[thr exited \$?]\"; sleep 30"
  await '^thr>' || { echo "FAILED: no prompt"; screen; exit 1; }
}

start
line 'fn worker(name, delay) {'
check "an open brace asks for more, on a numbered line" '^\.\.2>'
line 'sleep delay'
line 'return "{name} done"'
line '}'
line 't = spawn worker("w1", 0.2)'
line 'join t'
line 't.result'
check "a multi-line function runs in a thread" "=> 'w1 done'"
check "continuation lines are numbered" '^\.\.4> }$'

line '6 * 7'
line '_ + 1'
check "_ is the last value shown" '^=> 43$'
check_colour "values are shown in colour" '=> 43' yes

line 'go = event()'
line 'spawn fn() { go.wait(); sleep 0.3; print "background line" }()'
line 'go.set()'
ready && keys 'half typed'
check "thread output appears above the line being typed" 'background line'
check "the typed text stays intact" '^thr> half typed$'
keys C-u

# a thread asks while the prompt holds a half-typed line: the question takes over, then the
# prompt comes back with the line (the thread sleeps first, so the line is typed by then)
line 'spawn fn() { sleep 2; print("got [" + input("name? ") + "]") }()'
ready && keys 'half typed'
check "input() from a background thread asks its question" '^name\? ?$'
keys 'Bob (' Enter
check "the answer is taken literally" '^got \[Bob \(\]$'
check "the question stays on the screen with its answer" '^name\? Bob \($'
check "the prompt comes back with the typed text" '^thr> half typed$'
keys C-u
line 'print("part", end="")'
line '1'
check "a partial line is ended before the echo" '^part$'

line 'sleep 60'
sleep 1
keys C-c
check "Ctrl-C stops a sleep, naming the place" 'Interrupted at <main> \(<input [0-9]+>:1:1\) `sleep 60`'
line '1 + 1'
check "the session goes on after Ctrl-C" '=> 2'

# work inside one builtin, comprehension or operator: Ctrl-C names where it stopped, and the
# value never lands
line 'x = sum(range(10 ** 15))'
sleep 1
keys C-c
check "Ctrl-C stops a long builtin, naming the place" 'Interrupted at <main> \(<input [0-9]+>:1:5\) `x = sum'
line 'x = len([0 for i in range(10 ** 12) if i < 0])'
sleep 1
keys C-c
check "Ctrl-C stops a comprehension" 'Interrupted at <main> \(<input [0-9]+>:1:[0-9]+\) `x = len'
line 'x = 7 ** 30000000'
sleep 1
keys C-c
check "Ctrl-C stops a huge power" 'Interrupted at <main> \(<input [0-9]+>:1:7\) `x = 7'
sleep 3
line 'x'
check "the stopped work's value never lands" "NameError: name 'x' is not defined"

for i in 1 2 3 4 5; do
  ready && keys "abc$i" && keys C-c && line "$i * 10"
  await "^=> ${i}0\$" || break
done
check "Ctrl-C at the prompt clears the line, and only that (5 times)" '=> 50'
check "a line discarded by Ctrl-C is marked ^C" '^thr> abc5\^C$'
[[ $(screen | grep -c '^=> [1-5]0$') == 5 ]] && { passed=$((passed + 1)); echo "ok: no line lost to Ctrl-C"; } \
  || { failed=$((failed + 1)); echo "FAILED: a line was lost after Ctrl-C at the prompt"; screen | sed 's/^/  | /'; }

line 'e = event()'
line 'spawn fn() { e.wait() }()'
ready && keys C-d
check "leaving waits for a running thread" 'Waiting for 1 thread to finish'
keys C-c
check "a second Ctrl-C leaves it" '\[thr exited 0\]'

start
line 'exit'
check "exit leaves, as in Python" '\[thr exited 0\]'

start
line 'd = thread(fn() { while true { sleep 0.1 } }, daemon=true)'
line 'd.start()'
ready && keys C-d
check "daemon threads never delay leaving" '\[thr exited 0\]'

for command in "./thr --no-color" "NO_COLOR=1 ./thr"; do
  start xterm-256color "$command"
  line 'x = 6 * 7'
  line 'x'
  check_colour "$command: no colours" '=> 42' no
  ready && keys C-d
done

start dumb
line 'if true {'
line 'print 6 * 7'
line '}'
check "a dumb terminal: continuation lines, then the output on its own line" '^42$'
check "a dumb terminal numbers continuation lines too" '^\.\.3> }$'
line 'sleep 60'
sleep 1
keys C-c
check "a dumb terminal: Ctrl-C stops a snippet" 'Interrupted at <main>'
ready && keys C-c
sleep 0.5
ready && keys 'abc' && keys C-c
line '2 + 3'
check "a dumb terminal: Ctrl-C at the prompt discards the line, the session goes on" '^=> 5$'
screen | grep -q 'thr exited' && { failed=$((failed + 1)); echo "FAILED: Ctrl-C ended the session on a dumb terminal"; } \
  || { passed=$((passed + 1)); echo "ok: a dumb terminal: the session survives Ctrl-C"; }
ready && keys C-d

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
