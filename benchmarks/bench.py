"""Benchmark inference_engine against the raw provider SDKs, on loopback servers.

    python benchmarks/bench.py            # a table
    python benchmarks/bench.py --json     # the same as JSON
    python benchmarks/bench.py --quick    # fewer rounds and smaller sizes, for a smoke run

Each scenario runs the engine and its baseline alternately in one process run, for
several rounds, and reports medians and their ratio against the target. The loopback
server is the one the module's self-test uses (``inference_engine._LoopbackServer``),
run in a child process so that the client's CPU time is its own.

This is a benchmark, not a test: the machine is shared and noisy, so read ratios,
not absolute times.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from importlib import metadata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
for _name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_name, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
os.environ.setdefault("INFERENCE_ENGINE_LOG_DIR", tempfile.mkdtemp(prefix="inference-engine-bench-logs-"))
os.environ.setdefault("INFERENCE_ENGINE_CONSOLE_LEVEL", "ERROR")

KEY = "bench-key-0123456789"


# --- the server, in a child process ---------------------------------------------


def serve(latency: float, limit: int | None = None, state: str | None = None, faults: float = 0.0) -> None:
    """Child process: run a loopback server, print its port, stop when stdin closes, then print what it saw.

    ``limit``: 429 (Retry-After: 1) above that many requests a second, stated in ``state``'s headers
    ("openai", "anthropic") or not at all. ``faults``: the share of requests answered 429
    (Retry-After: 0.2), 500 or 503 at random, up to each prompt's fourth attempt.
    """
    import random

    import inference_engine as ie

    limiter = ie._per_second_limit(limit, state) if limit else None
    rng = random.Random(7)
    rejected = []

    def script(request):
        if faults and request["attempt"] <= 4 and rng.random() < faults:
            reply = ie._Reply(rng.choice((429, 500, 503)), headers={"retry-after": "0.2"})
        else:
            reply = limiter(request) if limiter else None
        if reply is not None and reply.status == 429:
            rejected.append(request["n"])
        return reply

    with ie._LoopbackServer(latency=latency, script=script) as server:
        print(server.port, flush=True)
        sys.stdin.read()
        print(json.dumps({"requests": server.count(), "rejected": len(rejected), **retry_gaps(server.requests)}),
              flush=True)


def retry_gaps(requests: list[dict]) -> dict:
    """Each prompt's intervals between attempts, as the server saw them: how many pairs in a row were the same
    (within 1%) and how many grew."""
    times: dict[str, list[float]] = {}
    for request in requests:
        times.setdefault(request["text"], []).append(request["time"])
    pairs = same = longer = 0
    for arrivals in times.values():
        gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
        for first, second in zip(gaps, gaps[1:]):
            pairs += 1
            same += abs(second - first) <= 0.01 * first
            longer += second > first
    return {"pairs": pairs, "same": same, "longer": longer}


class Server:
    """A loopback server in its own process (429 above ``limit`` requests a second).

    ``url`` while it runs; after the ``with`` block, ``stats``: the requests it saw.
    """

    def __init__(self, latency: float, limit: int | None = None, state: str | None = None, faults: float = 0.0):
        extra = (["--limit", str(limit)] if limit else []) + (["--state", state] if state else []) + \
            (["--faults", str(faults)] if faults else [])
        self.child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve", str(latency), *extra],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = f"http://127.0.0.1:{int(self.child.stdout.readline())}"
        self.stats: dict = {}

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc_info) -> None:
        self.child.stdin.close()
        self.stats = json.loads(self.child.stdout.readline())
        self.child.wait(10)


@contextmanager
def server_process(latency: float):
    """A loopback server in its own process; yields its base URL."""
    with Server(latency) as server:
        yield server.url


def details(strategy: str, url: str) -> dict:
    import inference_engine as ie

    return ie._loopback_details(strategy, url, api_key=KEY)


def prompts(n: int) -> list:
    return [[{"role": "user", "content": f"prompt number {i}"}] for i in range(n)]


def measure(func) -> tuple[float, float]:
    """(wall seconds, process CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


# --- baselines: the raw SDKs as a careful user would drive them ------------------


class RawAsync:
    """The ceiling: the provider's async SDK, one client on one loop, a Semaphore and gather."""

    def __init__(self, strategy: str, url: str):
        self.strategy = strategy
        self.loop = asyncio.new_event_loop()
        if strategy == "openai":
            import openai

            self.client = openai.AsyncOpenAI(api_key=KEY, base_url=url + "/v1", max_retries=0)
        else:
            import anthropic

            self.client = anthropic.AsyncAnthropic(api_key=KEY, base_url=url, max_retries=0)

    async def one(self, messages: list) -> str:
        if self.strategy == "openai":
            response = await self.client.chat.completions.create(model="m", messages=messages)
            return response.choices[0].message.content
        response = await self.client.messages.create(model="m", max_tokens=100, messages=messages)
        return response.content[0].text

    def batch(self, batch: list, concurrency: int) -> list:
        async def main():
            semaphore = asyncio.Semaphore(concurrency)

            async def bounded(messages):
                async with semaphore:
                    return await self.one(messages)

            return await asyncio.gather(*(bounded(m) for m in batch))

        results = self.loop.run_until_complete(main())
        assert results[-1] == "echo: " + batch[-1][0]["content"]
        return results

    def close(self) -> None:
        self.loop.run_until_complete(self.client.close())
        self.loop.close()


class PlainAioHttp:
    """The client-side limit here: plain aiohttp, one session, a pool of workers, json.loads of each body."""

    def __init__(self, strategy: str, url: str):
        import aiohttp

        self.loop = asyncio.new_event_loop()
        if strategy == "openai":
            self.url, self.headers = url + "/v1/chat/completions", {"authorization": f"Bearer {KEY}"}
        else:
            self.url, self.headers = url + "/v1/messages", {"x-api-key": KEY, "anthropic-version": "2023-06-01"}
        self.strategy = strategy

        async def session():
            return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))

        self.session = self.loop.run_until_complete(session())

    def batch(self, batch: list, concurrency: int) -> list:
        results: list = [None] * len(batch)
        pending = iter(range(len(batch)))

        async def worker():
            for i in pending:
                body = {"model": "m", "messages": batch[i]}
                if self.strategy == "anthropic":
                    body["max_tokens"] = 100
                async with self.session.post(self.url, json=body, headers=self.headers) as response:
                    reply = json.loads(await response.read())
                results[i] = (reply["choices"][0]["message"]["content"] if self.strategy == "openai"
                              else reply["content"][0]["text"])

        async def main():
            await asyncio.gather(*(worker() for _ in range(concurrency)))

        self.loop.run_until_complete(main())
        assert results[-1] == "echo: " + batch[-1][0]["content"]
        return results

    def close(self) -> None:
        self.loop.run_until_complete(self.session.close())
        self.loop.close()


class RawSync:
    """The raw sync OpenAI client, kept between calls."""

    def __init__(self, url: str):
        import openai

        self.client = openai.OpenAI(api_key=KEY, base_url=url + "/v1", max_retries=0)

    def sequence(self, batch: list) -> None:
        for messages in batch:
            self.client.chat.completions.create(model="m", messages=messages)


# --- scenarios ---------------------------------------------------------------------


def scenario_throughput(rounds: int, n: int, concurrency: int = 100, latency: float = 0.05) -> list[dict]:
    """1. Parallel throughput and client CPU per request: engine vs raw async SDK."""
    import inference_engine as ie

    rows = []
    with server_process(latency) as url:
        for strategy in ("openai", "anthropic"):
            engine, raw, plain = ie.InferenceEngine(details(strategy, url), "m"), RawAsync(strategy, url), PlainAioHttp(strategy, url)
            clients = {"engine": lambda b: engine.parallel_inference(b, max_concurrent_requests=concurrency),
                       "raw": lambda b: raw.batch(b, concurrency), "aiohttp": lambda b: plain.batch(b, concurrency)}
            batch = prompts(n)
            for run in clients.values():
                run(batch[:200])  # warm up every side
            samples = {who: [] for who in clients}
            for r in range(rounds):
                for who in list(clients)[r % 3:] + list(clients)[:r % 3]:  # each goes first in turn
                    samples[who].append(measure(lambda: clients[who](batch)))
            for client in (engine, raw, plain):
                client.close()
            wall = {who: statistics.median(s[0] for s in samples[who]) for who in clients}
            cpu = {who: statistics.median(s[1] for s in samples[who]) / n for who in clients}
            for baseline, label, names, rate_target, cpu_target in (
                    ("raw", "raw Async SDK", ("throughput", "CPU/request"), 0.95, 1.10),
                    ("aiohttp", "plain aiohttp", ("vs aiohttp", "CPU vs aiohttp"), 0.60, 6.0)):
                rows.append(row(f"1. {names[0]} {strategy}", f"{n} req, c={concurrency}, {latency * 1000:.0f} ms",
                                f"{n / wall['engine']:.0f} req/s", f"{n / wall[baseline]:.0f} req/s ({label})",
                                wall[baseline] / wall["engine"], ">=", rate_target))
                rows.append(row(f"1. {names[1]} {strategy}", f"{n} req, c={concurrency}",
                                f"{cpu['engine'] * 1e6:.0f} us", f"{cpu[baseline] * 1e6:.0f} us ({label})",
                                cpu["engine"] / cpu[baseline], "<=", cpu_target))
    return rows


def scenario_latency_bound(rounds: int, n: int = 400, concurrency: int = 20, latency: float = 0.2) -> list[dict]:
    """2. Latency-bound batches: wall time against the ideal n / concurrency x latency."""
    import inference_engine as ie

    ideal = n / concurrency * latency
    rows = []
    with server_process(latency) as url:
        for strategy in ("openai", "azure", "anthropic", "gemini"):
            with ie.InferenceEngine(details(strategy, url), "m") as engine:
                engine.parallel_inference(prompts(concurrency), max_concurrent_requests=concurrency)  # warm up
                walls = [measure(lambda: engine.parallel_inference(prompts(n), max_concurrent_requests=concurrency))[0]
                         for _ in range(rounds)]
            wall = statistics.median(walls)
            rows.append(row(f"2. latency-bound {strategy}", f"{n} req, c={concurrency}, {latency * 1000:.0f} ms",
                            f"{wall:.2f} s", f"{ideal:.2f} s (ideal)", wall / ideal, "<=", 1.10))
    return rows


def scenario_sequential(rounds: int, n: int = 500) -> list[dict]:
    """3. Sequential sync calls at zero latency: engine vs the raw sync OpenAI client."""
    import inference_engine as ie

    with server_process(0.0) as url:
        engine = ie.InferenceEngine(details("openai", url), "m")
        batch = prompts(n)

        def engine_run():
            for messages in batch:
                engine.single_inference(messages)

        raw = RawSync(url)
        engine_run()
        raw.sequence(batch)
        samples = {"engine": [], "raw": []}
        for r in range(rounds):
            order = ("engine", "raw") if r % 2 == 0 else ("raw", "engine")
            for who in order:
                samples[who].append(measure(engine_run if who == "engine" else lambda: raw.sequence(batch))[0])
        engine.close()
    engine_wall, raw_wall = statistics.median(samples["engine"]), statistics.median(samples["raw"])
    return [row("3. sequential sync", f"{n} single_inference, 0 ms", f"{engine_wall * 1000 / n:.2f} ms/call",
                f"{raw_wall * 1000 / n:.2f} ms/call (raw sync SDK)", engine_wall / raw_wall, "<=", 1.20)]


def peak_rss_kb() -> int:
    """This process's peak resident set size in KB.

    VmHWM, not getrusage's ru_maxrss: on Linux the latter carries over the parent's
    peak across fork and exec, so a child of a large parent would report its parent's.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(url: str, n: int) -> None:
    """Child process: one parallel_inference over n prompts; print peak RSS and time."""
    import inference_engine as ie

    batch = [[{"role": "user", "content": f"p{i}"}] for i in range(n)]
    engine = ie.InferenceEngine(details("openai", url), "m")
    engine.parallel_inference(batch[:100], max_concurrent_requests=100)
    base_rss = peak_rss_kb()
    start = time.perf_counter()
    results, usages = engine.parallel_inference(batch, max_concurrent_requests=100)
    wall = time.perf_counter() - start
    assert results[-1] == f"echo: p{n - 1}" and len(usages) == n
    peak = peak_rss_kb()
    print(json.dumps({"n": n, "peak_kb": peak, "base_kb": base_rss, "wall": wall}))
    engine.close()


def scenario_memory(sizes: tuple[int, int]) -> list[dict]:
    """4. Peak RSS growth per extra item, and time per 1,000 items, at two batch sizes."""
    small, large = sizes
    runs = {}
    with server_process(0.0) as url:
        for n in sizes:
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--memory-child", url, str(n)],
                                 capture_output=True, text=True, check=True)
            runs[n] = json.loads(out.stdout.strip().splitlines()[-1])
    per_item_kb = (runs[large]["peak_kb"] - runs[small]["peak_kb"]) / (large - small)
    per_1000 = {n: runs[n]["wall"] / n * 1000 for n in sizes}
    return [
        row("4. memory", f"{small:,} vs {large:,} prompts", f"{per_item_kb * 1024:.0f} B/item",
            f"peak {runs[small]['peak_kb'] / 1024:.0f} -> {runs[large]['peak_kb'] / 1024:.0f} MB", per_item_kb, "<=", 1.0,
            unit="KB/item"),
        row("4. time per 1,000", f"{small:,} vs {large:,} prompts", f"{per_1000[large]:.2f} s at {large:,}",
            f"{per_1000[small]:.2f} s at {small:,}", per_1000[large] / per_1000[small], "<=", 1.10),
    ]


def scenario_import(rounds: int) -> list[dict]:
    """5. Import time of the module against loguru + tenacity alone."""

    def timed(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        return time.perf_counter() - start

    samples = {"engine": [], "base": []}
    for _ in range(rounds):
        samples["engine"].append(timed("import inference_engine"))
        samples["base"].append(timed("import loguru, tenacity"))
    engine, base = statistics.median(samples["engine"]), statistics.median(samples["base"])
    return [row("5. import", "python -c 'import …'", f"{engine * 1000:.0f} ms", f"{base * 1000:.0f} ms (loguru, tenacity)",
                engine / base, "<=", 2.0)]


def scenario_rate_limit(limit: int = 20, n: int = 400) -> list[dict]:
    """6. A server that answers 429 above `limit` requests a second: the three sources of pace, and retries in faults.

    With the user's own requests_per_minute=60*limit; with no limit set, the server stating its
    limit in OpenAI's or Anthropic's headers; with no limit set or stated (adaptive pacing).
    Then random 429, 500 and 503 answers (two in five, up to each prompt's fourth attempt): no
    request may retry at the same interval twice in a row (within 1%).
    """
    import inference_engine as ie

    rows, lost_total = [], 0
    runs = (("your limit", "openai", None, 60 * limit, 0.9, 2.0), ("headers, openai", "openai", "openai", None, 0.9, 2.0),
            ("headers, anthropic", "anthropic", "anthropic", None, 0.9, 2.0), ("no headers", "openai", None, None, 0.8, 10.0))
    for label, strategy, state, rpm, rate_target, rejected_target in runs:
        with Server(0.02, limit, state) as server:
            with ie.InferenceEngine(details(strategy, server.url), "m", requests_per_minute=rpm) as engine:
                start = time.perf_counter()
                results, _ = engine.parallel_inference(prompts(n), max_concurrent_requests=20, return_exceptions=True)
                wall = time.perf_counter() - start
        lost = sum(isinstance(r, BaseException) for r in results)
        lost_total += lost
        sent, rejected = server.stats["requests"], server.stats["rejected"] / server.stats["requests"]
        rows.append(row(f"6. pace, {label}", f"{n} req, c=20, server allows {limit}/s", f"{(n - lost) / wall:.1f} req/s, "
                        f"{lost} lost", f"{limit} req/s allowed", (n - lost) / wall / limit, ">=", rate_target))
        rows.append(row(f"6. 429s, {label}", f"{n} req", f"{rejected:.1%} of {sent} requests", "", rejected * 100, "<=",
                        rejected_target, unit="%"))
    rows.append(row("6. lost, all four", f"{4 * n} req", f"{lost_total} items", "", lost_total, "<=", 0, unit="items"))
    fast = {"RETRY_WAIT_EXPONENTIAL_MIN": "0.05", "RETRY_WAIT_EXPONENTIAL_MAX": "5",
            "RETRY_WAIT_EXPONENTIAL_MULTIPLIER": "0.05"}
    with Server(0.02, faults=0.4) as server, ie._env(**fast):
        with ie.InferenceEngine(details("openai", server.url), "m") as engine:
            start = time.perf_counter()
            engine.parallel_inference(prompts(n // 4), max_concurrent_requests=20, return_exceptions=True)
            wall = time.perf_counter() - start
    gaps = server.stats
    rows.append(row("6. faults: same retry interval twice", f"{n // 4} req, 40% 429/500/503, {wall:.0f}s",
                    f"{gaps['same']} of {gaps['pairs']} pairs in a row", f"{gaps['longer']} grew", gaps["same"], "<=", 0,
                    unit="pairs"))
    return rows


def write_rows(path: str, n: int) -> str:
    """A JSONL dataset of n rows with their own ids, as a user's file would look."""
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"id": f"row-{i}", "prompt": f"prompt number {i}", "label_hint": "x"}) + "\n"
                         for i in range(n))
    return path


def cli_child(url: str, path: str, output: str, fresh: str) -> None:
    """Child process: the command line on one file, in this process; print its peak RSS and wall time."""
    import inference_engine as ie

    start = time.perf_counter()
    code = ie._main(["run", path, "--strategy", "openai", "--model", "m", "--base-url", url + "/v1",
                     "--concurrency", "100", "--output", output, "--no-progress", *(["--fresh"] if fresh == "1" else [])])
    print(json.dumps({"code": code, "peak_kb": peak_rss_kb(), "wall": time.perf_counter() - start}))


def parallel_child(url: str, path: str) -> None:
    """Child process: what a script would do with parallel_inference on the same file; print its wall time."""
    import inference_engine as ie

    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        batch = [[{"role": "user", "content": json.loads(line)["prompt"]}] for line in f]
    with ie.InferenceEngine(details("openai", url), "m") as engine:
        results, _ = engine.parallel_inference(batch, max_concurrent_requests=100, progress=False)
    assert len(results) == len(batch)
    print(json.dumps({"code": 0, "wall": time.perf_counter() - start}))


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, os.path.abspath(__file__), *args], capture_output=True, text=True, check=True,
                         env={**os.environ, "OPENAI_API_KEY": KEY})
    return json.loads(out.stdout.strip().splitlines()[-1])


def scenario_dataset_memory(sizes: tuple[int, int]) -> list[dict]:
    """7. The command line's peak RSS at two dataset sizes, on a first run and on a rerun (every row reused)."""
    small, large = sizes
    folder = tempfile.mkdtemp(prefix="inference-engine-bench-rows-")
    runs = {}
    with server_process(0.0) as url:
        for n in sizes:
            path = write_rows(os.path.join(folder, f"rows{n}.jsonl"), n)
            output = os.path.join(folder, f"rows{n}.results.jsonl")
            for run, fresh in (("first run", "1"), ("rerun", "0")):
                runs[n, run] = child("--cli-child", url, path, output, fresh)
                assert runs[n, run]["code"] == 0, runs[n, run]
    rows = []
    for run in ("first run", "rerun"):
        per_row_kb = (runs[large, run]["peak_kb"] - runs[small, run]["peak_kb"]) / (large - small)
        rows.append(row(f"7. memory, {run}", f"{small:,} vs {large:,} rows", f"{per_row_kb * 1024:.1f} B/row",
                        f"peak {runs[small, run]['peak_kb'] / 1024:.0f} -> {runs[large, run]['peak_kb'] / 1024:.0f} MB; "
                        f"{large / runs[large, run]['wall']:,.0f} rows/s", per_row_kb, "<=", 0.1, unit="KB/row"))
    return rows


def scenario_command_line(rounds: int, n: int, latency: float = 0.05) -> list[dict]:
    """8. Rows per second of the command line against parallel_inference on the same file and server."""
    folder = tempfile.mkdtemp(prefix="inference-engine-bench-cli-")
    path = write_rows(os.path.join(folder, "rows.jsonl"), n)
    samples = {"cli": [], "parallel": []}
    with server_process(latency) as url:
        for r in range(rounds):
            for who in (("cli", "parallel") if r % 2 == 0 else ("parallel", "cli")):
                if who == "cli":
                    result = child("--cli-child", url, path, os.path.join(folder, "out.jsonl"), "1")
                else:
                    result = child("--parallel-child", url, path)
                samples[who].append(n / result["wall"])
    cli, parallel = statistics.median(samples["cli"]), statistics.median(samples["parallel"])
    return [row("8. command line", f"{n:,} rows, c=100, {latency * 1000:.0f} ms", f"{cli:.0f} rows/s",
                f"{parallel:.0f} rows/s (parallel_inference)", cli / parallel, ">=", 0.95)]


def row(name: str, setup: str, engine: str, baseline: str, ratio: float, op: str, target: float,
        unit: str = "x") -> dict:
    ok = True if op == "info" else ratio >= target if op == ">=" else ratio <= target
    return {"scenario": name, "setup": setup, "engine": engine, "baseline": baseline, "ratio": round(ratio, 3),
            "unit": unit, "target": f"{op} {target}", "ok": ok}


def machine() -> dict:
    versions = {p: metadata.version(p) for p in ("openai", "anthropic", "google-generativeai", "tenacity", "loguru")}
    return {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(), **versions}


def print_table(rows: list[dict], info: dict, elapsed: float) -> None:
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    headers = ("scenario", "setup", "engine", "baseline", "ratio", "target", "ok")
    cells = [[r["scenario"], r["setup"], r["engine"], r["baseline"], f"{r['ratio']:.3f} {r['unit']}", r["target"],
              "yes" if r["ok"] else "NO"] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print("-+-".join("-" * w for w in widths))
    for c in cells:
        print(" | ".join(x.ljust(w) for x, w in zip(c, widths)))
    print(f"{sum(r['ok'] for r in rows)} of {len(rows)} targets met in {elapsed:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--quick", action="store_true", help="fewer rounds and smaller sizes (a smoke run)")
    parser.add_argument("--only", help="comma-separated scenario numbers to run, e.g. 1,3")
    parser.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--state", help=argparse.SUPPRESS)
    parser.add_argument("--faults", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--cli-child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--parallel-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.serve, args.limit, args.state, args.faults)
        return 0
    if args.memory_child:
        memory_child(args.memory_child[0], int(args.memory_child[1]))
        return 0
    if args.cli_child:
        cli_child(*args.cli_child)
        return 0
    if args.parallel_child:
        parallel_child(*args.parallel_child)
        return 0
    quick = args.quick
    scenarios = {
        "1": lambda: scenario_throughput(rounds=3 if quick else 5, n=500 if quick else 2000),
        "2": lambda: scenario_latency_bound(rounds=1 if quick else 3, n=100 if quick else 400),
        "3": lambda: scenario_sequential(rounds=3 if quick else 5, n=100 if quick else 500),
        "4": lambda: scenario_memory((2_000, 20_000) if quick else (10_000, 100_000)),
        "5": lambda: scenario_import(rounds=5 if quick else 15),
        "6": lambda: scenario_rate_limit(n=200 if quick else 400),  # 20 x R requests, R = 20
        "7": lambda: scenario_dataset_memory((5_000, 50_000) if quick else (100_000, 1_000_000)),
        "8": lambda: scenario_command_line(rounds=2 if quick else 5, n=1_000 if quick else 5_000),
    }
    chosen = args.only.split(",") if args.only else list(scenarios)
    start = time.perf_counter()
    rows = [r for key in chosen for r in scenarios[key]()]
    elapsed = time.perf_counter() - start
    info = machine()
    if args.json:
        print(json.dumps({"machine": info, "elapsed_s": round(elapsed, 1), "rows": rows}, indent=2))
    else:
        print_table(rows, info, elapsed)
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
