"""CPython's side of bench/micro: the same operations as Micro.java's thr functions, timed the
same way (10 rounds to warm up, median of 10), nanoseconds an operation, tab-separated."""
import queue, statistics, sys, threading, time

def loop_turn(n):
    for i in range(n): pass

def ident(x): return x
def call(n):
    for i in range(n): ident(i)

def arithmetic(n):
    t = 0
    for i in range(n): t = t + i * 3 - 1
    return t

def local_variables(n):
    a, b = 1, 2
    for i in range(n): c = a; a = b; b = c
    return a

g = 0
def module_variable(n):
    global g
    for i in range(n): g = g + 1

q = queue.Queue(16)
def queue_put_get(n):
    for i in range(n):
        q.put(i); q.get()

l = threading.Lock()
def lock(n):
    c = 0
    for i in range(n):
        with l: c += 1

PATHS = [("loop turn", loop_turn), ("call", call), ("arithmetic", arithmetic), ("local variables", local_variables),
         ("module variable", module_variable), ("queue put+get", queue_put_get), ("lock acquire+release", lock)]

n = 1_000_000
for name, f in PATHS:
    m = n // 10 if "queue" in name else n  # Queue is slow in CPython: fewer rounds' worth, same per-op figure
    for _ in range(3): f(m)
    times = []
    for _ in range(10):
        t0 = time.perf_counter_ns(); f(m); times.append((time.perf_counter_ns() - t0) / m)
    print(f"{name}\t{statistics.median(times):.2f}")

def fib(n):
    if n < 2: return n
    return fib(n - 1) + fib(n - 2)
times = []
for i in range(40):
    t0 = time.perf_counter_ns(); fib(27); times.append((time.perf_counter_ns() - t0) / 1e6)
warm = sorted(times[10:])
print(f"fib(27) ms\t{warm[0]:.2f}\t{warm[15]:.2f}\t{warm[29]:.2f}")
