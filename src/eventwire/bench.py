"""End-to-end throughput next to spaCy alone, on the same texts in the same run (``eventwire
bench``, ``bench/throughput.py``).

Each side runs in its own child process, so its memory is its own:

* **start-up**: a fresh process importing eventwire and building a :class:`Processor` (model,
  KB ruler, gazetteer, coder), wall time from the parent;
* **spaCy alone**: the same pipeline's ``nlp.pipe`` over the texts, model loaded before timing;
  with ``spacy_processes=N``, N processes each piping every N-th text, started together once
  all have loaded the model (the fair baseline for ``--workers N``: spaCy's own best on N
  cores, with no results sent anywhere);
* **eventwire**: :func:`eventwire.runner.run` over the texts into a fresh DuckDB file: ingest,
  dedup, parse, resolve, code, store. The processor is built before timing, as spaCy's model
  is: in the process for one worker, in every worker of a started :class:`WorkerPool` for
  several (start-up is the separate figure).

Peak memory is the largest sum of the resident sizes of the eventwire child and its workers,
sampled from ``/proc`` every 0.1 s (on systems without ``/proc``: the largest single process).
Prints figures; judges nothing.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

_REPO = Path(__file__).resolve().parents[2]
#: Looked for relative to the working folder, then to the source checkout.
DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "reuters21578.jsonl.gz"


def default_corpus() -> Path | None:
    for base in (Path.cwd(), _REPO):
        path = (base / DEFAULT_CORPUS).resolve()
        if path.exists():
            return path
    return None


def guess_fields(corpus: Path) -> dict[str, str]:
    """``{"text": "body"}`` when the first record has no ``text``/``html`` but a ``body``."""
    import gzip

    opener: Any = gzip.open if corpus.name.lower().endswith(".gz") else open
    try:
        with opener(corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    first = json.loads(line)
                    break
            else:
                return {}
    except (OSError, ValueError, EOFError):
        return {}
    if isinstance(first, dict) and "text" not in first and "html" not in first:
        if isinstance(first.get("body"), str):
            return {"text": "body"}
    return {}


def prepare(
    corpus: Path, articles: int, out: Path, fields: Mapping[str, str] | None = None
) -> tuple[int, int]:
    """Write the first ``articles`` readable documents of ``corpus`` (any input ``eventwire
    run`` reads) as eventwire JSONL to ``out``; returns (documents, words)."""
    from eventwire.ingest.sources import iter_documents
    from eventwire.records import Article

    n = words = 0
    with out.open("w", encoding="utf-8") as dst:
        for item in iter_documents([corpus], fields=fields):
            if not isinstance(item, Article):
                continue
            row = {
                "text": item.text,
                "title": item.title,
                "published": item.published,
                "source": item.source,
                "url": item.url,
            }
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
            words += len(item.text.split())
            if n >= articles:
                break
    return n, words


# -- child processes ------------------------------------------------------------------------------


def _peak_self_mb() -> float:
    """The largest resident size of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _child(argv: list[str]) -> None:
    """Entry point of the measuring children: ``startup``, ``spacy PATH B [K N]`` (every N-th
    text from the K-th; with N, waits for a line on stdin after loading the model, so N such
    children start together), ``eventwire PATH DB WORKERS B``; prints one JSON object."""
    kind = argv[0]
    if kind == "startup":
        from eventwire.pipeline import Processor

        Processor()
        print(json.dumps({"rss_mb": _peak_self_mb()}))
        return
    if kind == "spacy":
        # only this side holds the texts: the eventwire side streams them, and its memory is
        # what must stay flat with the corpus size
        with open(argv[1], encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh]
        from eventwire.nlp.model import get_nlp

        nlp = get_nlp()
        if len(argv) > 3:  # one of N: take its share, say it is ready, wait for the start
            texts = texts[int(argv[3]) :: int(argv[4])]
            print("ready", flush=True)
            sys.stdin.readline()
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=int(argv[2])):
            pass
        dt = time.perf_counter() - t0
        print(json.dumps({"seconds": dt, "rss_mb": _peak_self_mb()}))
        return
    if kind == "spark":
        print(json.dumps(_spark_child(argv[1], Path(argv[2]), argv[3])))
        return
    from eventwire.runner import run
    from eventwire.workers import WorkerPool

    workers, batch = int(argv[3]), int(argv[4])
    # Model, KB and gazetteer loaded before timing, as the spaCy side loads its model first:
    # in this process for one worker, in every worker for several (this one then loads none).
    if workers == 1:
        from eventwire.pipeline import Processor

        Processor()
        t0 = time.perf_counter()
        s = run([argv[1]], argv[2], batch_size=batch)
        dt = time.perf_counter() - t0
    else:
        with WorkerPool(workers, batch_size=batch) as pool:
            pool.wait_ready()
            t0 = time.perf_counter()
            s = run([argv[1]], argv[2], batch_size=batch, pool=pool)
            dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "rss_mb": _peak_self_mb(), **s.counts()}))


def _spark_child(data: str, folder: Path, master: str) -> dict[str, Any]:
    """The Spark engine over ``data`` on ``master``, then ``load``: the session started and
    every executor's processor built before timing (as the local side builds its own)."""
    from eventwire.engines import spark as engine
    from eventwire.engines.tables import load
    from eventwire.settings import current

    settings = current()
    session = engine.session(master)
    try:
        sc = session.sparkContext
        slots = max(sc.defaultParallelism, 1)
        # one processor per Python worker, kept for the timed job (Spark reuses its workers)
        sc.parallelize(range(slots), slots).mapPartitions(
            lambda _: [bool(engine._processor(settings))]
        ).collect()
        t0 = time.perf_counter()
        s = engine.run([data], folder / "tables", settings=settings, spark=session)
        dt = time.perf_counter() - t0
    finally:
        session.stop()
    t1 = time.perf_counter()
    loaded = load(folder / "tables", folder / "bench.duckdb")
    dt += time.perf_counter() - t1
    return {
        "seconds": dt,
        "rss_mb": _peak_self_mb(),
        "events": loaded.events,
        "rejects": s.rejects,
    }


def _descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(parents.get(p, ()))
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """The summed resident size of ``pid`` and its descendants, in KiB (0 without ``/proc``)."""
    if not os.path.isdir("/proc"):
        return 0
    try:
        return sum(_rss_kb(p) for p in _descendants(pid))
    except OSError:
        return 0


def _run_child(args: list[str], sample: bool = False) -> tuple[dict[str, Any], float, float]:
    """Run a measuring child; returns (its JSON, wall seconds, peak summed RSS of its tree in MB;
    0 when not sampled or not measurable)."""
    cmd = [
        sys.executable,
        "-c",
        "import sys; from eventwire.bench import _child; _child(sys.argv[1:])",
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, sum(_rss_kb(p) for p in _descendants(proc.pid)))
            except OSError:
                return
            stop.wait(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    if sample and os.path.isdir("/proc"):
        watcher.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    if watcher.is_alive():
        watcher.join()
    if proc.returncode != 0:
        tail = "\n".join(err.strip().splitlines()[-5:])
        raise RuntimeError(f"bench child {args[0]} failed ({proc.returncode}):\n{tail}")
    return json.loads(out.strip().splitlines()[-1]), wall, peak / 1024


def _run_spacy_processes(data: Path, batch_size: int, n: int) -> float:
    """Wall seconds for ``n`` spaCy processes to pipe the texts between them, from a common
    start (all models loaded) to the last one's end."""
    cmd = [
        sys.executable,
        "-c",
        "import sys; from eventwire.bench import _child; _child(sys.argv[1:])",
    ]
    procs = [
        subprocess.Popen(
            [*cmd, "spacy", str(data), str(batch_size), str(k), str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(n)
    ]
    try:
        for proc in procs:  # every model loaded before the clock starts
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != "ready":
                raise RuntimeError("bench child spacy failed before it was ready")
        t0 = time.perf_counter()
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        for proc in procs:
            _, err = proc.communicate()
            if proc.returncode != 0:
                tail = "\n".join(err.strip().splitlines()[-5:])
                raise RuntimeError(f"bench child spacy failed ({proc.returncode}):\n{tail}")
        return time.perf_counter() - t0
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


# -- the bench ------------------------------------------------------------------------------------


@dataclass(slots=True)
class BenchResult:
    corpus: str
    articles: int
    words: int
    workers: int
    #: processes sharing the spaCy baseline's texts (1: the single-process baseline)
    spacy_processes: int
    startup_s: float
    eventwire_s: float
    spacy_s: float
    peak_rss_mb: float
    events: int
    rejects: int
    #: "local", or "spark" (``run --engine spark`` + ``load``, on ``local[workers]`` or a master)
    engine: str = "local"

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.eventwire_s

    @property
    def words_per_s(self) -> float:
        return self.words / self.eventwire_s

    @property
    def spacy_words_per_s(self) -> float:
        return self.words / self.spacy_s

    @property
    def ratio_vs_spacy(self) -> float:
        """Our words/s over spaCy's (higher is better; 1.0 = as fast as spaCy alone)."""
        return self.words_per_s / self.spacy_words_per_s

    def as_json(self) -> dict[str, Any]:
        return {
            "articles_per_s": round(self.articles_per_s, 3),
            "words_per_s": round(self.words_per_s, 1),
            "spacy_words_per_s": round(self.spacy_words_per_s, 1),
            "ratio_vs_spacy": round(self.ratio_vs_spacy, 3),
            "startup_s": round(self.startup_s, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "articles": self.articles,
            "words": self.words,
            "workers": self.workers,
            "spacy_processes": self.spacy_processes,
            "events": self.events,
            "rejects": self.rejects,
            "corpus": self.corpus,
            "engine": self.engine,
        }


def bench(
    corpus: Path | None = None,
    *,
    articles: int = 300,
    workers: int = 1,
    fields: Mapping[str, str] | None = None,
    batch_size: int = 16,
    engine: str = "local",
    master: str | None = None,
    spacy_processes: int = 1,
) -> BenchResult:
    """Measure start-up, eventwire and spaCy alone on the first ``articles`` documents.

    ``engine="spark"`` times ``run --engine spark`` plus ``load`` on ``master`` (default
    ``local[workers]``) instead of the local engine; peak memory then sums the JVM and its
    Python workers. ``spacy_processes``: run the spaCy baseline in that many processes at
    once (compare ``workers=N`` with ``spacy_processes=N`` for the scaling of the work, not of
    the cores)."""
    corpus = corpus or default_corpus()
    if corpus is None:
        raise ConfigError(f"no corpus given and {DEFAULT_CORPUS} not found; pass --corpus FILE")
    if not corpus.exists():
        raise ConfigError(f"corpus {corpus} not found")
    if fields is None or not fields:
        fields = guess_fields(corpus)
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        data = Path(tmp) / "articles.jsonl"
        docs, words = prepare(corpus, articles, data, fields)
        if docs == 0:
            raise ConfigError(
                f"no readable document in {corpus}; name its text field with --field text=NAME"
            )
        _, startup, _ = _run_child(["startup"])

        def spacy_alone() -> float:
            if spacy_processes > 1:
                return _run_spacy_processes(data, batch_size, spacy_processes)
            spacy_res, _, _ = _run_child(["spacy", str(data), str(batch_size)])
            return float(spacy_res["seconds"])

        before = spacy_alone()
        db = Path(tmp) / "bench.duckdb"
        if engine == "spark":
            where = master or f"local[{workers}]"
            ew, _, tree_mb = _run_child(["spark", str(data), tmp, where], sample=True)
        else:
            ew, _, tree_mb = _run_child(
                ["eventwire", str(data), str(db), str(workers), str(batch_size)], sample=True
            )
        # the baseline runs before and after ours and the mean is taken: a machine whose
        # load drifts during the bench moves both sides alike
        spacy_s = (before + spacy_alone()) / 2
    return BenchResult(
        corpus=str(corpus),
        articles=docs,
        words=words,
        workers=workers,
        spacy_processes=spacy_processes,
        startup_s=startup,
        eventwire_s=ew["seconds"],
        spacy_s=spacy_s,
        peak_rss_mb=max(tree_mb, ew["rss_mb"]),
        events=ew["events"],
        rejects=ew["rejects"],
        engine=engine,
    )


def measure_run(data: Path, db: Path, *, workers: int = 1, batch_size: int = 16) -> dict[str, Any]:
    """The eventwire side alone (no spaCy baseline, no start-up figure): ``eventwire run`` over
    the eventwire JSONL ``data`` (see :func:`prepare`) into ``db`` in a child process; returns
    its seconds, its counts and ``peak_rss_mb`` (the summed peak of its process tree). For
    memory over long corpora, where a baseline would double the time."""
    ew, wall, tree_mb = _run_child(
        ["eventwire", str(data), str(db), str(workers), str(batch_size)], sample=True
    )
    return {**ew, "wall_s": wall, "peak_rss_mb": max(tree_mb, ew["rss_mb"])}


def report(r: BenchResult) -> str:
    """Human-readable lines for a result."""
    return "\n".join(
        [
            f"corpus: {r.articles} articles, {r.words} words ({Path(r.corpus).name})",
            f"start-up (fresh process to a ready processor): {r.startup_s:.2f} s",
            f"{f'spaCy alone (nlp.pipe, {r.spacy_processes} process(es)):':36s}{r.spacy_s:7.1f} s  "
            f"{r.articles / r.spacy_s:7.1f} articles/s  {r.spacy_words_per_s:8.0f} words/s",
            f"{f'eventwire run ({r.engine}), workers={r.workers}:':36s}{r.eventwire_s:7.1f} s  "
            f"{r.articles_per_s:7.1f} articles/s  {r.words_per_s:8.0f} words/s  "
            f"peak RSS {r.peak_rss_mb:.0f} MB (all processes)",
            f"eventwire / spaCy words/s: {r.ratio_vs_spacy:.2f}  "
            f"(events: {r.events}, rejects: {r.rejects})",
        ]
    )
