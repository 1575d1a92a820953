import time
t0 = time.perf_counter()
for i in range(200):
    time.sleep(0.001)
late = ((time.perf_counter() - t0) - 0.2) / 200 * 1000
print("200 sleeps")
print(f"measure: {late:.3f} ms late per sleep")
