"""The competency framework: shipped data, schema errors (all of them, with file and field), views, hostile input."""
import copy
import json
import re

import pytest
import yaml

from recruitment_core.framework import (
    METHODS,
    Competency,
    Framework,
    FrameworkError,
    load_default_framework,
    parse_framework,
)


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


@pytest.fixture()
def doc(fw):
    """A fresh, valid document (plain data) to break in each test."""
    return fw.to_dict()


def errors_of(data, source="framework.yaml"):
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with pytest.raises(FrameworkError) as info:
        parse_framework(text, source)
    assert info.value.errors, "FrameworkError without errors"
    return info.value.errors


# ------------------------------------------------------------------ the shipped framework

def test_shipped_framework_counts(fw):
    assert isinstance(fw, Framework)
    assert len(fw.clusters) == 4
    assert len(fw.competencies) == 14
    assert fw.id == "scaleup_competencies"
    assert isinstance(fw.version, str) and fw.version
    assert "ESCO" in fw.source and "Original" in fw.source
    per_cluster = {cl.id: sum(c.cluster == cl.id for c in fw.competencies) for cl in fw.clusters}
    assert all(n >= 3 for n in per_cluster.values()), per_cluster


def test_shipped_competencies_are_complete(fw):
    ids = [c.id for c in fw.competencies]
    assert len(set(ids)) == len(ids)
    for comp in fw.competencies:
        assert re.fullmatch(r"[a-z][a-z0-9_]{1,40}", comp.id)
        assert 3 <= len(comp.indicators["sv"]) <= 5
        assert len(comp.indicators["sv"]) == len(comp.indicators["en"])
        assert sorted(comp.levels) == [1, 2, 3, 4, 5]
        assert comp.methods and set(comp.methods) <= set(METHODS)
        for lang in ("sv", "en"):
            texts = [comp.name[lang], comp.definition[lang], *comp.indicators[lang],
                     *(comp.levels[n][lang] for n in range(1, 6))]
            assert all(t.strip() == t and t for t in texts)
            # Definitions, indicators and level descriptors are sentences.
            for sentence in texts[1:]:
                assert sentence[0].isupper() and sentence.endswith("."), sentence
        # The two languages are really two texts, and the five levels are five different descriptions.
        assert comp.definition["sv"] != comp.definition["en"]
        assert len({comp.levels[n]["sv"] for n in range(1, 6)}) == 5


def test_shipped_swedish_uses_hr_vocabulary(fw):
    names = {c.name["sv"] for c in fw.competencies}
    assert {"Samarbetsförmåga", "Initiativförmåga", "Analytisk förmåga", "Kommunikativ förmåga"} <= names
    swedish = " ".join(c.definition["sv"] + " ".join(c.indicators["sv"]) for c in fw.competencies)
    assert re.search("[åäö]", swedish)
    # No English function words slipped into the Swedish text.
    assert not re.search(r"\b(the|and|with|their)\b", swedish)


def test_default_framework_is_cached(fw):
    assert load_default_framework() is fw


def test_get(fw):
    comp = fw.get("collaboration")
    assert isinstance(comp, Competency)
    assert comp.cluster == "working_with_others"
    assert fw.get("no_such_thing") is None
    assert fw.get(None) is None
    assert fw.get(["collaboration"]) is None


# ------------------------------------------------------------------ round trip and views

def test_round_trip(fw):
    text = fw.to_yaml()
    again = parse_framework(text, "roundtrip.yaml")
    assert again == fw
    assert again is not fw
    assert "&" not in text and "*id" not in text
    assert "Samarbetsförmåga" in text  # readable, not escaped


def test_round_trip_of_an_edited_framework(doc):
    doc["competencies"][0]["name"]["sv"] = "Samverkan: över gränser & team"
    doc["competencies"][0]["levels"][3]["en"] = "Line one.\nLine two with 'quotes' and \"double\"."
    doc["version"] = "2.0"
    edited = parse_framework(yaml.safe_dump(doc, allow_unicode=True), "edited.yaml")
    assert parse_framework(edited.to_yaml()) == edited
    assert edited.get(doc["competencies"][0]["id"]).name["sv"] == "Samverkan: över gränser & team"


def test_json_is_accepted(doc, fw):
    for comp in doc["competencies"]:
        comp["levels"] = {str(k): v for k, v in comp["levels"].items()}  # JSON keys are strings
    assert parse_framework(json.dumps(doc, ensure_ascii=False), "framework.json") == fw


@pytest.mark.parametrize("lang,expected_name,expected_cluster", [
    ("sv", "Samarbetsförmåga", "Arbeta med andra"),
    ("en", "Collaboration", "Working with others"),
    ("sv-SE", "Samarbetsförmåga", "Arbeta med andra"),
    ("en-us", "Collaboration", "Working with others"),
    ("de", "Samarbetsförmåga", "Arbeta med andra"),
    (None, "Samarbetsförmåga", "Arbeta med andra"),
])
def test_localized(fw, lang, expected_name, expected_cluster):
    view = fw.localized(lang)
    json.dumps(view)  # JSON-ready
    assert view["id"] == fw.id
    assert view["title"] in (fw.title["sv"], fw.title["en"])
    assert [cl["id"] for cl in view["clusters"]] == [cl.id for cl in fw.clusters]
    first = view["clusters"][0]
    assert first["name"] == expected_cluster
    comp = first["competencies"][0]
    assert comp["name"] == expected_name
    assert set(comp) == {"id", "name", "definition", "indicators", "levels", "methods"}
    assert list(comp["levels"]) == ["1", "2", "3", "4", "5"]
    assert all(isinstance(t, str) for t in comp["indicators"])
    assert sum(len(cl["competencies"]) for cl in view["clusters"]) == 14
    lang_key = "en" if expected_name == "Collaboration" else "sv"
    assert view["method_labels"]["reference"] == {"sv": "Referenstagning", "en": "Reference check"}[lang_key]


def test_localized_is_cached_but_safe_to_modify(fw):
    first = fw.localized("sv")
    first["clusters"].clear()
    first["title"] = "changed"
    second = fw.localized("sv")
    assert second["clusters"] and second["title"] == fw.title["sv"]
    assert json.loads(fw.localized_json("en")) == fw.localized("en")
    assert fw.localized_json("en") is fw.localized_json("en-GB")


# ------------------------------------------------------------------ each kind of error, with file and field

def test_missing_level_text(doc):
    del doc["competencies"][3]["levels"][4]["sv"]
    assert errors_of(doc) == ["framework.yaml: competencies[3].levels.4.sv: missing"]


def test_missing_and_extra_fields(doc):
    del doc["clusters"][1]["description"]
    doc["competencies"][2]["colour"] = "blue"
    doc["surprise"] = 1
    errs = errors_of(doc)
    assert "framework.yaml: clusters[1].description: missing" in errs
    assert "framework.yaml: competencies[2].colour: unknown field" in errs
    assert "framework.yaml: surprise: unknown field" in errs


def test_missing_top_level_fields():
    errs = errors_of({"id": "x_y"})
    for key in ("version", "title", "clusters", "competencies"):
        assert f"framework.yaml: {key}: missing" in errs


def test_wrong_types(doc):
    doc["competencies"][1]["name"] = "Kommunikation"
    doc["competencies"][2]["indicators"]["en"] = "one string"
    doc["competencies"][4]["methods"] = "interview"
    doc["title"]["en"] = 42
    errs = errors_of(doc)
    assert any(e.startswith("framework.yaml: competencies[1].name: expected a mapping") for e in errs)
    assert any(e.startswith("framework.yaml: competencies[2].indicators.en: expected a list") for e in errs)
    assert any(e.startswith("framework.yaml: competencies[4].methods: expected a list") for e in errs)
    assert "framework.yaml: title.en: expected text, got a number" in errs


def test_clusters_not_a_list(doc):
    doc["clusters"] = {"a": 1}
    errs = errors_of(doc)
    assert "framework.yaml: clusters: expected a list, got a mapping" in errs


def test_unquoted_version_number(doc):
    doc["version"] = 1.5
    errs = errors_of(doc)
    assert len(errs) == 1 and errs[0].startswith("framework.yaml: version: expected text, got a number")


def test_empty_strings(doc):
    doc["title"]["sv"] = ""
    doc["competencies"][0]["indicators"]["sv"][1] = "   "
    doc["clusters"][0]["name"]["en"] = None
    errs = errors_of(doc)
    assert "framework.yaml: title.sv: empty" in errs
    assert "framework.yaml: competencies[0].indicators.sv[1]: empty" in errs
    assert "framework.yaml: clusters[0].name.en: missing" in errs


def test_duplicate_ids(doc):
    doc["competencies"][5]["id"] = doc["competencies"][1]["id"]
    doc["clusters"][2]["id"] = doc["clusters"][0]["id"]
    errs = errors_of(doc)
    assert f"framework.yaml: competencies[5].id: duplicate id {doc['competencies'][1]['id']!r}" in errs
    assert f"framework.yaml: clusters[2].id: duplicate id {doc['clusters'][0]['id']!r}" in errs


def test_unknown_cluster(doc):
    doc["competencies"][7]["cluster"] = "nowhere"
    assert errors_of(doc) == ["framework.yaml: competencies[7].cluster: unknown cluster 'nowhere'"]


def test_cluster_without_competencies(doc):
    doc["clusters"].append({"id": "empty_cluster", "name": {"sv": "Tom", "en": "Empty"},
                            "description": {"sv": "Inget här.", "en": "Nothing here."}})
    assert errors_of(doc) == ["framework.yaml: clusters[4]: cluster 'empty_cluster' has no competencies"]


@pytest.mark.parametrize("count", [2, 6])
def test_indicator_count(doc, count):
    for lang in ("sv", "en"):
        doc["competencies"][0]["indicators"][lang] = [f"Gör sak {i}." for i in range(count)]
    assert errors_of(doc) == [
        f"framework.yaml: competencies[0].indicators.sv: {count} indicators, expected 3 to 5",
        f"framework.yaml: competencies[0].indicators.en: {count} indicators, expected 3 to 5",
    ]


def test_indicator_counts_differ_between_languages(doc):
    doc["competencies"][0]["indicators"]["en"] = doc["competencies"][0]["indicators"]["en"][:3]
    assert errors_of(doc) == ["framework.yaml: competencies[0].indicators: sv has 4 indicators but en has 3"]


def test_levels_not_exactly_one_to_five(doc):
    levels = doc["competencies"][2]["levels"]
    levels[6] = levels.pop(5)
    levels["expert"] = {"sv": "x", "en": "y"}
    errs = errors_of(doc)
    assert "framework.yaml: competencies[2].levels.6: unknown level (levels are exactly 1, 2, 3, 4 and 5)" in errs
    assert "framework.yaml: competencies[2].levels.expert: unknown level " \
           "(levels are exactly 1, 2, 3, 4 and 5)" in errs
    assert "framework.yaml: competencies[2].levels.5: missing" in errs


def test_level_given_twice(doc):
    doc["competencies"][2]["levels"][" 3"] = {"sv": "x", "en": "y"}  # 3 and " 3"
    assert errors_of(doc) == ["framework.yaml: competencies[2].levels.3: level given twice"]
    del doc["competencies"][2]["levels"][" 3"]
    doc["competencies"][2]["levels"]["3"] = {"sv": "x", "en": "y"}  # 3 and "3": the same key in the text
    errs = errors_of(doc)
    assert len(errs) == 1 and re.fullmatch(r"framework\.yaml: line \d+: duplicate key '3'", errs[0])


def test_unknown_and_repeated_methods(doc):
    doc["competencies"][0]["methods"] = ["interview", "astrology", "interview"]
    doc["competencies"][1]["methods"] = []
    errs = errors_of(doc)
    assert "framework.yaml: competencies[0].methods[1]: unknown method 'astrology' " \
           "(use interview, work_sample, reference, test)" in errs
    assert "framework.yaml: competencies[0].methods[2]: method 'interview' listed twice" in errs
    assert any(e.startswith("framework.yaml: competencies[1].methods: empty") for e in errs)


@pytest.mark.parametrize("bad_id", ["Collaboration", "1st", "a", "with space", "åäö", "x" * 42, "kebab-case"])
def test_bad_ids(doc, bad_id):
    doc["competencies"][0]["id"] = bad_id
    errs = errors_of(doc)
    assert len(errs) == 1 and errs[0].startswith("framework.yaml: competencies[0].id: ")
    assert "is not a valid id" in errs[0]


def test_unknown_language(doc):
    doc["competencies"][0]["definition"]["de"] = "Arbeitet gut."
    assert errors_of(doc) == ["framework.yaml: competencies[0].definition.de: unknown language (use sv and en)"]


def test_too_long_text(doc):
    doc["competencies"][0]["name"]["sv"] = "x" * 81
    assert errors_of(doc) == ["framework.yaml: competencies[0].name.sv: too long (81 characters, at most 80)"]


@pytest.mark.parametrize("n_clusters", [2, 6])
def test_cluster_count(doc, n_clusters):
    template = doc["clusters"][0]
    doc["clusters"] = [dict(copy.deepcopy(template), id=f"cluster_{i}") for i in range(n_clusters)]
    for i, comp in enumerate(doc["competencies"]):
        comp["cluster"] = f"cluster_{i % n_clusters}"
    errs = errors_of(doc)
    assert f"framework.yaml: clusters: {n_clusters} clusters, expected 3 to 5" in errs


@pytest.mark.parametrize("n_comps", [7, 21])
def test_competency_count(doc, n_comps):
    comps = doc["competencies"]
    doc["competencies"] = [dict(copy.deepcopy(comps[i % len(comps)]), id=f"comp_{i}") for i in range(n_comps)]
    errs = errors_of(doc)
    assert f"framework.yaml: competencies: {n_comps} competencies, expected 8 to 20" in errs


def test_several_errors_reported_at_once(doc):
    del doc["competencies"][3]["levels"][4]["sv"]
    doc["competencies"][0]["methods"].append("guessing")
    doc["competencies"][9]["cluster"] = "nowhere"
    doc["clusters"][3]["name"]["sv"] = ""
    doc["id"] = "Bad Id"
    errs = errors_of(doc, "my.yaml")
    assert len(errs) == 5, errs
    assert all(e.startswith("my.yaml: ") for e in errs)
    last_method = len(doc["competencies"][0]["methods"]) - 1
    fields = {e.split(": ")[1] for e in errs}
    assert fields == {"competencies[3].levels.4.sv", f"competencies[0].methods[{last_method}]",
                      "competencies[9].cluster", "clusters[3].name.sv", "id"}


def test_yaml_syntax_error_reports_line():
    text = "id: x_y\nversion: '1'\ntitle:\n  sv: a\n en: b\n   - c\n"
    errs = errors_of(text, "broken.yaml")
    assert len(errs) == 1
    assert re.match(r"broken\.yaml: line [56]: invalid YAML or JSON: ", errs[0]), errs


def test_json_syntax_error_reports_line():
    errs = errors_of('{\n  "id": "x_y",\n  "version": "1",\n  "title": {"sv": "a" "en": "b"}\n}', "fw.json")
    assert re.match(r"fw\.json: line 4: invalid YAML or JSON", errs[0]), errs


def test_duplicate_keys_are_reported():
    errs = errors_of("id: a_b\nversion: '1'\nid: c_d\n")
    assert errs == ["framework.yaml: line 3: duplicate key 'id'"]


# ------------------------------------------------------------------ hostile input

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9))


@pytest.mark.parametrize("text,expected", [
    (ALIAS_BOMB, "aliases (*name) are not allowed"),
    ("id: &anchor x_y\n", "anchors (&name) are not allowed"),
    ("id: !!python/object/apply:os.system ['true']\n", "explicit tags"),
    ("id: !!binary aGVsbG8=\n", "explicit tags"),
    ("id: !!set {a, b}\n", "explicit tags"),
    ("x" * 200_001, "too large"),
    ("a: " + "ö" * 100_000, "too large"),          # 200 KB counted in UTF-8 bytes, not characters
    ("[" * 100_000, ""),
    ("[" * 5_000 + "]" * 5_000, ""),
    ("{a: " * 50 + "1" + "}" * 50, "nested more than"),
    ("- 1\n- 2\n", "expected a mapping at the top level, got a list"),
    ("just text", "expected a mapping at the top level, got text"),
    ("42", "expected a mapping at the top level, got a number"),
    ("null", "expected a mapping at the top level, got nothing"),
    ("", "empty"),
    ("   \n\n", "empty"),
    ("a: 1\n---\nb: 2\n", "invalid YAML"),
    ("a: b\x00c\n", "invalid YAML"),
    ("a: \x1b[31mred\n", "invalid YAML"),
    ("? [a, b]\n: c\n", "invalid YAML"),
    ('{"id": "\\ud800"}', ""),
    (b"\xff\xfe\x00\x01binary", "not UTF-8"),
    (bytes(range(256)) * 10, "not UTF-8"),
    (12345, "expected text"),
    (None, "expected text"),
    ({"id": "x"}, "expected text"),
])
def test_hostile_input_gives_framework_error(text, expected):
    with pytest.raises(FrameworkError) as info:
        parse_framework(text, "evil.yaml")
    assert info.value.errors
    assert all(e.startswith("evil.yaml: ") for e in info.value.errors)
    assert expected in "\n".join(info.value.errors)
    assert len(info.value.errors) <= 60


def test_hostile_strings_inside_a_valid_shape(doc):
    doc["competencies"][0]["name"]["sv"] = "<script>alert(1)</script>"  # text is data; escaping is the view's job
    fw = parse_framework(yaml.safe_dump(doc, allow_unicode=True))
    assert fw.competencies[0].name["sv"] == "<script>alert(1)</script>"
    doc["competencies"][0]["name"]["sv"] = "bell\x07here"
    assert errors_of(doc) == ["framework.yaml: competencies[0].name.sv: contains control characters"]


def test_bytes_input_is_decoded(fw):
    assert parse_framework(fw.to_yaml().encode("utf-8"), "bytes.yaml") == fw
    assert parse_framework("\ufeff" + fw.to_yaml(), "bom.yaml") == fw


def test_error_is_a_value_error_with_all_messages():
    with pytest.raises(ValueError) as info:
        parse_framework("- a", "s.yaml")
    assert "s.yaml: (document): expected a mapping" in str(info.value)


def test_indicators_describe_the_job_and_levels_say_how_well_not_how_high_up():
    """Indicators are behaviour in the job, not in the interview ("Beskriver ett eget misstag ..."), and a level
    is reached by how well, how independently and in how hard situations: a specialist without reports can
    need level 5, so no level requires the whole organisation or a manager's post."""
    import re

    fw = load_default_framework()
    for comp in fw.competencies:
        for text in comp.indicators["sv"]:
            assert not re.match(r"(Beskriver|Berättar|Redogör)\b", text), (comp.id, text)
        for text in comp.indicators["en"]:
            assert not re.match(r"(Describes|Tells|Explains how they)\b", text), (comp.id, text)
        for level in (4, 5):
            for lang in ("sv", "en"):
                text = comp.levels[level][lang] + " " + comp.ad[level][lang]
                assert not re.search(r"hela organisationen|i organisationen|the (?:whole )?organisation|"
                                     r"across the organisation|andra chefer|other managers", text), (comp.id, level, text)
