"""Fuzz the document loaders: ``clausecheck.load()`` on mutated PDF, DOCX and text files.

The only acceptable outcomes for any bytes are a Document or an InputError with a reason.
Anything else — another exception, an InputError that only wraps an unexpected one (the
catch-all in ``load()``), an input that takes more than ``--slow`` seconds — is recorded
with the input that caused it, and the run goes on.

Two engines:

* ``atheris`` (coverage-guided libFuzzer, ``pip install atheris``) when it is installed.
  Seeds are generated from our own text (tests/hostile_inputs.py). A custom mutator also
  mutates *inside* the containers — a DOCX member before it is re-zipped, a PDF content
  stream before it is re-deflated — since a flipped byte in compressed data mostly just
  breaks a CRC.
* otherwise a plain random mutation loop over the same seeds and container-aware edits.

    python fuzz/fuzz_loaders.py --minutes 10 --out /tmp/clausecheck-fuzz
    python fuzz/fuzz_loaders.py --engine random --minutes 1

Findings go to ``OUT/findings/`` (one file per distinct exception site, with its
traceback next to it); the summary (executions, findings, slowest input) is printed at the
end and written to ``OUT/summary.json``.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import json
import os
import random
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import hostile_inputs  # noqa: E402

SUFFIXES = [".pdf", ".docx", ".txt"]


class Stats:
    def __init__(self, out: Path, slow: float, engine: str) -> None:
        self.out = out
        self.engine = engine
        self.saved = 0.0
        self.slow = slow
        self.executions = 0
        self.outcomes = {"document": 0, "input_error": 0}
        self.by_format: dict[str, dict[str, int]] = {}
        self.findings: dict[str, dict] = {}
        self.slowest = (0.0, "")
        self.started = time.time()
        (out / "findings").mkdir(parents=True, exist_ok=True)

    def record(self, kind: str, data: bytes, suffix: str, detail: str) -> None:
        # One finding per distinct site: the exception type and the innermost frame.
        last = detail.splitlines()[-1] if detail else ""
        key = hashlib.sha1(f"{kind}|{last}|{_site(detail)}".encode()).hexdigest()[:12]
        if key not in self.findings:
            name = f"{kind}-{key}{suffix}"
            (self.out / "findings" / name).write_bytes(data)
            (self.out / "findings" / (name + ".txt")).write_text(detail)
            self.findings[key] = {"kind": kind, "file": name, "count": 0, "what": detail.strip().splitlines()[-1][:200]}
            print(f"\n[finding] {kind}: {self.findings[key]['what']} -> {name}", file=sys.stderr, flush=True)
        self.findings[key]["count"] += 1
        self.save()

    def save(self, every: float = 0.0) -> None:
        # Written as the run goes: libFuzzer ends the process from C (exit()), where
        # Python's atexit handlers no longer run.
        if time.time() - self.saved >= every:
            self.saved = time.time()
            (self.out / "summary.json").write_text(json.dumps(self.summary(), indent=2))

    def summary(self) -> dict:
        return {"engine": self.engine, "executions": self.executions,
                "seconds": round(time.time() - self.started, 1),
                "outcomes": self.outcomes, "by_format": self.by_format,
                "slowest_s": round(self.slowest[0], 3), "slowest_input": self.slowest[1],
                "findings": list(self.findings.values())}


def _site(detail: str) -> str:
    frames = re.findall(r'File "([^"]+)", line (\d+)', detail)
    return ":".join(frames[-1]) if frames else ""


def run_one(stats: Stats, data: bytes, suffix: str, path: Path) -> None:
    from clausecheck.errors import InputError
    from clausecheck.loaders import load

    path.write_bytes(data)
    shape = "pdf" if b"%PDF-" in data[:1024] else "zip" if data[:2] == b"PK" else "other"
    counts = stats.by_format.setdefault(shape, {"document": 0, "input_error": 0})
    started = time.perf_counter()
    try:
        load(path)
        stats.outcomes["document"] += 1
        counts["document"] += 1
    except InputError as exc:
        stats.outcomes["input_error"] += 1
        counts["input_error"] += 1
        cause = exc.__cause__
        if cause is not None and not isinstance(cause, InputError):
            detail = "".join(traceback.format_exception(type(cause), cause, cause.__traceback__))
            stats.record("wrapped", data, suffix, detail)
    except Exception:  # noqa: BLE001  the finding we are here for
        stats.record("exception", data, suffix, traceback.format_exc())
    finally:
        stats.executions += 1
        stats.save(every=2.0)
    elapsed = time.perf_counter() - started
    if elapsed > stats.slowest[0]:
        digest = hashlib.sha1(data).hexdigest()[:12]
        stats.slowest = (elapsed, f"{digest}{suffix}")
        if elapsed > stats.slow:
            stats.record("slow", data, suffix, f"took {elapsed:.1f} s")


# -- container-aware mutations -------------------------------------------------------------

def _byte_mutate(data: bytes, rng: random.Random, max_size: int) -> bytes:
    return hostile_inputs.mutate(data, rng, rounds=6)[:max_size]


# -- engines -------------------------------------------------------------------------------

def seed_files() -> dict[str, bytes]:
    return hostile_inputs.seeds()


def run_random(stats: Stats, seconds: float, seed: int) -> None:
    rng = random.Random(seed)
    seeds = list(seed_files().items())
    work = Path(tempfile.mkdtemp(prefix="cc-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    deadline = time.time() + seconds
    last = time.time()
    while time.time() < deadline:
        name, data = rng.choice(seeds)
        suffix = rng.choice(SUFFIXES) if rng.random() < 0.2 else Path(name).suffix
        if rng.random() < 0.5:
            inner = hostile_inputs.mutate_inside(data, rng, lambda b, n: _byte_mutate(b, rng, n), 4 << 20)
            data = inner if inner is not None else _byte_mutate(data, rng, 4 << 20)
        else:
            data = _byte_mutate(data, rng, 4 << 20)
        run_one(stats, data, suffix, work / f"input{suffix}")
        if time.time() - last > 30:
            last = time.time()
            print(f"[random] {stats.executions} executions, {len(stats.findings)} findings",
                  file=sys.stderr, flush=True)


def run_atheris(stats: Stats, seconds: float, seed: int) -> None:
    import atheris

    corpus = stats.out / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, data in seed_files().items():
        (corpus / name).write_bytes(data)
    work = Path(tempfile.mkdtemp(prefix="cc-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    rng = random.Random(seed)

    def target(data: bytes) -> None:
        suffix = ".pdf" if b"%PDF-" in data[:1024] else ".docx" if data[:2] == b"PK" else ".txt"
        run_one(stats, data, suffix, work / f"input{suffix}")

    def mutator(data: bytes, max_size: int, seed_: int) -> bytes:
        rng.seed(seed_)
        if rng.random() < 0.5:
            inner = hostile_inputs.mutate_inside(data, rng, lambda b, n: atheris.Mutate(b, n), max_size)
            if inner is not None:
                return inner
        return atheris.Mutate(data, max_size)

    with atheris.instrument_imports(include=["clausecheck"]):
        import clausecheck.loaders  # noqa: F401
        import clausecheck.loaders.docx  # noqa: F401
        import clausecheck.loaders.pdf  # noqa: F401
        import clausecheck.loaders.text  # noqa: F401

    args = [sys.argv[0], str(corpus), f"-max_total_time={int(seconds)}", f"-seed={seed}",
            "-max_len=65536", "-timeout=60", "-rss_limit_mb=3072", f"-artifact_prefix={stats.out}/",
            "-print_final_stats=1"]
    atheris.Setup(args, target, custom_mutator=mutator)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--engine", choices=["auto", "atheris", "random"], default="auto")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "clausecheck-fuzz")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--slow", type=float, default=10.0, help="seconds after which an input is a finding")
    options = parser.parse_args()

    engine = options.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "random"
    stats = Stats(options.out, options.slow, engine)

    def report() -> None:
        stats.save()
        print(json.dumps(stats.summary(), indent=2), file=sys.stderr, flush=True)

    atexit.register(report)  # the random engine returns; libFuzzer exits (see Stats.save)
    print(f"fuzzing clausecheck.load with {engine} for {options.minutes:g} min; findings in {options.out}",
          file=sys.stderr, flush=True)
    if engine == "atheris":
        run_atheris(stats, options.minutes * 60, options.seed)
    else:
        run_random(stats, options.minutes * 60, options.seed)


if __name__ == "__main__":
    main()
