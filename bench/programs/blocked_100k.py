import asyncio
n = 100000
ready = 0
async def waiter(go):
    global ready
    ready += 1
    await go.wait()
async def main():
    go = asyncio.Event()
    ts = [asyncio.create_task(waiter(go)) for _ in range(n)]
    while ready < n:
        await asyncio.sleep(0.01)
    go.set()
    await asyncio.gather(*ts)
    print(ready)
asyncio.run(main())
