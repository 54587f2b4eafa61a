"""The competency framework: bilingual data, strict schema check, lookup and localized views.

The default framework lives in ``recruitment_core/data/framework.yaml``. A framework document is YAML (or
JSON, which the same loader reads) with this shape::

    id: ascii_snake_case                  # ^[a-z][a-z0-9_]{1,40}$
    version: "1.0"                        # a string (quote it in YAML)
    title: {sv: ..., en: ...}
    source: "..."                         # optional note on origin and licence
    clusters:                             # 3-5 of them
      - id: working_with_others
        name: {sv: ..., en: ...}
        description: {sv: ..., en: ...}
    competencies:                         # 8-20 of them, each in a known cluster
      - id: collaboration
        cluster: working_with_others
        name: {sv: ..., en: ...}
        definition: {sv: ..., en: ...}
        indicators: {sv: [3-5 items], en: [the same number]}
        levels: {1: {sv: ..., en: ...}, 2: ..., 3: ..., 4: ..., 5: ...}
        ad: {1: {sv: "Du …", en: "You …"}, ..., 5: ...}     # optional: ad-ready wording per level
        methods: [interview, work_sample, reference, test]   # one or more, no repeats

``levels`` describe how well the behaviour is shown (independence, quality, complexity), not a job title.
``ad`` holds one sentence per level addressed to the reader, for the job ad drafted from a kravprofil
(``profile.draft_ad``); a framework without it gets a bracketed hint in the draft instead.

Every problem found is reported, not just the first, as ``"<source>: <field path>: <problem>"``.
Documents with anchors, aliases or explicit tags are refused (no alias bombs, no exotic types), and so
are inputs over ``MAX_INPUT_BYTES``.
"""
import copy
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from recruitment_core.lang import LANGUAGES, normalize_lang

MAX_INPUT_BYTES = 200_000
MAX_NESTING = 12
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
METHODS = ("interview", "work_sample", "reference", "test")
METHOD_LABELS = {
    "interview": {"sv": "Intervju", "en": "Interview"},
    "work_sample": {"sv": "Arbetsprov", "en": "Work sample"},
    "reference": {"sv": "Referenstagning", "en": "Reference check"},
    "test": {"sv": "Test", "en": "Test"},
}
LEVELS = (1, 2, 3, 4, 5)
CLUSTER_COUNT = (3, 5)
COMPETENCY_COUNT = (8, 20)
INDICATOR_COUNT = (3, 5)
# Longest accepted text per kind of field, in characters.
MAX_LEN = {"title": 120, "name": 80, "description": 500, "definition": 500, "indicator": 300,
           "level": 400, "source": 1000, "version": 20}

_TOP_KEYS = {"id": True, "version": True, "title": True, "source": False, "clusters": True, "competencies": True}
_CLUSTER_KEYS = ("id", "name", "description")
_COMPETENCY_KEYS = ("id", "cluster", "name", "definition", "indicators", "levels", "methods")
_OPTIONAL_COMPETENCY_KEYS = ("ad",)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrameworkError(ValueError):
    """A framework document that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Cluster:
    id: str
    name: dict
    description: dict


@dataclass(frozen=True)
class Competency:
    id: str
    cluster: str
    name: dict
    definition: dict
    indicators: dict      # {"sv": [str, ...], "en": [str, ...]}
    levels: dict          # {1: {"sv": str, "en": str}, ..., 5: {...}}
    methods: list
    ad: dict = None       # {1: {"sv": "Du …", "en": "You …"}, ..., 5: {...}} or None


@dataclass(frozen=True)
class Framework:
    """A validated framework. Treat it as read-only: views are cached."""

    id: str
    version: str
    title: dict
    clusters: list
    competencies: list
    source: str = ""
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def get(self, comp_id):
        """The competency with this id, or None."""
        index = self._cache.get("index")
        if index is None:
            index = self._cache["index"] = {comp.id: comp for comp in self.competencies}
        return index.get(comp_id) if isinstance(comp_id, str) else None

    def cluster(self, cluster_id):
        """The cluster with this id, or None."""
        return next((cl for cl in self.clusters if cl.id == cluster_id), None)

    def localized_json(self, lang):
        """``localized(lang)`` as a compact JSON string (cached per language)."""
        lang = normalize_lang(lang)
        key = ("json", lang)
        if key not in self._cache:
            self._cache[key] = json.dumps(self._build_localized(lang), ensure_ascii=False,
                                          separators=(",", ":"))
        return self._cache[key]

    def localized(self, lang):
        """JSON-ready view in one language, competencies grouped under their cluster.

        Built once per language; each call returns a fresh copy, so callers may modify it.
        """
        lang = normalize_lang(lang)
        key = ("dict", lang)
        if key not in self._cache:
            self._cache[key] = self._build_localized(lang)
        return copy.deepcopy(self._cache[key])

    def _build_localized(self, lang):
        clusters = []
        for cl in self.clusters:
            comps = [{
                "id": comp.id,
                "name": comp.name[lang],
                "definition": comp.definition[lang],
                "indicators": list(comp.indicators[lang]),
                "levels": {str(level): comp.levels[level][lang] for level in LEVELS},
                "methods": list(comp.methods),
            } for comp in self.competencies if comp.cluster == cl.id]
            clusters.append({"id": cl.id, "name": cl.name[lang], "description": cl.description[lang],
                             "competencies": comps})
        return {
            "id": self.id,
            "version": self.version,
            "lang": lang,
            "title": self.title[lang],
            "method_labels": {method: METHOD_LABELS[method][lang] for method in METHODS},
            "clusters": clusters,
        }

    def to_dict(self):
        """Plain data in the document shape (level keys are ints), fresh objects on every call."""
        data = {"id": self.id, "version": self.version, "title": dict(self.title)}
        if self.source:
            data["source"] = self.source
        data["clusters"] = [{"id": cl.id, "name": dict(cl.name), "description": dict(cl.description)}
                            for cl in self.clusters]
        data["competencies"] = [{
            "id": comp.id,
            "cluster": comp.cluster,
            "name": dict(comp.name),
            "definition": dict(comp.definition),
            "indicators": {lang: list(comp.indicators[lang]) for lang in LANGUAGES},
            "levels": {level: dict(comp.levels[level]) for level in LEVELS},
            **({"ad": {level: dict(comp.ad[level]) for level in LEVELS}} if comp.ad else {}),
            "methods": list(comp.methods),
        } for comp in self.competencies]
        return data

    def to_yaml(self):
        """YAML text that ``parse_framework`` reads back to an equal Framework."""
        return yaml.dump(self.to_dict(), Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False,
                         width=100, default_flow_style=False)


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


# ---------------------------------------------------------------- loading

def load_default_framework():
    """The framework shipped with the package (parsed once, then cached)."""
    return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default():
    text = resources.files("recruitment_core").joinpath("data", "framework.yaml").read_text("utf-8")
    return parse_framework(text, "framework.yaml")


def parse_framework(text, source="<input>"):
    """Parse and validate a YAML or JSON framework document; raise FrameworkError listing every problem."""
    source = str(source)
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FrameworkError([f"{source}: (document): not UTF-8 text (byte {exc.start})"]) from None
    if not isinstance(text, str):
        raise FrameworkError([f"{source}: (document): expected text, got {_type_name(text)}"])
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_INPUT_BYTES:
        raise FrameworkError([f"{source}: (document): too large ({size} bytes, at most {MAX_INPUT_BYTES})"])
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise FrameworkError([f"{source}: (document): empty"])

    problems = _scan_events(text)
    if problems:
        raise FrameworkError([f"{source}: {where}: {problem}" for where, problem in problems])
    try:
        data = yaml.load(text, Loader=_Loader)  # safe loader (CSafeLoader when libyaml is present)
    except yaml.YAMLError as exc:
        raise FrameworkError([f"{source}: {_yaml_error(exc, text)}"]) from None
    except (RecursionError, MemoryError):
        raise FrameworkError([f"{source}: (document): nested too deeply"]) from None

    errors = []
    framework = _check_framework(data, _Errors(source, errors))
    if errors:
        raise FrameworkError(errors)
    return framework


def _scan_events(text):
    """Walk the YAML event stream (no objects built) and report what the safe subset refuses."""
    problems = []
    depth = 0
    # One frame per open collection: [is_mapping, next_is_key, seen_keys].
    stack = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = f"line {event.start_mark.line + 1}" if event.start_mark else "(document)"
            if isinstance(event, yaml.AliasEvent):
                problems.append((line, "aliases (*name) are not allowed"))
                continue
            if isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    problems.append((line, "anchors (&name) are not allowed"))
                tag = getattr(event, "tag", None)
                if tag is not None:  # the parser leaves tag None unless the document writes one
                    problems.append((line, f"explicit tags ({str(tag)[:40]}) are not allowed"))
                if stack and stack[-1][0]:
                    frame = stack[-1]
                    if frame[1] and isinstance(event, yaml.ScalarEvent):
                        if event.value in frame[2]:
                            problems.append((line, f"duplicate key {event.value[:40]!r}"))
                        frame[2].add(event.value)
                    frame[1] = not frame[1]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    problems.append((line, f"nested more than {MAX_NESTING} levels deep"))
                    break
                stack.append([isinstance(event, yaml.MappingStartEvent), True, set()])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                stack.pop()
            if len(problems) >= 50:
                break
    except yaml.YAMLError as exc:
        problems.append(tuple(_yaml_error(exc, text).split(": ", 1)))
    return problems


def _yaml_error(exc, text):
    """'line N: problem' for a YAML parse error (scanner/parser marks or the reader's position)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "invalid YAML"
    problem = " ".join(str(problem).split())[:200]
    if mark is not None:
        return f"line {mark.line + 1}: invalid YAML or JSON: {problem}"
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        return f"line {text.count(chr(10), 0, position) + 1}: invalid YAML or JSON: {problem}"
    return f"(document): invalid YAML or JSON: {problem}"


# ---------------------------------------------------------------- schema check

class _Errors:
    """Collects errors as "<source>: <path>: <problem>"."""

    def __init__(self, source, errors):
        self.source = source
        self.errors = errors

    def add(self, path, problem):
        self.errors.append(f"{self.source}: {path or '(document)'}: {problem}")


def _type_name(value):
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", type(None): "nothing (null)"}.get(type(value), type(value).__name__)


def _check_keys(data, path, expected, err):
    """Report missing and unknown keys; ``expected`` maps key -> required."""
    for key in expected:
        if expected[key] and key not in data:
            err.add(_join(path, key), "missing")
    for key in data:
        if key not in expected:
            err.add(_join(path, str(key)[:40]), "unknown field")


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


def _check_text(value, path, max_len, err):
    if value is None:
        err.add(path, "missing")
        return False
    if not isinstance(value, str):
        err.add(path, f"expected text, got {_type_name(value)}")
        return False
    if not value.strip():
        err.add(path, "empty")
        return False
    if len(value) > max_len:
        err.add(path, f"too long ({len(value)} characters, at most {max_len})")
        return False
    if _CONTROL_CHARS.search(value):
        err.add(path, "contains control characters")
        return False
    return True


def _check_bilingual(value, path, max_len, err):
    """A mapping with exactly the keys sv and en, both non-empty text."""
    if value is None:
        err.add(path, "missing")
        return None
    if not isinstance(value, dict):
        err.add(path, f"expected a mapping with sv and en, got {_type_name(value)}")
        return None
    ok = True
    for lang in LANGUAGES:
        if lang not in value:
            err.add(_join(path, lang), "missing")
            ok = False
        elif not _check_text(value[lang], _join(path, lang), max_len, err):
            ok = False
    for key in value:
        if key not in LANGUAGES:
            err.add(_join(path, str(key)[:40]), "unknown language (use sv and en)")
            ok = False
    return {lang: value[lang] for lang in LANGUAGES} if ok else None


def _check_id(value, path, err):
    if not isinstance(value, str):
        err.add(path, "missing" if value is None else f"expected text, got {_type_name(value)}")
        return None
    if not ID_PATTERN.match(value):
        err.add(path, f"{value[:50]!r} is not a valid id (lower-case ascii letters, digits and _, "
                      "starting with a letter, 2-41 characters)")
        return None
    return value


def _check_list(value, path, err):
    if value is None:
        err.add(path, "missing")
        return None
    if not isinstance(value, list):
        err.add(path, f"expected a list, got {_type_name(value)}")
        return None
    return value


def _check_framework(data, err):
    if not isinstance(data, dict):
        err.add("", f"expected a mapping at the top level, got {_type_name(data)}")
        return None
    _check_keys(data, "", _TOP_KEYS, err)
    fw_id = _check_id(data.get("id"), "id", err) if "id" in data else None
    version = data.get("version")
    if "version" in data:
        if isinstance(version, (int, float)) and not isinstance(version, bool):
            err.add("version", f"expected text, got a number (write it in quotes: \"{version}\")")
            version = None
        elif not _check_text(version, "version", MAX_LEN["version"], err):
            version = None
    title = _check_bilingual(data.get("title"), "title", MAX_LEN["title"], err) if "title" in data else None
    source = data.get("source", "")
    if "source" in data and not _check_text(source, "source", MAX_LEN["source"], err):
        source = ""

    clusters = []
    known_clusters = set()
    raw_clusters = _check_list(data.get("clusters"), "clusters", err) if "clusters" in data else None
    if raw_clusters is not None:
        lo, hi = CLUSTER_COUNT
        if not lo <= len(raw_clusters) <= hi:
            err.add("clusters", f"{len(raw_clusters)} clusters, expected {lo} to {hi}")
        for i, raw in enumerate(raw_clusters):
            cluster = _check_cluster(raw, f"clusters[{i}]", known_clusters, err)
            if cluster is not None:
                clusters.append(cluster)
    # Ids of clusters that have a valid id (even if another of their fields is broken).
    cluster_check = known_clusters if raw_clusters is not None else None

    competencies = []
    raw_comps = _check_list(data.get("competencies"), "competencies", err) if "competencies" in data else None
    if raw_comps is not None:
        lo, hi = COMPETENCY_COUNT
        if not lo <= len(raw_comps) <= hi:
            err.add("competencies", f"{len(raw_comps)} competencies, expected {lo} to {hi}")
        seen = set()
        for i, raw in enumerate(raw_comps):
            comp = _check_competency(raw, f"competencies[{i}]", seen, cluster_check, err)
            if comp is not None:
                competencies.append(comp)
        if clusters and len(clusters) == len(raw_clusters) and len(competencies) == len(raw_comps):
            used = {comp.cluster for comp in competencies}
            for i, cl in enumerate(clusters):
                if cl.id not in used:
                    err.add(f"clusters[{i}]", f"cluster {cl.id!r} has no competencies")

    if err.errors:
        return None
    return Framework(id=fw_id, version=version, title=title, clusters=clusters, competencies=competencies,
                     source=source)


def _check_cluster(raw, path, seen, err):
    if not isinstance(raw, dict):
        err.add(path, f"expected a mapping, got {_type_name(raw)}")
        return None
    before = len(err.errors)
    _check_keys(raw, path, dict.fromkeys(_CLUSTER_KEYS, True), err)
    cl_id = _check_id(raw.get("id"), _join(path, "id"), err) if "id" in raw else None
    if cl_id is not None:
        if cl_id in seen:
            err.add(_join(path, "id"), f"duplicate id {cl_id!r}")
        seen.add(cl_id)
    name = _check_bilingual(raw.get("name"), _join(path, "name"), MAX_LEN["name"], err) if "name" in raw else None
    description = (_check_bilingual(raw.get("description"), _join(path, "description"), MAX_LEN["description"],
                                    err) if "description" in raw else None)
    if len(err.errors) > before:
        return None
    return Cluster(id=cl_id, name=name, description=description)


def _check_competency(raw, path, seen, known_clusters, err):
    if not isinstance(raw, dict):
        err.add(path, f"expected a mapping, got {_type_name(raw)}")
        return None
    before = len(err.errors)
    _check_keys(raw, path, {**dict.fromkeys(_COMPETENCY_KEYS, True),
                            **dict.fromkeys(_OPTIONAL_COMPETENCY_KEYS, False)}, err)
    comp_id = _check_id(raw.get("id"), _join(path, "id"), err) if "id" in raw else None
    if comp_id is not None:
        if comp_id in seen:
            err.add(_join(path, "id"), f"duplicate id {comp_id!r}")
        seen.add(comp_id)
    cluster = None
    if "cluster" in raw:
        cluster = _check_id(raw.get("cluster"), _join(path, "cluster"), err)
        if cluster is not None and known_clusters is not None and cluster not in known_clusters:
            err.add(_join(path, "cluster"), f"unknown cluster {cluster!r}")
    name = _check_bilingual(raw.get("name"), _join(path, "name"), MAX_LEN["name"], err) if "name" in raw else None
    definition = (_check_bilingual(raw.get("definition"), _join(path, "definition"), MAX_LEN["definition"], err)
                  if "definition" in raw else None)
    indicators = _check_indicators(raw.get("indicators"), _join(path, "indicators"), err) \
        if "indicators" in raw else None
    levels = _check_levels(raw.get("levels"), _join(path, "levels"), err) if "levels" in raw else None
    methods = _check_methods(raw.get("methods"), _join(path, "methods"), err) if "methods" in raw else None
    ad = _check_levels(raw.get("ad"), _join(path, "ad"), err) if "ad" in raw else None
    if len(err.errors) > before:
        return None
    return Competency(id=comp_id, cluster=cluster, name=name, definition=definition, indicators=indicators,
                      levels=levels, methods=methods, ad=ad)


def _check_indicators(value, path, err):
    if not isinstance(value, dict):
        err.add(path, "missing" if value is None else
                f"expected a mapping with sv and en lists, got {_type_name(value)}")
        return None
    result = {}
    for key in value:
        if key not in LANGUAGES:
            err.add(_join(path, str(key)[:40]), "unknown language (use sv and en)")
    lo, hi = INDICATOR_COUNT
    for lang in LANGUAGES:
        items = _check_list(value.get(lang), _join(path, lang), err)
        if items is None:
            continue
        if not lo <= len(items) <= hi:
            err.add(_join(path, lang), f"{len(items)} indicators, expected {lo} to {hi}")
        if all([_check_text(item, f"{_join(path, lang)}[{i}]", MAX_LEN["indicator"], err)
                for i, item in enumerate(items)]):
            result[lang] = list(items)
    if len(result) == len(LANGUAGES) and len(result["sv"]) != len(result["en"]):
        err.add(path, f"sv has {len(result['sv'])} indicators but en has {len(result['en'])}")
    return result if len(result) == len(LANGUAGES) else None


def _check_levels(value, path, err):
    if not isinstance(value, dict):
        err.add(path, "missing" if value is None else f"expected a mapping of levels 1-5, got {_type_name(value)}")
        return None
    levels = {}
    for key in value:
        number = _level_number(key)
        if number is None:
            err.add(_join(path, str(key)[:40]), "unknown level (levels are exactly 1, 2, 3, 4 and 5)")
        elif number in levels:
            err.add(_join(path, number), "level given twice")
        else:
            levels[number] = value[key]
    result = {}
    for number in LEVELS:
        if number not in levels:
            err.add(_join(path, number), "missing")
            continue
        text = _check_bilingual(levels[number], _join(path, number), MAX_LEN["level"], err)
        if text is not None:
            result[number] = text
    return result if len(result) == len(LEVELS) else None


def _level_number(key):
    """1..5 from an int key (YAML) or a digit string key (JSON); None otherwise."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key if key in LEVELS else None
    if isinstance(key, str) and key.strip() in {str(n) for n in LEVELS}:
        return int(key)
    return None


def _check_methods(value, path, err):
    items = _check_list(value, path, err)
    if items is None:
        return None
    if not items:
        err.add(path, "empty (name at least one of " + ", ".join(METHODS) + ")")
        return None
    ok = True
    for i, item in enumerate(items):
        if not isinstance(item, str):
            err.add(f"{path}[{i}]", f"expected text, got {_type_name(item)}")
            ok = False
        elif item not in METHODS:
            err.add(f"{path}[{i}]", f"unknown method {item[:40]!r} (use " + ", ".join(METHODS) + ")")
            ok = False
        elif items.index(item) != i:
            err.add(f"{path}[{i}]", f"method {item!r} listed twice")
            ok = False
    return list(items) if ok else None
