"""Ingest speed with the dependency parse: articles/s, sentences/s and peak memory.

Writes N IndoSum articles (real Indonesian news) as text files into a folder and runs the
real CLI on it, `claimcheck ingest FOLDER --json`, into a fresh SQLite file, once per
worker count asked for (CLAIMCHECK_WORKERS: 1 = everything in one process). Reports wall
and CPU time (the CLI and every process under it: the workers are forked by a fork server,
so they are read from /proc while they run), articles/s, sentences/s, claims, and the peak
resident memory of the largest process (the CLI or one worker).

    .venv/bin/python benchmarks/ingest_speed.py --articles 200 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from matching_recall import SHARED_DATA  # type: ignore[import-not-found]

CLI = Path(sys.executable).with_name("claimcheck")


def write_articles(folder: Path, count: int, skip: int) -> int:
    """Articles ``skip`` to ``skip + count`` of IndoSum as files; returns their sentences'
    rough count (paragraph text only, for the record)."""
    written = 0
    with (SHARED_DATA / "indosum" / "articles.jsonl").open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n < skip:
                continue
            record = json.loads(line)
            (folder / f"{n:05d}.txt").write_text(record["text"], encoding="utf-8")
            written += 1
            if written >= count:
                break
    return written


class ProcessTree:
    """CPU seconds and peak resident memory of a process and all its descendants, sampled
    from /proc every 50 ms (a process's last sample stands for it once it is gone)."""

    def __init__(self, root: int) -> None:
        self.root, self.cpu, self.peak_kb = root, dict[int, float](), dict[int, int]()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _children(self) -> dict[int, list[int]]:
        tree: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                tree.setdefault(parent, []).append(int(entry.name))
        return tree

    def _watch(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while not self.done.wait(0.05):
            tree, todo = self._children(), [self.root]
            while todo:
                pid = todo.pop()
                todo.extend(tree.get(pid, []))
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                self.cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb[pid] = int(line.split()[1])

    def stop(self) -> tuple[float, float]:
        """CPU seconds in all, and the largest process's peak in MB."""
        self.done.set()
        self.thread.join()
        return sum(self.cpu.values()), max(self.peak_kb.values(), default=0) / 1024


def run(folder: Path, workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, CLAIMCHECK_WORKERS=str(workers), HOME=home)
        env["CLAIMCHECK_DB"] = f"sqlite:///{home}/bench.db"
        env["CLAIMCHECK_REVIEWER"] = "bench"
        subprocess.run([str(CLI), "db", "upgrade"], env=env, check=True, capture_output=True)
        start = time.perf_counter()
        process = subprocess.Popen(
            [str(CLI), "ingest", str(folder), "--json", "--no-progress"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        tree = ProcessTree(process.pid)
        stdout, stderr = process.communicate()
        wall = time.perf_counter() - start
        cpu, peak_mb = tree.stop()
    done = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    results = json.loads(done.stdout)
    articles = len(results)
    sentences = sum(r["sentences"] for r in results)
    claims = sum(r["claims"] for r in results)
    return {
        "workers": workers,
        "articles": articles,
        "sentences": sentences,
        "claims": claims,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "articles_per_s": round(articles / wall, 1),
        "sentences_per_s": round(sentences / wall, 1),
        "peak_rss_mb": round(peak_mb, 1),  # the largest single process
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip", type=int, default=1000, help="IndoSum articles to skip first")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_articles(folder, args.articles, args.skip)
        for workers in args.workers:
            print(json.dumps(run(folder, workers)), flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
