#!/usr/bin/env python3
"""recto against its peers, side by side in one run (issue 9).

    python3 bench/bench.py [--sizes essay,small,medium,large] [--runs 5] [--seed 1]

Generates the benchmark books into build/bench/ (cached by size and seed) and
takes the sample essay (source/) as it is, then times, after one warm-up, whole
processes: recto EPUB, recto PDF (trade), recto
both; pandoc -> EPUB; Typst -> PDF (npm @myriaddreamin/typst-ts-node-compiler,
installed into build/bench/node when missing); xelatex and WeasyPrint -> PDF when
installed. Medians, min-max, peak RSS (/usr/bin/time -v, one extra run) and the
ratio of each median to recto-both's go to out/bench.md.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, ".."))
BENCH = os.path.join(ROOT, "build", "bench")
RECTO = os.path.join(ROOT, "build", "dev", "src", "cli", "recto")
NODE_PREFIX = os.path.join(BENCH, "node")
TYPST_PKG = "@myriaddreamin/typst-ts-node-compiler"
TYPST_MOD = os.path.join(NODE_PREFIX, "node_modules", "@myriaddreamin", "typst-ts-node-compiler")
FONT_DIR = "/usr/share/fonts"
EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar"  # Debian's /usr/bin/epubcheck is the jar itself

ESSAY = "essay"  # the sample manuscript, source/, with its references (pandoc resolves them with --citeproc)
SIZES = {  # name: (words, chapters); the essay's are counted
    ESSAY: None,
    "small": (4000, 1),
    "medium": (41000, 10),
    "large": (245000, 60),
}
SLOW = 5.0        # a run slower than this (in the warm-up) gets fewer runs
SLOW_RUNS = 3
# A run faster than this gets as many runs as fit in FAST_SECONDS, up to FAST_MOST: on two shared
# cores one disturbed run in five moves the median of a 30 ms run, not of a 3 s one.
FAST = 0.2
FAST_SECONDS = 1.0
FAST_MOST = 25
TIMEOUT = 900

TYPST_SCRIPT = r"""
// Compiles a Typst file to PDF with typst.ts (written by bench/bench.py).
const fs = require('fs');
const path = require('path');
const [, , mod, input, output, fonts] = process.argv;
const { NodeCompiler } = require(mod);
const compiler = NodeCompiler.create({ workspace: path.dirname(input), fontArgs: [{ fontPaths: [fonts] }] });
const res = compiler.compile({ mainFileContent: fs.readFileSync(input, 'utf8') });
const doc = res.result;
if (!doc) {
  let d = null;
  try { d = res.takeDiagnostics(); } catch (e) { d = String(e); }
  console.error('typst compile failed: ' + JSON.stringify(d && d.shortDiagnostics ? d.shortDiagnostics : d));
  process.exit(1);
}
fs.writeFileSync(output, compiler.pdf(doc));
"""


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


class Failure(Exception):
    pass


def run(cmd, cwd=None, env=None):
    """One whole-process run; returns its wall time in seconds."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, errors="replace", timeout=TIMEOUT)
    except FileNotFoundError as e:
        raise Failure("not found: %s" % e.filename)
    except subprocess.TimeoutExpired:
        raise Failure("timed out after %d s" % TIMEOUT)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise Failure("exit %d: %s" % (p.returncode, first_line(p.stderr) or first_line(p.stdout)))
    return dt


def peak_rss_mib(cmd, cwd=None, env=None):
    if not os.path.exists("/usr/bin/time"):
        return None
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, errors="replace", timeout=TIMEOUT)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1)) / 1024 if m else None


def measure(cmd, runs, cwd=None, prepare=None, env=None):
    """Warm-up, then `runs` timed runs (fewer for slow ones, more for fast ones), then one run for
    peak RSS."""
    if prepare:
        prepare()
    warm = run(cmd, cwd, env)
    n = runs if warm <= SLOW else min(runs, SLOW_RUNS)
    if warm < FAST:
        n = max(runs, min(FAST_MOST, int(FAST_SECONDS / max(warm, 0.001))))
    times = []
    for _ in range(n):
        if prepare:
            prepare()
        times.append(run(cmd, cwd, env))
    if prepare:
        prepare()
    rss = peak_rss_mib(cmd, cwd, env)
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "runs": n, "rss": rss}


# --- the books -------------------------------------------------------------------------------

def ensure_essay():
    """The sample essay's counts, like a generated book's; what the peers read that is derived from it
    (its references as pandoc 2.17 reads them, its Typst twin, LaTeX, HTML) goes to build/bench/essay."""
    sys.path.insert(0, HERE)
    import essay_typst
    import generate_book
    d = os.path.join(ROOT, "source")
    md = "wechat-is-watching.md"
    words = generate_book.essay_tokens(os.path.join(d, md))
    with open(os.path.join(d, md), encoding="utf-8") as f:
        notes = len(re.findall(r"\[-?@[^\]]*\]", f.read()))
    derived = os.path.join(BENCH, ESSAY)
    os.makedirs(derived, exist_ok=True)
    # TeX Live 2022's babel has no language for the essay's zh and zh-Latn-pinyin spans, and pandoc
    # 2.17 names none for zh: xelatex stops. Its LaTeX is derived without the spans' languages.
    no_lang = os.path.join(derived, "no-span-languages.lua")
    with open(no_lang, "w") as f:
        f.write("function Span(el) el.attributes.lang = nil; return el end\n")
    # pandoc 2.17 reads a CSL YAML file only as a document with a references field.
    references = os.path.join(derived, "references.yaml")
    with open(os.path.join(d, "references.yaml"), encoding="utf-8") as f, open(references, "w", encoding="utf-8") as out:
        out.write("references:\n" + f.read())
    pandoc_args = ["--citeproc", "--bibliography", references]
    with open(os.path.join(derived, "book.typ"), "w", encoding="utf-8") as f:
        f.write(essay_typst.essay_typst(d, [md], pandoc_args))
    return {"words": len(words), "distinct": generate_book.distinct_count(words), "chapters": 1, "notes": notes,
            "dir": d, "chapter_files": [md], "derived_dir": derived, "stamp": references,
            "pandoc_args": pandoc_args, "latex_args": ["--lua-filter", no_lang]}


def book_dir(name, seed):
    words, chapters = SIZES[name]
    return os.path.join(BENCH, "%s-%dw-%dc-seed%d" % (name, words, chapters, seed))


def ensure_book(name, seed):
    words, chapters = SIZES[name]
    d = book_dir(name, seed)
    stamp = os.path.join(d, "counts.json")
    gen = os.path.join(HERE, "generate_book.py")
    fresh = os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(gen)
    if not fresh:
        if os.path.exists(d):
            shutil.rmtree(d)
        out = subprocess.run([sys.executable, gen, d, "--words", str(words), "--chapters",
                              str(chapters), "--seed", str(seed), "--json"],
                             check=True, stdout=subprocess.PIPE, text=True).stdout
        with open(stamp, "w") as f:
            f.write(out)
    with open(stamp) as f:
        counts = json.load(f)
    counts["dir"] = counts["derived_dir"] = d
    counts["stamp"] = stamp
    counts["chapter_files"] = sorted(x for x in os.listdir(d) if re.match(r"\d+-chapter\.md$", x))
    return counts


def pandoc_derived(book, fmt, ext):
    """book.tex / book.html made by pandoc from the chapters (not timed)."""
    d = book["dir"]
    out = os.path.join(book["derived_dir"], "book." + ext)
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(book["stamp"]):
        subprocess.run(["pandoc", "-s", "-t", fmt, "--metadata-file", "book.yaml", "-o", out]
                       + book.get("pandoc_args", []) + (book.get("latex_args", []) if fmt == "latex" else [])
                       + book["chapter_files"], cwd=d, check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return out


# --- the tools -------------------------------------------------------------------------------

def ensure_typst():
    """Returns (command prefix, version) or raises Failure."""
    if not shutil.which("node"):
        raise Failure("not installed (node missing: apt-get install nodejs npm)")
    if not os.path.exists(os.path.join(TYPST_MOD, "package.json")):
        if not shutil.which("npm"):
            raise Failure("not installed (npm missing: apt-get install npm)")
        log("bench: installing %s into %s" % (TYPST_PKG, NODE_PREFIX))
        os.makedirs(NODE_PREFIX, exist_ok=True)
        p = subprocess.run(["npm", "install", "--prefix", NODE_PREFIX, "--no-audit", "--no-fund", TYPST_PKG],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            raise Failure("npm install %s failed: %s" % (TYPST_PKG, first_line(p.stdout)))
    script = os.path.join(BENCH, "typst-compile.js")
    with open(script, "w") as f:
        f.write(TYPST_SCRIPT)
    with open(os.path.join(TYPST_MOD, "package.json")) as f:
        version = json.load(f).get("version", "?")
    return ["node", script, TYPST_MOD], "typst.ts %s" % version


def version_of(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=30)
        return first_line(p.stdout)
    except Exception:
        return None


# recto keeps fontconfig's answers, the generated cover and the book's shaped words between runs
# (src/text/font_memo.hpp, src/cover/cover_memo.hpp, src/text/shape_memo.hpp), from the warm-up run
# on: a cache folder that cannot be made gives the first build of a book on a machine.
NO_MEMOS = dict(os.environ, XDG_CACHE_HOME="/dev/null/recto-bench-no-memos")


def tools_for(book, tmp, typst):
    """(name, peer?, command or Failure, cwd[, environment]) for one book."""
    d = book["dir"]
    recto_out = os.path.join(tmp, "recto")
    both = [RECTO, "build", d, "-o", recto_out, "--format", "epub,pdf", "--theme", "trade", "-q"]
    tools = [
        ("recto EPUB", False, [RECTO, "build", d, "-o", recto_out, "--format", "epub", "-q"], None),
        ("recto PDF (trade)", False, [RECTO, "build", d, "-o", recto_out, "--format", "pdf", "--theme", "trade", "-q"], None),
        ("recto EPUB + PDF", False, both, None),
        ("recto EPUB + PDF, no memos", False, both, None, NO_MEMOS),
    ]
    if shutil.which("pandoc"):
        tools.append(("pandoc → EPUB", True, ["pandoc", "--metadata-file", "book.yaml", "-o",
                                              os.path.join(tmp, "pandoc.epub")] + book.get("pandoc_args", [])
                      + book["chapter_files"], d))
    else:
        tools.append(("pandoc → EPUB", True, Failure("not installed (apt-get install pandoc)"), None))
    if isinstance(typst, Failure):
        tools.append(("Typst → PDF", True, typst, None))
    else:
        tools.append(("Typst → PDF", True, typst + [os.path.join(book["derived_dir"], "book.typ"),
                                                    os.path.join(tmp, "typst.pdf"), FONT_DIR], None))
    if shutil.which("xelatex"):
        try:
            tex = pandoc_derived(book, "latex", "tex")
            texdir = os.path.join(tmp, "xelatex")
            os.makedirs(texdir, exist_ok=True)
            tools.append(("xelatex → PDF", True, ["xelatex", "-interaction=nonstopmode", "-halt-on-error",
                                                  "-output-directory", texdir, tex], d))
        except subprocess.CalledProcessError as e:
            tools.append(("xelatex → PDF", True, Failure("pandoc -t latex failed: " + first_line(e.stderr.decode(errors="replace"))), None))
    else:
        tools.append(("xelatex → PDF", True, Failure("not installed (apt-get install texlive-xetex)"), None))
    if shutil.which("weasyprint"):
        try:
            html = pandoc_derived(book, "html", "html")
            tools.append(("WeasyPrint → PDF", True, ["weasyprint", html, os.path.join(tmp, "weasyprint.pdf")], d))
        except subprocess.CalledProcessError as e:
            tools.append(("WeasyPrint → PDF", True, Failure("pandoc -t html failed: " + first_line(e.stderr.decode(errors="replace"))), None))
    else:
        tools.append(("WeasyPrint → PDF", True, Failure("not installed (apt-get install weasyprint)"), None))
    return tools


def validate(recto_out):
    """What epubcheck and qpdf say of the EPUB and PDF that recto built, one line each."""
    found = []
    for f in sorted(os.listdir(recto_out)):
        path = os.path.join(recto_out, f)
        if f.endswith(".epub"):
            if not os.path.exists(EPUBCHECK_JAR) or not shutil.which("java"):
                found.append("%s: epubcheck not installed" % f)
                continue
            p = subprocess.run(["java", "-jar", EPUBCHECK_JAR, path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
            m = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", p.stdout)
            found.append("%s: epubcheck %s" % (f, "%s fatal / %s errors / %s warnings" % m.groups() if m
                                               else "exit %d: %s" % (p.returncode, first_line(p.stdout))))
        elif f.endswith(".pdf"):
            if not shutil.which("qpdf"):
                found.append("%s: qpdf not installed" % f)
                continue
            p = subprocess.run(["qpdf", "--check", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            clean = p.returncode == 0 and "No syntax or stream encoding errors" in p.stdout
            found.append("%s: qpdf --check %s" % (f, "clean" if clean else "exit %d: %s" % (p.returncode, first_line(p.stdout))))
    return found


# --- the report ------------------------------------------------------------------------------

def short(name):
    return name.split(" ")[0]


def _peer(name):
    return not name.startswith("recto")


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.2f" % x


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


LOAD_AT_START = None


def machine_line():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    end = loadavg()
    busy = ""
    try:
        if max(float(LOAD_AT_START), float(end)) > (os.cpu_count() or 1) + 0.5:
            busy = " (more than the cores: other work was running, so the times are inflated)"
    except (TypeError, ValueError):
        pass
    return "Machine: %d cores (nproc), %s, %s; 1-minute load average %s at the start, %s at the end%s; %s." % (
        os.cpu_count() or 0, cpu, platform.system() + " " + platform.release(), LOAD_AT_START, end, busy, now)


def report(results, versions, runs):
    lines = ["# recto benchmark", "",
             "Written by `make bench` (bench/bench.py). Whole-process wall time (`time.perf_counter` around "
             "`subprocess.run`), one warm-up then %d runs each (%d for runs over %g s; for runs under %g s, as "
             "many as fit in %g s, up to %d); peak RSS from one extra run under `/usr/bin/time -v`. Ratio: the "
             "tool's median over recto EPUB + PDF's median." % (runs, SLOW_RUNS, SLOW, FAST, FAST_SECONDS, FAST_MOST),
             "", machine_line(), "",
             "Versions: " + "; ".join("%s: %s" % kv for kv in versions.items()), ""]
    for size, book, rows, checks in results:
        lines += ["## %s: %d words, %d chapter%s, %d notes, %d distinct words" % (
            size, book["words"], book["chapters"], "" if book["chapters"] == 1 else "s", book["notes"], book["distinct"]), "",
            "| tool | median s | min–max s | runs | peak MiB | vs recto EPUB + PDF |",
            "|---|---:|---:|---:|---:|---|"]
        base = rows.get("recto EPUB + PDF")
        base_med = base["median"] if isinstance(base, dict) else None
        for name, r in rows.items():
            if isinstance(r, dict):
                rss = "%.0f" % r["rss"] if r["rss"] is not None else "?"
                if base_med:
                    ratio = r["median"] / base_med
                    rel = ("%s/recto %.2f×" % (short(name), ratio)) if _peer(name) else "%.2f×" % ratio
                else:
                    rel = "—"
                lines.append("| %s | %s | %s–%s | %d | %s | %s |" % (
                    name, fmt_s(r["median"]), fmt_s(r["min"]), fmt_s(r["max"]), r["runs"], rss, rel))
            else:
                lines.append("| %s | — | — | — | — | %s |" % (name, str(r).replace("|", "\\|")))
        lines += [""] + ["- " + c for c in checks] + [""]
    # Growth: does recto grow linearly?
    lines += ["## Growth of recto (EPUB + PDF)", "",
              "| size | words | median s | µs per word | peak MiB | KiB per 1k words |",
              "|---|---:|---:|---:|---:|---:|"]
    for size, book, rows, _checks in results:
        r = rows.get("recto EPUB + PDF")
        if isinstance(r, dict):
            per_word = r["median"] / book["words"] * 1e6
            rss = r["rss"]
            lines.append("| %s | %d | %s | %.1f | %s | %s |" % (
                size, book["words"], fmt_s(r["median"]), per_word,
                "%.0f" % rss if rss else "?", "%.0f" % (rss * 1024 / book["words"] * 1000) if rss else "?"))
        else:
            lines.append("| %s | %d | — | — | — | %s |" % (size, book["words"], r))
    lines.append("")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(SIZES),
                    help="comma-separated: %s (default: all)" % ",".join(SIZES))
    ap.add_argument("--runs", type=int, default=5, help="timed runs after the warm-up (default 5)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "out", "bench.md"))
    a = ap.parse_args(argv)
    sizes = [s.strip() for s in a.sizes.split(",") if s.strip()]
    for s in sizes:
        if s not in SIZES:
            ap.error("unknown size %r (choose from %s)" % (s, ", ".join(SIZES)))
    if not os.access(RECTO, os.X_OK):
        log("bench: %s is missing; run `make build` first" % RECTO)
        return 2
    global LOAD_AT_START
    LOAD_AT_START = loadavg()
    os.makedirs(BENCH, exist_ok=True)
    try:
        typst = ensure_typst()
        typst_cmd, typst_version = typst
    except Failure as e:
        typst_cmd, typst_version = e, None

    versions = {"recto": version_of([RECTO, "--version"]), "pandoc": version_of(["pandoc", "--version"])}
    if typst_version:
        versions["Typst"] = typst_version
    for tool, cmd in (("xelatex", ["xelatex", "--version"]), ("WeasyPrint", ["weasyprint", "--version"])):
        versions[tool] = version_of(cmd) if shutil.which(tool.lower()) else "not installed"
    versions["node"] = version_of(["node", "--version"]) if shutil.which("node") else "not installed"

    results = []
    for size in sizes:
        book = ensure_essay() if size == ESSAY else ensure_book(size, a.seed)
        log("bench: %s book: %d words, %d distinct words, %d chapters, %d notes (%s)" % (
            size, book["words"], book["distinct"], book["chapters"], book["notes"], book["dir"]))
        tmp = os.path.join(BENCH, "out-" + size)
        os.makedirs(tmp, exist_ok=True)
        rows = {}
        for name, _peer, cmd, cwd, *env in tools_for(book, tmp, typst_cmd):
            if isinstance(cmd, Failure):
                rows[name] = str(cmd)
                log("bench:   %-18s %s" % (name, cmd))
                continue
            try:
                r = measure(cmd, a.runs, cwd, env=env[0] if env else None)
                rows[name] = r
                log("bench:   %-18s median %s s (min %s, max %s, %d runs), peak %s MiB" % (
                    name, fmt_s(r["median"]), fmt_s(r["min"]), fmt_s(r["max"]), r["runs"],
                    "%.0f" % r["rss"] if r["rss"] else "?"))
            except Failure as e:
                rows[name] = "failed: %s" % e
                log("bench:   %-18s failed: %s" % (name, e))
        checks = validate(os.path.join(tmp, "recto"))
        for c in checks:
            log("bench:   " + c)
        results.append((size, book, rows, checks))

    text = report(results, versions, a.runs)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    log("bench: wrote %s" % os.path.relpath(a.out, os.getcwd()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
