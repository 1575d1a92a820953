import threading
results = [0] * 100000
def work(i):
    results[i] = i * 2
ts = [threading.Thread(target=work, args=(i,)) for i in range(100000)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(results))
