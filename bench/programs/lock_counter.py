import threading
counter = 0
l = threading.Lock()
def bump(n):
    global counter
    for i in range(n):
        with l:
            counter += 1
ts = [threading.Thread(target=bump, args=(250000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
