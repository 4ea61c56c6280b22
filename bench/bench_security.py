"""A longer run of the hostile-input fuzzers than the suite's (issue #13). Not a test.

``python bench/bench_security.py [--queries 20000] [--envelopes 2000] [--messages 2000] [--seed 1]``

- the query parser: random strings and query-shaped strings; every one parses or is refused
  with a message, and the slowest one is reported;
- notes files: random JSON envelopes imported into a real library; each is imported or refused
  with a message, and the library stays sound;
- the instance socket of a real app (``python -m reader`` on a temporary library, offscreen):
  random bytes, long lines, broken JSON, wrong types and slow senders; the app must answer
  within its limits and still be alive at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.errors import ReaderError  # noqa: E402
from reader.search.query import QueryError, parse  # noqa: E402

WORDS = [
    "OR",
    "-",
    '"',
    "“",
    "”",
    "：",
    ":",
    "文号:",
    "机关:",
    "年份:",
    "标题:",
    "标签:",
    "城市:",
    "文种:",
    "title:",
    "钦政办〔2019〕5号",
    "河长",
    "2019",
    "2030-1900",
    "(",
    ")",
    "*",
    "?",
    "\\",
    "' OR 1=1 --",
    "<img src=x>",
]


def fuzz_queries(n: int, rng: random.Random) -> str:
    refused = worst = 0.0
    bad = 0
    for _ in range(n):
        if rng.random() < 0.5:
            text = "".join(chr(rng.randint(1, 0x9FFF)) for _ in range(rng.randint(0, 120)))
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 50)))
        started = time.perf_counter()
        try:
            parse(text)
        except QueryError:
            refused += 1
        except Exception:
            bad += 1
        worst = max(worst, time.perf_counter() - started)
    return (
        f"queries  : {n} run, {int(refused)} refused with a message, {bad} errors, "
        f"slowest {worst * 1000:.1f} ms"
    )


def _junk(rng: random.Random, depth: int = 0):
    kind = rng.randint(0, 7 if depth < 4 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False, 0, -1, 10**30, 3.5, 1e308])
    if kind == 2:
        return "".join(chr(rng.randint(1, 0xFFFF)) for _ in range(rng.randint(0, 20)))
    if kind == 3:
        return rng.choice(["red", "yellow", "<b>", "", " ", "0000000a-0000-4000-8000-000000000000"])
    if kind == 4:
        return rng.randint(0, 100)
    if kind in (5, 6):
        keys = [
            "uuid",
            "color",
            "quote",
            "start",
            "end",
            "note",
            "tags",
            "title",
            "doc_id",
            "highlights",
            "x",
        ]
        return {rng.choice(keys): _junk(rng, depth + 1) for _ in range(rng.randint(0, 6))}
    return [_junk(rng, depth + 1) for _ in range(rng.randint(0, 4))]


def fuzz_envelopes(n: int, rng: random.Random, work: Path) -> str:
    from reader.export.envelope import import_annotations
    from reader.importer import import_file
    from reader.library import Library

    lib = Library(work / "lib")
    import_file(lib, ROOT / "tests" / "data" / "yulin_like.txt")
    imported = refused = bad = 0
    path = work / "notes.json"
    started = time.perf_counter()
    for _ in range(n):
        docs = [_junk(rng) for _ in range(rng.randint(0, 3))]
        path.write_text(
            json.dumps({"format": "gongbao-annotations", "version": 1, "documents": docs}), "utf-8"
        )
        try:
            import_annotations(lib, path)
            imported += 1
        except ReaderError:
            refused += 1
        except Exception:
            bad += 1
    sound = lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lib.close()
    return (
        f"notes    : {n} files, {imported} imported, {refused} refused with a message, {bad} errors, "
        f"library {'sound' if sound else 'DAMAGED'}, {time.perf_counter() - started:.1f} s"
    )


def fuzz_socket(n: int, rng: random.Random, work: Path) -> str:
    if sys.platform == "win32":
        return "socket   : skipped (POSIX sockets)"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        GONGBAO_CONFIG_DIR=str(work / "config"),
        GONGBAO_CACHE_DIR=str(work / "cache"),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "reader", "--library", str(work / "app"), "--no-welcome"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        from reader.ui.single_instance import server_name

        os.environ["GONGBAO_CACHE_DIR"] = env["GONGBAO_CACHE_DIR"]
        name = server_name(work / "app")
        deadline = time.monotonic() + 60
        while not Path(name).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        answers = {"ok": 0, "error": 0, "none": 0}
        slowest = 0.0
        for k in range(n):
            choice = rng.randint(0, 5)
            if choice == 0:
                data = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 3000)))
            elif choice == 1:
                data = b"x" * rng.randint(4000, 200_000)
            elif choice == 2:
                data = json.dumps({"link": _junk(rng)}).encode() + b"\n"
            elif choice == 3:
                data = b'{"link": "gongbao://doc/' + str(rng.randint(0, 10**12)).encode() + b'"}\n'
            elif choice == 4:
                data = b"[" * rng.randint(1, 50_000) + b"\n"
            else:
                data = b'{"link": null}\n'
            started = time.perf_counter()
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(5)
                s.connect(name)
                try:
                    s.sendall(data)
                    if choice not in (0,) or b"\n" in data:
                        got = s.recv(64)
                        answers["ok" if got.startswith(b"ok") else "error" if got else "none"] += 1
                except OSError:
                    answers["none"] += 1  # cut off mid-send: the server closed a line too long
            slowest = max(slowest, time.perf_counter() - started)
            if k % 200 == 0 and app.poll() is not None:
                break
        alive = app.poll() is None
        return (
            f"socket   : {n} connections to a running app: {answers['ok']} ok, {answers['error']} refused, "
            f"{answers['none']} cut off; slowest {slowest * 1000:.0f} ms; app {'alive' if alive else 'DEAD'}"
        )
    finally:
        app.terminate()
        try:
            app.wait(20)
        except subprocess.TimeoutExpired:
            app.kill()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--queries", type=int, default=20000)
    ap.add_argument("--envelopes", type=int, default=2000)
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="gongbao-fuzz-"))
    try:
        print(fuzz_queries(args.queries, rng))
        print(fuzz_envelopes(args.envelopes, rng, work))
        print(fuzz_socket(args.messages, rng, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
