#!/usr/bin/env python3
"""Vigil against the real tools: runs `vigil` and promtool/amtool on every file of every corpus
they can judge and prints agree/disagree per corpus. A disagreement must be listed, with its
reason, in conformance/allow-list.yaml; any other one makes the run fail (exit 1).

Verdicts: promtool `check rules` / `check config --syntax-only` and amtool `check-config` exit
0 for a valid file. Vigil's verdict for Alertmanager configs is `vigil routes show` (the config
as Alertmanager loads it), for everything else `vigil lint`: valid when it reports no error.
Corpora without a peer tool (dashboards, Logstash pipelines) are real-world files: there the
judge is "valid", since Vigil must report zero errors on files that work in production."""
import fnmatch
import glob
import json
import os
import shutil
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VIGIL = os.environ.get("VIGIL", os.path.join(ROOT, ".build", "debug", "vigil"))
PROMTOOL = shutil.which("promtool")
AMTOOL = shutil.which("amtool")


def files(*patterns):
    out = set()
    for p in patterns:
        out.update(f for f in glob.glob(os.path.join(ROOT, p), recursive=True) if os.path.isfile(f))
    return sorted(os.path.relpath(f, ROOT) for f in out)


def run(args):
    p = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout + p.stderr


def exit_valid(args):
    code, out = run(args)
    return code == 0, out


def vigil_lint(path):
    code, out = run([VIGIL, "lint", "--format", "json", path])
    if code == 2:
        return False, out
    try:
        report = json.loads(out[out.index("{"):])
    except ValueError:
        return False, out
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    return not errors, "\n".join(f'{d["line"]}:{d["column"]} {d["rule"]}: {d["message"]}' for d in errors)


def vigil_alertmanager(path):
    return exit_valid([VIGIL, "routes", "show", path])


def promtool(kind):
    args = ["check", "rules"] if kind == "rules" else ["check", "config", "--syntax-only"]
    return lambda path: exit_valid([PROMTOOL, *args, path])


def amtool(path):
    return exit_valid([AMTOOL, "check-config", path])


def expect_valid(path):
    return True, "real-world file"


def skip_marked(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read(64).startswith(b"# promtool-skip:")


# (corpus, files, judge name, judge, vigil verdict)
CORPORA = [
    ("alertmanager testdata", files(".corpus/alertmanager/testdata/*.yml"), "amtool", amtool, vigil_alertmanager),
    ("alertmanager fixtures", files("Tests/VigilAlertmanagerTests/Fixtures/check/**/*.yml"), "amtool", amtool, vigil_alertmanager),
    ("ceph alert rules", files(".corpus/ceph/**/*.yml", ".corpus/ceph/**/*.yaml"), "promtool", promtool("rules"), vigil_lint),
    ("promtool rule fixtures", files("Tests/VigilPrometheusTests/Fixtures/promtool/rules/**/*.y*ml"), "promtool", promtool("rules"), vigil_lint),
    ("promtool config fixtures", files("Tests/VigilPrometheusTests/Fixtures/promtool/config/**/*.y*ml"), "promtool", promtool("config"), vigil_lint),
    ("guide as written: rules", files("examples/guide-as-written/alert-rules.yaml"), "promtool", promtool("rules"), vigil_lint),
    ("rendered: prometheus.yml", files("examples/*/rendered/*/prometheus/prometheus.yml"), "promtool", promtool("config"), vigil_lint),
    ("rendered: rule files", files("examples/*/rendered/*/prometheus/rules/*.yml"), "promtool", promtool("rules"), vigil_lint),
    ("rendered: alertmanager.yml", files("examples/*/rendered/*/alertmanager/alertmanager.yml"), "amtool", amtool, vigil_alertmanager),
    ("ceph dashboards", files(".corpus/grafana/ceph/**/*.json"), "real-world", expect_valid, vigil_lint),
    ("logstash pipelines", files(".corpus/elastic/*.conf"), "real-world", expect_valid, vigil_lint),
]


def load_allow_list():
    path = os.path.join(ROOT, "conformance", "allow-list.yaml")
    with open(path) as f:
        entries = yaml.safe_load(f) or []
    for e in entries:
        missing = [k for k in ("file", "judge", "reason") if not e.get(k)]
        if missing:
            sys.exit(f"conformance: allow-list entry {e} lacks {', '.join(missing)}")
    return entries


def allowed(entries, path, judge):
    return next((e for e in entries if fnmatch.fnmatch(path, e["file"]) and e["judge"] == judge), None)


def main():
    if not os.access(VIGIL, os.X_OK):
        sys.exit(f"conformance: {VIGIL} not built (swift build --product vigil, or set VIGIL=)")
    entries = load_allow_list()
    used = set()
    new = []
    rows = []
    for name, paths, judge_name, judge, vigil in CORPORA:
        if judge_name == "promtool" and not PROMTOOL or judge_name == "amtool" and not AMTOOL:
            rows.append((name, len(paths), judge_name, "-", "-", "-", f"skipped: {judge_name} not installed"))
            continue
        if not paths:
            rows.append((name, 0, judge_name, "-", "-", "-", "skipped: corpus not fetched (make corpus)"))
            continue
        agree = disagree_allowed = disagree_new = skipped = 0
        for path in paths:
            if judge_name == "promtool" and skip_marked(path):
                skipped += 1
                continue
            tool_ok, tool_out = judge(path)
            vigil_ok, vigil_out = vigil(path)
            if tool_ok == vigil_ok:
                agree += 1
                continue
            entry = allowed(entries, path, judge_name)
            if entry:
                used.add(id(entry))
                disagree_allowed += 1
                continue
            disagree_new += 1
            new.append((path, judge_name, tool_ok, tool_out, vigil_ok, vigil_out))
        note = f"{skipped} marked promtool-skip" if skipped else ""
        rows.append((name, len(paths), judge_name, agree, disagree_allowed, disagree_new, note))

    header = ("corpus", "files", "judge", "agree", "allowed", "disagree", "")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(c).ljust(w) if i in (0, 2, 6) else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
    for e in entries:
        if id(e) not in used:
            print(f"note: allow-list entry no longer needed (or its corpus was skipped): {e['file']} ({e['judge']})")
    for path, judge_name, tool_ok, tool_out, vigil_ok, vigil_out in new:
        print(f"\nDISAGREE {path}: {judge_name} says {'valid' if tool_ok else 'invalid'}, vigil says {'valid' if vigil_ok else 'invalid'}")
        for label, out in ((judge_name, tool_out), ("vigil", vigil_out)):
            for line in [l for l in out.strip().splitlines() if l.strip()][:6]:
                print(f"  {label}: {line[:200]}")
    if new:
        print(f"\nconformance: {len(new)} disagreement(s) not in conformance/allow-list.yaml", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
