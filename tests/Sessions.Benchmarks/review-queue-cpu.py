#!/usr/bin/env python3
"""CPU the app spends per review-queue page, read from /proc around N sequential requests (after 100 to warm up).
A contention-proof figure on a shared machine, where the wall-clock percentiles of `load` mostly measure the
neighbours. usage: review-queue-cpu.py PORT APP_PID N   (the app started as docs/benchmarks.md says, on the seed)"""
import sys, re, random, time, os, urllib.request, urllib.parse, http.cookiejar
port, pid, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
jar = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
html = op.open(base + "/account/sign-in").read().decode()
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
op.open(base + "/account/sign-in", urllib.parse.urlencode({"Email": "secretariat-1@bench.sessions", "Password": "bench-secretariat-password", "__RequestVerificationToken": token}).encode()).read()
def cpu():
    f = open(f"/proc/{pid}/stat").read().split(")")[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
random.seed(1)
for i in range(100):
    op.open(f"{base}/registrations/review?sessionId=1&page={random.randint(1,40)}").read()
c0 = cpu(); lat = []
for i in range(n):
    t = time.perf_counter()
    body = op.open(f"{base}/registrations/review?sessionId=1&page={random.randint(1,40)}").read()
    lat.append(time.perf_counter() - t)
c1 = cpu()
lat.sort()
print(f"port {port}: {n} sequential requests, app CPU {1000*(c1-c0)/n:.1f} ms/request, latency p50 {1000*lat[n//2]:.1f} ms p95 {1000*lat[int(n*.95)]:.1f} ms, {len(body)//1024} KiB")
