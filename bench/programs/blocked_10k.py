import threading, time
n = 10000
ready = 0
l = threading.Lock()
go = threading.Event()
def waiter():
    global ready
    with l:
        ready += 1
    go.wait()
ts = [threading.Thread(target=waiter) for _ in range(n)]
for t in ts:
    t.start()
while ready < n:
    time.sleep(0.01)
go.set()
for t in ts:
    t.join()
print(ready)
