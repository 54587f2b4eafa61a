"""The line-keeping YAML loader: same data as a SafeLoader, lines for every key and item, hostile YAML refused."""
import yaml

from course_export.errors import ErrorList
from course_export.yaml_lines import YDict, YList, load_yaml


def _load(text):
    errors = ErrorList()
    return load_yaml(text, "x.yaml", errors), errors


TEXT = """\
title: Kravprofil
count: 3
ok: true
when: 2026-02-02
empty:
items:
  - a
  - "7"
  - {x: 1.5}
base: &b {k: v}
merged:
  <<: *b
  extra: 1
"""


def test_same_data_as_pyyaml_safe_load_with_lines():
    data, errors = _load(TEXT)
    assert not list(errors)
    assert data == yaml.safe_load(TEXT)
    assert isinstance(data, YDict) and isinstance(data["items"], YList)
    assert data.line_of("items") == 6 and data["items"].line_of(2) == 9
    assert data["merged"] == {"k": "v", "extra": 1}


def test_alias_bomb_stays_small_and_shared():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(10))}]\n" for i in range(8))
    data, errors = _load(bomb)
    assert not list(errors)
    assert data["i"][0] is data["i"][1]          # shared, not 10**9 copies


def test_self_containing_node_and_deep_nesting_are_errors_not_crashes():
    for text in ("a: &a [*a]\n", "a: " + "[" * 3000 + "]" * 3000 + "\n"):
        data, errors = _load(text)
        assert data is None
        assert [e for e in errors if e.file == "x.yaml"], text[:20]


def test_unsafe_tags_are_refused():
    data, errors = _load("a: !!python/object/apply:os.system [echo hi]\n")
    assert data is None and list(errors)
