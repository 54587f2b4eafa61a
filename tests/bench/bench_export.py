"""Benchmark (not a test): course-export build time and peak memory, next to plain ``tar czf``.

Run with ``make bench`` (or ``.venv/bin/python tests/bench/bench_export.py [--runs N]``).

What is measured, in one run on this machine:
- build: ``course_export.build.build()`` in this process (source read and checked, Markdown rendered,
  Word templates generated — their cache is cleared before every run —, OLX written to a temporary
  folder, packed, moved into place); the median of N runs after one warm-up. Interpreter start-up and
  imports are not included.
- tar czf: ``tar czf`` (GNU tar + gzip -6) of the SAME output folder (the built archive extracted), run as
  a process, median of N runs — the cost of just packing the files we produce.
- peak memory: the peak resident set size of a child process that imports the package and builds the
  tenfold source once (interpreter and libraries included), and the peak of Python allocations during one
  build (tracemalloc) in this process. The child's peak is ``VmHWM`` of its own ``/proc/self/status``, not
  ``ru_maxrss``: Python starts the child with vfork + exec, and Linux then starts the child's ``ru_maxrss``
  at the PARENT's high-water mark (this benchmark's own, after its tracemalloc'd builds), which made the
  child look ~160 MB bigger than it was. ``ru_maxrss`` stays the fallback where there is no /proc.
Sources: the shipped default course (no media file: its films and podcasts have no media yet) and a generated
source ten times larger (its modules replicated with new ids and copied files, in a temporary folder).
Budget (issue 3): build <= 3x tar time, growth linear (tenfold time / default time about 10 or less),
peak < 200 MB for the tenfold source.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from course_export import build as pipeline  # noqa: E402
from course_export import component_readers  # noqa: E402

from course_export.course_reader import COMPONENT_KINDS as KIND_KEYS  # noqa: E402


def make_tenfold(target, copies=10):
    """Copy the default course and replicate its modules ``copies`` times with new ids and files."""
    shutil.copytree(pipeline.DEFAULT_SOURCE, target)
    course = yaml.safe_load((target / "course.yaml").read_text(encoding="utf-8"))
    modules = []
    for k in range(copies):
        for module in course["modules"]:
            new_module = dict(module, id=f"{module['id']}_k{k}", title=f"{module['title']} ({k + 1})", lessons=[])
            for lesson in module["lessons"]:
                new_lesson = dict(lesson, id=f"{lesson['id']}_k{k}", components=[])
                for component in lesson["components"]:
                    kind = next(key for key in component if key in KIND_KEYS)
                    src = Path(component[kind])
                    copy = src.with_name(f"{src.stem}_k{k}{src.suffix}")
                    text = (target / src).read_bytes()
                    if src.suffix == ".md":      # links between articles point to the same replica
                        text = re.sub(rb"\(((?:[\w.-]+/)*[\w-]+)\.md(#[\w-]*)?\)", rb"(\1_k%d.md\2)" % k, text)
                        text = re.sub(rb"/jump_to_id/([\w-]+)", rb"/jump_to_id/\1_k%d" % k, text)
                    (target / copy).write_bytes(text)
                    comp_id = component.get("id", src.stem)
                    new_lesson["components"].append({kind: copy.as_posix(), "id": f"{comp_id}_k{k}"})
                new_module["lessons"].append(new_lesson)
            modules.append(new_module)
    course["modules"] = modules
    (target / "course.yaml").write_text(yaml.safe_dump(course, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    return target, None


class TemplateTimer:
    """Accumulates the time spent in recruitment_core.documents.blank_template_docx (not our code)."""

    def __init__(self):
        import recruitment_core.documents as documents
        self.documents = documents
        self.original = documents.blank_template_docx
        self.seconds = 0.0
        documents.blank_template_docx = self

    def __call__(self, kind, lang="sv"):
        start = time.perf_counter()
        try:
            return self.original(kind, lang)
        finally:
            self.seconds += time.perf_counter() - start


def time_build(source, media, out, runs):
    times, template_times, cpu_times = [], [], []
    timer = TemplateTimer()
    for index in range(runs + 1):
        component_readers._blank_template.cache_clear()
        timer.seconds = 0.0
        start, cpu_start = time.perf_counter(), time.process_time()
        result = pipeline.build(source, out, media_file=media)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        if not result.ok:
            raise SystemExit("\n".join(e.render("en") for e in result.errors))
        if index:                      # first run is the warm-up
            times.append(elapsed)
            template_times.append(timer.seconds)
            cpu_times.append(cpu)
    return statistics.median(times), statistics.median(template_times), statistics.median(cpu_times), result


def time_tar(archive, work, runs):
    folder = work / "extracted"
    shutil.rmtree(folder, ignore_errors=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    times, cpu_times = [], []
    for index in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(["tar", "czf", str(work / "plain.tgz"), "-C", str(folder), "course"], check=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:
            times.append(elapsed)
            cpu_times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return statistics.median(times), statistics.median(cpu_times), files, size


def child_peak_rss_mb(source, media, out):
    # VmHWM (KiB) is the high-water mark of the child's own address space; ru_maxrss would include the
    # parent's peak (see the module docstring).
    code = ("import re, resource, sys; sys.path.insert(0, %r)\n"
            "from course_export import build as b\n"
            "r = b.build(%r, %r, media_file=%r)\n"
            "assert r.ok\n"
            "try:\n"
            "    status = open('/proc/self/status').read()\n"
            "    print(re.search(r'^VmHWM:\\s*(\\d+) kB', status, re.M).group(1))\n"
            "except (OSError, AttributeError):\n"
            "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n") % (str(ROOT), str(source), str(out),
                                                                                media and str(media))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(proc.stdout.strip().splitlines()[-1]) / 1024          # KiB on Linux -> MiB


def traced_peak_mb(source, media, out):
    component_readers._blank_template.cache_clear()
    tracemalloc.start()
    pipeline.build(source, out, media_file=media)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        sources = {"default": (pipeline.DEFAULT_SOURCE, None), "tenfold": make_tenfold(work / "tenfold")}
        rows = {}
        for name, (source, media) in sources.items():
            out = work / f"{name}.tar.gz"
            build_s, templates_s, build_cpu, result = time_build(source, media, out, args.runs)
            tar_s, tar_cpu, files, size = time_tar(out, work, args.runs)
            units = sum(1 for _ in result.course.units())
            rows[name] = dict(units=units, files=files, size=size, build=build_s, tar=tar_s, docx=templates_s,
                              build_cpu=build_cpu, tar_cpu=tar_cpu,
                              archive=out.stat().st_size, traced=traced_peak_mb(source, media, out),
                              rss=child_peak_rss_mb(source, media, work / f"{name}-child.tar.gz"))
    print(f"{'source':<8} {'units':>5} {'files':>5} {'OLX KiB':>8} {'tar.gz KiB':>10} {'build ms':>9} "
          f"{'of it docx':>10} {'tar czf ms':>10} {'ratio':>6} {'w/o docx':>8} {'py peak MB':>10} {'RSS MB':>7}")
    for name, r in rows.items():
        own = r["build"] - r["docx"]
        print(f"{name:<8} {r['units']:>5} {r['files']:>5} {r['size'] / 1024:>8.0f} {r['archive'] / 1024:>10.1f} "
              f"{r['build'] * 1000:>9.1f} {r['docx'] * 1000:>10.1f} {r['tar'] * 1000:>10.1f} "
              f"{r['build'] / r['tar']:>6.2f} {own / r['tar']:>8.2f} {r['traced']:>10.1f} {r['rss']:>7.1f}")
    for name, r in rows.items():
        print(f"{name:<8} CPU time (user+sys; tar: tar and gzip together): build {r['build_cpu'] * 1000:.1f} ms, "
              f"tar czf {r['tar_cpu'] * 1000:.1f} ms, ratio {r['build_cpu'] / r['tar_cpu']:.2f}")
    print(f"load average (1, 5, 15 min) at start {' '.join(f'{v:.1f}' for v in load_before)}, at end "
          f"{' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs: wall times of a loaded "
          f"machine vary by 2x or more between runs; the CPU times vary less")
    growth = rows["tenfold"]["build"] / rows["default"]["build"]
    own_growth = ((rows["tenfold"]["build"] - rows["tenfold"]["docx"])
                  / (rows["default"]["build"] - rows["default"]["docx"]))
    ratio_ok = all(r["build"] <= 3 * r["tar"] for r in rows.values())
    print(f"growth tenfold/default: {growth:.1f}x in total, {own_growth:.1f}x without the Word templates "
          f"(linear = 10x or less)")
    print(f"budget: <= 3x tar {'met' if ratio_ok else 'NOT met'}; linear {'met' if own_growth <= 11 else 'NOT met'}; "
          f"peak < 200 MB {'met' if rows['tenfold']['rss'] < 200 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
