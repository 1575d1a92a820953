import threading, queue
q = queue.Queue(100)
results = []
def produce(n):
    for i in range(n):
        q.put(i)
def consume():
    total = 0
    while True:
        item = q.get()
        if item is None:
            results.append(total)
            return
        total += item
cs = [threading.Thread(target=consume) for _ in range(4)]
ps = [threading.Thread(target=produce, args=(50000,)) for _ in range(4)]
for t in cs + ps:
    t.start()
for p in ps:
    p.join()
for _ in cs:
    q.put(None)
for c in cs:
    c.join()
print(sum(results))
