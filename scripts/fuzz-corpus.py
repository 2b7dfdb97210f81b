#!/usr/bin/env python3
"""Builds the fuzzers' seed corpora in Fuzz/corpus/<target>/ from the test fixtures, the examples
and (when fetched) .corpus/: whole files for the file-level targets; PromQL expressions,
Alertmanager matchers and alert templates pulled out of rule and Alertmanager files for the
parser targets. Each seed is named by its SHA-1, as libFuzzer names its own finds."""
import glob
import hashlib
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "corpus")
MAX_SEED = 256 * 1024  # libFuzzer's -max_len in scripts/fuzz.sh is larger; bigger files only slow it down


def files(*patterns):
    found = set()
    for p in patterns:
        found.update(f for f in glob.glob(os.path.join(ROOT, p), recursive=True) if os.path.isfile(f))
    return sorted(found)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def documents(path):
    try:
        return [d for d in yaml.safe_load_all(read(path)) if d is not None]
    except Exception:
        return []


def walk(node):
    yield node
    if isinstance(node, dict):
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


def strings_under(paths, keys):
    """String values (or items of string lists) of the given keys anywhere in the YAML files."""
    for path in paths:
        for doc in documents(path):
            for node in walk(doc):
                if not isinstance(node, dict):
                    continue
                for k in keys:
                    v = node.get(k)
                    if isinstance(v, str):
                        yield v
                    elif isinstance(v, list):
                        yield from (x for x in v if isinstance(x, str))
                    elif isinstance(v, dict) and k in ("annotations", "labels"):
                        yield from (x for x in v.values() if isinstance(x, str))


def write(target, seeds):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    n = 0
    for s in seeds:
        data = s if isinstance(s, bytes) else s.encode("utf-8")
        if not data or len(data) > MAX_SEED:
            continue
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        n += 1
    return n


YAML = ("**/*.yaml", "**/*.yml", "**/*.json")
fixtures = lambda module, *sub: [f"Tests/{module}/Fixtures/{s}" for s in sub]
prometheus_configs = files(*fixtures("VigilPrometheusTests", "promtool/config/**/*.y*ml"),
                           "examples/**/prometheus*.y*ml", ".corpus/prometheus/**/*.y*ml")
rule_files = files(*fixtures("VigilPrometheusTests", "promtool/rules/**/*.y*ml", "guide/*.y*ml"),
                   "examples/**/alert-rules.yaml", "examples/**/rules/*.y*ml", ".corpus/ceph/**/*.y*ml")
alertmanager = files(*fixtures("VigilAlertmanagerTests", "**/*.y*ml"), "examples/**/alertmanager*.y*ml",
                     ".corpus/alertmanager/testdata/*.yml")
kubernetes = files(*fixtures("VigilKubernetesTests", "**/*.y*ml"), *fixtures("VigilElasticTests", "**/*.y*ml"),
                   "examples/**/kubernetes/*.yaml", "examples/guide-as-written/health-checks.yaml",
                   "examples/guide-as-written/elasticsearch.yaml")
dashboards = files("examples/**/*dashboard*.json", "examples/**/dashboards/*.json", ".corpus/grafana/**/*.json")
stacks = files("examples/**/vigil.yaml", "examples/**/metrics.yaml", "templates/presets/*.yaml", "templates/catalogues/*.yaml")
pipelines = files("Tests/**/*.conf", "examples/**/*.conf", ".corpus/elastic/*.conf")
every_yaml = files(*(f"Tests/**/{p}" for p in YAML), *(f"examples/**/{p}" for p in YAML), "templates/**/*.yaml")

expressions = set(strings_under(rule_files + alertmanager, ["expr"]))
expressions |= set(strings_under(stacks, ["expr", "query"]))
templates = {s for s in strings_under(rule_files, ["annotations", "labels"]) if "{{" in s}
matchers = set(strings_under(alertmanager, ["matchers", "source_matchers", "target_matchers"]))

counts = {
    "fuzz-yaml": write("fuzz-yaml", map(read, every_yaml)),
    "fuzz-prometheus-config": write("fuzz-prometheus-config", map(read, prometheus_configs)),
    "fuzz-rule-file": write("fuzz-rule-file", map(read, rule_files)),
    "fuzz-alertmanager-config": write("fuzz-alertmanager-config", map(read, alertmanager)),
    "fuzz-kubernetes": write("fuzz-kubernetes", map(read, kubernetes)),
    "fuzz-dashboard": write("fuzz-dashboard", map(read, dashboards)),
    "fuzz-stack": write("fuzz-stack", map(read, stacks)),
    "fuzz-promql": write("fuzz-promql", sorted(expressions)),
    "fuzz-matchers": write("fuzz-matchers", sorted(matchers) + ["{" + ", ".join(sorted(matchers)[:5]) + "}"]),
    "fuzz-go-template": write("fuzz-go-template", sorted(templates)),
    "fuzz-logstash": write("fuzz-logstash", map(read, pipelines)),
}
for target, n in counts.items():
    print(f"{target:26} {n:5} seeds")
    if n == 0:
        sys.exit(f"no seeds for {target}: the fixture paths in {__file__} are out of date")
