"""The kravprofil state: strict validation, limits, progress, advice, ad draft and summary."""
import copy
import json

import pytest

from profile_samples import realistic_profile, sample_profiles
from recruitment_core import profile as P
from recruitment_core.framework import load_default_framework
from recruitment_core.profile_text import AD, text as _text
from recruitment_core.wording import check_text, gender_balance
from recruitment_core.profile import (
    MAX_COMPETENCIES,
    MAX_LONG_TEXT_CHARS,
    MAX_REQUIREMENTS,
    MAX_STATE_BYTES,
    MAX_TASKS,
    MAX_TEXT_CHARS,
    SECTIONS,
    ProfileError,
    draft_ad,
    empty_profile,
    filled_sections,
    profile_advice,
    summary,
    validate_profile,
)

STRUCTURAL_KINDS = {"missing_why", "missing_assessment", "missing_stage", "too_many_must",
                    "too_many_competencies", "unknown_competency", "language_level", "duplicate_priority",
                    "no_candidate_info", "pay_range"}


@pytest.fixture(scope="module")
def fw():
    return load_default_framework()


def error_of(data):
    with pytest.raises(ProfileError) as info:
        validate_profile(data)
    return info.value


# ---------------------------------------------------------------- validation: valid input

def test_empty_profile_has_every_key_and_validates_to_itself():
    empty = empty_profile()
    assert set(empty) == {"version", "basics", "purpose", "tasks", "requirements", "competencies",
                          "conditions", "process", "ad"}
    assert set(empty["basics"]) == {"role", "team", "employment", "location", "remote"}
    assert set(empty["ad"]) == {"title", "company", "intro", "tasks", "must", "merits", "offer", "process"}
    assert validate_profile(empty) == empty
    assert empty_profile() is not empty_profile()


def test_realistic_swedish_profile_is_accepted_unchanged():
    data = realistic_profile()
    cleaned = validate_profile(data)
    assert cleaned == data
    assert cleaned is not data
    cleaned["basics"]["role"] = "x"
    assert data["basics"]["role"] == "Backendutvecklare"  # a copy, not the input


def test_missing_keys_and_nulls_get_defaults():
    assert validate_profile({}) == empty_profile()
    cleaned = validate_profile({"basics": {"role": "Säljare", "team": None},
                                "requirements": [{"text": "B-körkort"}],
                                "competencies": [{"id": "collaboration"}, {"id": "communication", "level": 5}]})
    assert cleaned["basics"] == {"role": "Säljare", "team": "", "employment": "", "location": "", "remote": ""}
    assert cleaned["requirements"] == [{"text": "B-körkort", "category": "experience", "must": False,
                                        "weight": 3, "why": "", "assessment": "", "stage": "", "level": ""}]
    assert cleaned["competencies"] == [{"id": "collaboration", "level": 3, "priority": 1},
                                       {"id": "communication", "level": 5, "priority": 2}]


def test_unknown_competency_id_is_not_a_validation_error():
    data = realistic_profile()
    data["competencies"].append({"id": "telepathy", "level": 2, "priority": 9})
    assert validate_profile(data)["competencies"][-1]["id"] == "telepathy"


# ---------------------------------------------------------------- validation: bad shapes

def _set(path, value):
    """A mutator setting ``path`` (list of keys/indexes) on the realistic profile."""
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return data
    return mutate


BAD = [
    (_set(["surprise"], 1), "surprise", "unknown_key"),
    (_set(["basics", "salary"], "x"), "basics.salary", "unknown_key"),
    (_set(["requirements", 1, "note"], "x"), "requirements[1].note", "unknown_key"),
    (_set(["competencies", 0, "name"], "x"), "competencies[0].name", "unknown_key"),
    (_set(["basics"], ["Backendutvecklare"]), "basics", "type_object"),
    (_set(["ad"], "text"), "ad", "type_object"),
    (_set(["basics", "role"], 42), "basics.role", "type_text"),
    (_set(["process", "steps"], ["a", "b"]), "process.steps", "type_text"),
    (_set(["tasks"], "Koda"), "tasks", "type_list"),
    (_set(["tasks", 1], 5), "tasks[1]", "type_text"),
    (_set(["tasks", 2], None), "tasks[2]", "type_text"),
    (_set(["requirements"], {"text": "x"}), "requirements", "type_list"),
    (_set(["requirements", 0], "Python"), "requirements[0]", "type_object"),
    (_set(["requirements", 3, "weight"], 6), "requirements[3].weight", "int_range"),
    (_set(["requirements", 3, "weight"], 0), "requirements[3].weight", "int_range"),
    (_set(["requirements", 3, "weight"], True), "requirements[3].weight", "int_range"),
    (_set(["requirements", 3, "weight"], "3"), "requirements[3].weight", "int_range"),
    (_set(["requirements", 3, "weight"], 2.5), "requirements[3].weight", "int_range"),
    (_set(["requirements", 0, "category"], "hobby"), "requirements[0].category", "choice"),
    (_set(["requirements", 0, "category"], ["language"]), "requirements[0].category", "choice"),
    (_set(["requirements", 0, "must"], "yes"), "requirements[0].must", "type_bool"),
    (_set(["requirements", 0, "must"], 1), "requirements[0].must", "type_bool"),
    (_set(["requirements", 2, "level"], 2), "requirements[2].level", "type_text"),
    (_set(["competencies"], "collaboration"), "competencies", "type_list"),
    (_set(["competencies", 1], "problem_solving"), "competencies[1]", "type_object"),
    (_set(["competencies", 0, "level"], 6), "competencies[0].level", "int_range"),
    (_set(["competencies", 0, "level"], 0), "competencies[0].level", "int_range"),
    (_set(["competencies", 0, "level"], False), "competencies[0].level", "int_range"),
    (_set(["competencies", 2, "priority"], 51), "competencies[2].priority", "int_range"),
    (_set(["competencies", 2, "priority"], 0), "competencies[2].priority", "int_range"),
    (_set(["competencies", 0, "id"], "Collaboration"), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0, "id"], "c"), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0, "id"], "1st_choice"), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0, "id"], "a" * 42), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0, "id"], "collaboration\n"), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0, "id"], "samarbetsförmåga"), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0, "id"], 7), "competencies[0].id", "id_pattern"),
    (_set(["competencies", 0], {"level": 3}), "competencies[0].id", "required"),
    (_set(["competencies", 2, "id"], "collaboration"), "competencies[2].id", "duplicate"),
    (_set(["version"], 2), "version", "version"),
    (_set(["version"], True), "version", "version"),
    (_set(["version"], "1"), "version", "version"),
]


@pytest.mark.parametrize("mutate, field, code", BAD, ids=[f"{f}-{c}" for _, f, c in BAD])
def test_bad_shapes_are_rejected_with_the_field_named(mutate, field, code):
    err = error_of(mutate(realistic_profile()))
    assert (err.field, err.code) == (field, code)
    assert str(err).startswith(f"{field}: ")


@pytest.mark.parametrize("data", [None, [], "profile", 3, True])
def test_state_that_is_not_an_object_is_rejected(data):
    err = error_of(data)
    assert err.field is None and err.code == "type_object"
    assert str(err) == "profile: must be an object"


def test_error_message_is_clear_english_and_localizable():
    data = realistic_profile()
    data["requirements"][3]["weight"] = 9
    err = error_of(data)
    assert str(err) == "requirements[3].weight: must be a whole number from 1 to 5"
    assert err.localized("sv") == "requirements[3].weight: måste vara ett heltal från 1 till 5"
    assert err.localized("en-us") == str(err)
    data = realistic_profile()
    data["requirements"][0]["category"] = "hobby"
    assert "education, experience, knowledge, language, certificate, personal" in str(error_of(data))


def test_profile_error_also_takes_a_plain_message():
    err = ProfileError("no saved profile")
    assert str(err) == err.localized("sv") == "no saved profile"
    assert err.field is None and err.code is None


def test_hostile_unknown_key_is_shortened_in_the_error():
    key = "<script>alert(1)</script>\x00" * 20
    err = error_of({key: 1})
    assert err.code == "unknown_key"
    assert len(err.field) <= 45 and "\x00" not in err.field


# ---------------------------------------------------------------- limits

def test_text_limits_are_enforced_at_the_boundary():
    data = empty_profile()
    data["basics"]["role"] = "a" * MAX_TEXT_CHARS
    data["purpose"]["purpose"] = "b" * MAX_LONG_TEXT_CHARS
    data["ad"]["offer"] = "c" * MAX_LONG_TEXT_CHARS
    validate_profile(data)
    for path, limit in ((["basics", "role"], MAX_TEXT_CHARS), (["purpose", "purpose"], MAX_LONG_TEXT_CHARS),
                        (["ad", "offer"], MAX_LONG_TEXT_CHARS)):
        bad = _set(path, "x" * (limit + 1))(copy.deepcopy(data))
        err = error_of(bad)
        assert (err.field, err.code) == (".".join(path), "too_long")
        assert f"at most {limit} characters" in str(err)
    assert MAX_TEXT_CHARS == 2000 and MAX_LONG_TEXT_CHARS == 5000


def test_requirement_text_limit():
    data = realistic_profile()
    data["requirements"][2]["why"] = "ö" * (MAX_TEXT_CHARS + 1)
    assert (error_of(data).field, error_of(data).code) == ("requirements[2].why", "too_long")


def test_length_is_counted_after_removing_control_characters():
    data = empty_profile()
    data["basics"]["role"] = "a" * MAX_TEXT_CHARS + "\x00" * 50
    assert validate_profile(data)["basics"]["role"] == "a" * MAX_TEXT_CHARS


@pytest.mark.parametrize("key, limit, item", [
    ("tasks", MAX_TASKS, lambda i: f"Uppgift {i}"),
    ("requirements", MAX_REQUIREMENTS, lambda i: {"text": f"Krav {i}"}),
    ("competencies", MAX_COMPETENCIES, lambda i: {"id": f"comp_{i}", "priority": i + 1}),
])
def test_item_counts_are_limited(key, limit, item):
    data = empty_profile()
    data[key] = [item(i) for i in range(limit)]
    assert len(validate_profile(data)[key]) == limit
    data[key].append(item(limit))
    err = error_of(data)
    assert (err.field, err.code) == (key, "too_many")
    assert (MAX_TASKS, MAX_REQUIREMENTS, MAX_COMPETENCIES) == (30, 40, 20)


def test_whole_state_size_is_limited():
    data = empty_profile()
    # Every field within its own limit, but together well over 100 000 bytes of compact JSON.
    data["requirements"] = [{"text": "å" * 1500, "why": "x" * 1000} for _ in range(MAX_REQUIREMENTS)]
    err = error_of(data)
    assert err.field is None and err.code == "too_large"
    assert str(err) == f"profile: the whole profile is too large (at most {MAX_STATE_BYTES} bytes)"
    data["requirements"] = data["requirements"][:15]
    cleaned = validate_profile(data)
    assert len(json.dumps(cleaned, ensure_ascii=False, separators=(",", ":")).encode()) <= MAX_STATE_BYTES


def test_control_characters_are_removed_but_text_is_kept():
    data = empty_profile()
    data["basics"]["role"] = "Ut\x00veck\x07lare\r\nrad två\ttab\x1b\x7f\x85\ud800\uffff åäö ÅÄÖ 🚀 <b>&"
    data["tasks"] = ["Koda\r\x0bmer"]
    cleaned = validate_profile(data)
    assert cleaned["basics"]["role"] == "Utvecklare\nrad två\ttab åäö ÅÄÖ 🚀 <b>&"
    assert cleaned["tasks"] == ["Koda\nmer"]
    json.dumps(cleaned, ensure_ascii=False).encode("utf-8")  # no lone surrogate left


# ---------------------------------------------------------------- filled sections

def test_filled_sections_of_empty_and_full_profiles():
    assert SECTIONS == ("basics", "purpose", "tasks", "requirements", "competencies", "conditions", "process")
    assert filled_sections(empty_profile()) == set()
    assert filled_sections(realistic_profile()) == set(SECTIONS)


def test_filled_sections_needs_meaningful_content():
    data = empty_profile()
    data["basics"]["team"] = "Plattform"          # no role yet
    data["purpose"]["goals"] = "Fler kunder"       # no purpose yet
    data["tasks"] = ["   ", ""]
    data["requirements"] = [{**P.empty_requirement(), "why": "för att"}]
    data["process"]["timeline"] = "Vecka 12"
    assert filled_sections(validate_profile(data)) == set()
    data["basics"]["role"] = "Ekonom"
    data["purpose"]["purpose"] = "Ordning i bokföringen"
    data["tasks"].append("Bokslut")
    data["requirements"][0]["text"] = "Redovisningsekonom"
    data["competencies"] = [{"id": "planning_organising", "level": 3, "priority": 1}]
    data["conditions"]["other"] = "Fri parkering"
    data["process"]["candidate_info"] = "Besked inom två veckor"
    assert filled_sections(validate_profile(data)) == set(SECTIONS)
    data["process"] = {"steps": "Intervju", "candidate_info": "", "timeline": "", "contact": ""}
    assert "process" in filled_sections(validate_profile(data))


# ---------------------------------------------------------------- advice

def kinds(advice):
    return [item["kind"] for item in advice]


def structural(advice):
    return [item for item in advice if item["kind"] in STRUCTURAL_KINDS]


def test_realistic_profile_has_no_structural_advice(fw):
    assert structural(profile_advice(realistic_profile(), fw, "sv")) == []


def test_empty_profile_has_no_advice(fw):
    assert profile_advice(empty_profile(), fw, "sv") == []


def test_requirement_without_why_assessment_or_stage(fw):
    data = realistic_profile()
    data["requirements"][2].update(why="", assessment=" ", stage="")
    data["requirements"].append(P.empty_requirement())  # an empty row being typed: no advice
    advice = structural(profile_advice(data, fw, "sv"))
    assert [(a["section"], a["index"], a["field"], a["kind"]) for a in advice] == [
        ("requirements", 2, "why", "missing_why"),
        ("requirements", 2, "assessment", "missing_assessment"),
        ("requirements", 2, "stage", "missing_stage"),
    ]
    assert "diskrimineringslagen" in advice[0]["message"]
    en = structural(profile_advice(data, fw, "en"))
    assert en[0]["message"].startswith("Write why the job needs this")


def test_language_requirement_without_level_suggests_a_gers_level(fw):
    data = realistic_profile()
    data["requirements"][1]["level"] = ""
    advice = [a for a in profile_advice(data, fw, "sv") if a["kind"] == "language_level"]
    assert [(a["index"], a["field"]) for a in advice] == [(1, "level")]
    assert "GERS" in advice[0]["message"] and "CEFR" not in advice[0]["message"] and "A1–C2" in advice[0]["message"]
    data["requirements"][1]["category"] = "knowledge"
    assert "language_level" not in kinds(profile_advice(data, fw, "sv"))


def _requirements(total, must):
    return [{**P.empty_requirement(), "text": f"Krav {i}", "must": i < must, "why": "behövs",
             "assessment": "intervju", "stage": "intervju 1"} for i in range(total)]


@pytest.mark.parametrize("total, must, expected", [
    (10, 6, True),   # more than five
    (10, 5, False),
    (4, 3, True),    # more than two thirds
    (3, 2, False),
    (8, 5, False),
    (1, 1, False),   # one must-have of one is not "too many"
    (2, 2, False),
    (3, 3, True),
])
def test_too_many_must_haves(fw, total, must, expected):
    data = realistic_profile()
    data["requirements"] = _requirements(total, must)
    advice = [a for a in profile_advice(data, fw, "sv") if a["kind"] == "too_many_must"]
    assert bool(advice) is expected
    if expected:
        assert advice[0]["section"] == "requirements" and advice[0]["index"] is None
        assert advice[0]["message"].startswith(f"{must} av {total} krav")


def test_more_competencies_than_the_maximum(fw):
    data = realistic_profile()
    ids = [comp.id for comp in fw.competencies][:7]
    data["competencies"] = [{"id": cid, "level": 3, "priority": i + 1} for i, cid in enumerate(ids)]
    advice = [a for a in profile_advice(data, fw, "en") if a["kind"] == "too_many_competencies"]
    assert len(advice) == 1 and "7 competencies" in advice[0]["message"] and "at most 6" in advice[0]["message"]
    assert "too_many_competencies" not in kinds(profile_advice(data, fw, "en", max_competencies=8))


def test_unknown_competency_and_duplicate_priority(fw):
    data = realistic_profile()
    data["competencies"].append({"id": "telepathy", "level": 2, "priority": 2})
    advice = structural(profile_advice(data, fw, "sv"))
    assert [(a["section"], a["index"], a["field"], a["kind"]) for a in advice] == [
        ("competencies", 3, "id", "unknown_competency"),
        ("competencies", 3, "priority", "duplicate_priority"),
    ]
    assert "telepathy" in advice[0]["message"]
    # Without a framework nothing can be called unknown.
    assert "unknown_competency" not in kinds(profile_advice(data, None, "sv"))


def test_missing_candidate_information(fw):
    data = realistic_profile()
    data["process"]["candidate_info"] = ""
    advice = [a for a in profile_advice(data, fw, "sv") if a["kind"] == "no_candidate_info"]
    assert [(a["section"], a["field"]) for a in advice] == [("process", "candidate_info")]
    assert "33 %" in advice[0]["message"] and "Talent Board" in advice[0]["message"]


def test_wording_flags_of_every_text_field_are_included(fw):
    from recruitment_core.wording import check_text

    data = realistic_profile()
    data["purpose"]["purpose"] = "Vi söker en ung och driven utvecklare till vårt ungdomliga gäng."
    data["requirements"][1]["text"] = "Svenska som modersmål"
    data["tasks"][2] = "Han ska leda teamet"
    data["ad"]["intro"] = "We want a young digital native."
    advice = profile_advice(data, fw, "sv")
    places = [(data["purpose"]["purpose"], "purpose", None, "purpose"),
              (data["requirements"][1]["text"], "requirements", 1, "text"),
              (data["tasks"][2], "tasks", 2, "text"),
              (data["ad"]["intro"], "ad", None, "intro")]
    for text, section, index, field in places:
        expected = check_text(text, "sv")
        assert expected, f"the wording check should flag {text!r}"
        found = [a for a in advice if (a["section"], a["index"], a["field"]) == (section, index, field)
                 and a["kind"] not in STRUCTURAL_KINDS]
        assert sorted(found, key=lambda a: a["start"]) == [
            {"section": section, "index": index, "field": field, **flag} for flag in expected]
    assert {"discrimination"} <= set(kinds(advice))
    # The worst first: every discrimination flag before every indirect one, and those before the rest.
    ranks = [{"discrimination": 0, "indirect": 1}.get(a["kind"], 2) for a in advice]
    assert ranks == sorted(ranks) and ranks[0] == 0


def test_repeated_advice_is_grouped_with_its_other_places(fw):
    data = realistic_profile()
    for i in range(3):
        data["tasks"][i] = "Han ska svara kunder"
    for req in data["requirements"]:
        req["why"] = ""
    data["ad"]["must"] = "Han ska svara kunder."
    advice = profile_advice(data, fw, "sv")
    han = [a for a in advice if a["kind"] == "discrimination"]
    assert len(han) == 1 and (han[0]["section"], han[0]["index"]) == ("tasks", 0)
    assert [(r["section"], r["index"], r["field"]) for r in han[0]["repeats"]] == [
        ("tasks", 1, "text"), ("tasks", 2, "text"), ("ad", None, "must")]
    assert han[0]["message"].endswith("Samma sak gäller på ytterligare 3 ställen.")
    why = [a for a in advice if a["kind"] == "missing_why"]
    assert len(why) == 1 and len(why[0]["repeats"]) == len(data["requirements"]) - 1
    assert advice[0] is han[0]


def test_a_placeholder_left_in_the_ad_is_advice_before_download(fw):
    data = realistic_profile()
    data["ad"] = draft_ad({**data, "ad": dict(data["ad"], company="")}, fw, "sv")
    items = [a for a in profile_advice(data, fw, "sv") if a["kind"] == "placeholder"]
    assert {(a["section"], a["field"]) for a in items} == {("ad", "company"), ("ad", "process")}
    company = next(a for a in items if a["field"] == "company")
    assert "”[Företagets namn]”" in company["message"]
    en = [a for a in profile_advice(data, fw, "en") if a["kind"] == "placeholder"]
    assert "Replace “[Företagets namn]”" in next(a for a in en if a["field"] == "company")["message"]


def test_advice_messages_in_both_languages(fw):
    data = realistic_profile()
    data["requirements"][0]["why"] = ""
    data["requirements"][1]["level"] = ""
    data["process"]["candidate_info"] = ""
    sv = structural(profile_advice(data, fw, "sv"))
    en = structural(profile_advice(data, fw, "en"))
    assert kinds(sv) == kinds(en) and len(sv) == 3
    for a, b in zip(sv, en):
        assert a["message"] != b["message"]
    assert any(ch in "".join(a["message"] for a in sv) for ch in "åäö")
    assert structural(profile_advice(data, fw, "fr")) == sv  # unknown language -> Swedish


# ---------------------------------------------------------------- ad draft

def test_draft_ad_from_a_realistic_profile(fw):
    data = realistic_profile()
    ad = draft_ad(data, fw, "sv")
    assert set(ad) == set(empty_profile()["ad"])
    assert ad["title"] == "Backendutvecklare"
    assert ad["company"] == "Betalbolaget AB"  # the learner's own text is kept
    assert ad["intro"].startswith("Vi söker nu backendutvecklare till plattformsteamet.")
    assert data["purpose"]["purpose"] in ad["intro"] and data["purpose"]["goals"] in ad["intro"]
    assert "Umeå" in ad["intro"] and "Två dagar i veckan på distans" in ad["intro"]
    assert ad["tasks"].split("\n") == [f"• {task}" for task in data["tasks"]]
    must_lines = ad["must"].split("\n")
    # A reason that cannot settle a flag (years of experience) is not carried into the ad.
    assert "• Minst två års yrkeserfarenhet av Python i produktion" in must_lines
    assert "• Svenska i tal och skrift (nivå B2 enligt GERS)" in must_lines
    assert "PostgreSQL" not in ad["must"] and "Körkort" not in ad["must"]
    # The licence's written reason is what justifies it, so it goes into the ad.
    assert ad["merits"].split("\n") == ["• Erfarenhet av PostgreSQL",
                                         "• Körkort B för kundbesök i länet några gånger per år"]
    # Competencies as ad-ready behaviour at the chosen level ("Du …"), in priority order, without their names.
    collab, solving = fw.get("collaboration"), fw.get("problem_solving")
    assert "Personlig kompetens som rollen kräver:" in must_lines
    assert f"• {collab.ad[3]['sv']}" in must_lines and f"• {solving.ad[4]['sv']}" in must_lines
    assert ad["must"].index(collab.ad[3]["sv"]) < ad["must"].index(solving.ad[4]["sv"])
    assert collab.name["sv"] not in ad["must"] and collab.definition["sv"] not in ad["must"]
    for value in ("Tillsvidareanställning, heltid", "Individuell lönesättning", "40 timmar i veckan, flextid",
                  "Enligt överenskommelse", "Friskvårdsbidrag 5 000 kr per år"):
        assert value in ad["offer"]
    for key in ("candidate_info", "timeline", "contact"):
        assert data["process"][key] in ad["process"]
    assert "Så går rekryteringen till: telefonavstämning, två intervjuer" in ad["process"]
    # Only the how-to-apply line has placeholders: the profile has no link or closing date field.
    for key, value in ad.items():
        if key != "process":
            assert "[" not in value, f"placeholder left in {key} although the profile has the data"
    assert ad["process"].split("\n")[-1] == "Sök tjänsten via [länk eller e-postadress] senast [sista ansökningsdag]."
    # The draft fits the profile's own limits.
    validate_profile({**data, "ad": ad})


def test_draft_ad_in_english_uses_english_phrases_and_names(fw):
    ad = draft_ad(realistic_profile(), fw, "en")
    assert ad["intro"].startswith("We are looking for a new backendutvecklare to join plattformsteamet.")
    assert "Location: Umeå" in ad["intro"]
    assert f"• {fw.get('collaboration').ad[3]['en']}" in ad["must"]
    assert "(CEFR level B2)" in ad["must"]
    assert "Salary: Individuell lönesättning" in ad["offer"]


def test_draft_ad_never_invents_facts(fw):
    sv = draft_ad(empty_profile(), fw, "sv")
    assert sv["offer"] == "[Beskriv vad ni erbjuder]"
    assert sv["title"] == "[Titel på tjänsten]"
    assert all(value.startswith("[") and value.endswith("]") for value in sv.values())
    en = draft_ad(empty_profile(), fw, "en")
    assert en["offer"] == "[Describe what you offer]"
    data = realistic_profile()
    data["process"]["candidate_info"] = ""
    data["competencies"].append({"id": "telepathy", "level": 3, "priority": 4})
    data["requirements"] = [r for r in data["requirements"] if r["must"]]
    ad = draft_ad(data, fw, "sv")
    assert "[Skriv när alla sökande får besked, även de som inte går vidare]" in ad["process"].split("\n")
    assert "telepathy" not in json.dumps(ad)
    assert ad["merits"] == "[Lista det som är meriterande]"


def test_every_level_has_ad_wording_that_passes_the_checks(fw):
    for comp in fw.competencies:
        for level in range(1, 6):
            for lang, start in (("sv", "Du "), ("en", "You ")):
                line = comp.ad[level][lang]
                assert line.startswith(start) and line.endswith("."), (comp.id, level, lang)
                assert not check_text(line, lang), (comp.id, level, lang, check_text(line, lang))


@pytest.mark.parametrize("name", sorted(sample_profiles()))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_ads_drafted_from_sample_profiles_pass_the_checks(fw, name, lang):
    data = sample_profiles()[name]
    ad = draft_ad(data, fw, lang)
    text = "\n".join(ad.values())
    bad = [(f["kind"], f["match"]) for f in check_text(text, lang)
           if f["kind"] in ("discrimination", "indirect", "vague")]
    assert not bad, (name, bad)
    assert gender_balance(text)["verdict"] in ("balanced", "neutral"), gender_balance(text)
    # A real Swedish job ad: skallkrav, then the competencies, meriterande, pay, answer date, contact, how to apply.
    assert ad["must"].startswith("• ")
    assert ad["must"].index("• ") < ad["must"].index(_text(AD, "competencies_lead", lang))
    assert data["conditions"]["salary"] in ad["offer"]
    assert data["process"]["candidate_info"] in ad["process"]
    assert data["process"]["contact"] in ad["process"]
    assert ad["process"].endswith(_text(AD, "apply", lang))
    # The profile's own advice has no discrimination or indirect flag on the drafted ad either.
    advice = profile_advice({**data, "ad": ad}, fw, lang)
    assert not [a for a in advice if a["section"] == "ad" and a["kind"] in ("discrimination", "indirect")]


def test_a_reason_that_justifies_a_licence_is_carried_into_the_ad(fw):
    data = sample_profiles()["sales"]
    ad = draft_ad(data, fw, "sv")
    assert "• B-körkort, eftersom du besöker salonger i Mälardalen varje vecka" in ad["must"].split("\n")
    data["requirements"][0]["why"] = ""
    ad = draft_ad(data, fw, "sv")
    assert "• B-körkort" in ad["must"].split("\n")
    assert [f for f in check_text(ad["must"], "sv") if f["kind"] == "indirect"]


def test_missing_pay_gets_a_hint_on_the_pay_transparency_directive(fw):
    data = sample_profiles()["support"]
    data["conditions"]["salary"] = ""
    offer = draft_ad(data, fw, "sv")["offer"]
    assert "[Ange lönen eller lönespannet" in offer and "2023/970" in offer


def test_draft_ad_keeps_acronym_roles_and_skips_empty_team(fw):
    data = empty_profile()
    data["basics"]["role"] = "UX-designer"
    assert draft_ad(data, fw, "sv")["intro"] == "Vi söker nu UX-designer."


def test_draft_ad_rejects_an_invalid_profile(fw):
    data = realistic_profile()
    data["competencies"][0]["level"] = 9
    with pytest.raises(ProfileError):
        draft_ad(data, fw, "sv")


# ---------------------------------------------------------------- summary

def test_summary_has_counts_and_ids_only():
    data = realistic_profile()
    data["competencies"] = [{"id": "communication", "level": 3, "priority": 3},
                            {"id": "collaboration", "level": 3, "priority": 1},
                            {"id": "problem_solving", "level": 4, "priority": 2}]
    data["requirements"].append(P.empty_requirement())
    assert summary(data) == {"role": "Backendutvecklare",
                             "competencies": ["collaboration", "problem_solving", "communication"],
                             "requirements": 4, "must": 2}
    assert summary(empty_profile()) == {"role": "", "competencies": [], "requirements": 0, "must": 0}


# ---------------------------------------------------------------- a written reason justifies a demand

def _requirement_flags(text, why, lang="sv"):
    data = realistic_profile()
    data["requirements"] = [dict(data["requirements"][0], text=text, why=why)]
    return [a for a in profile_advice(data, None, lang)
            if a["section"] == "requirements" and a["index"] == 0 and a["field"] == "text"]


def test_driving_licence_with_a_written_reason_is_not_flagged():
    assert [f["kind"] for f in _requirement_flags("Körkort B", "")] == ["indirect"]
    assert [f["kind"] for f in _requirement_flags("Körkort B", "   ")] == ["indirect"]   # no reason: flagged
    assert _requirement_flags("Körkort B", "Kundbesök i länet några gånger per år") == []
    assert _requirement_flags("B-körkort.", "Du åker ut till kunder. Ofta.") == []
    assert _requirement_flags("Driving licence", "We visit clients in the region", "en") == []
    assert _requirement_flags("Driving licence", "Vi hämtar material", "en") == []   # reason in another language


def test_a_reason_does_not_clear_flags_it_cannot_justify():
    # A language demand without a level stays vague whatever the reason; so do years and a photo.
    assert [f["kind"] for f in _requirement_flags("Flytande svenska", "Kundkontakt på svenska")] == ["indirect"]
    assert [f["ground"] for f in _requirement_flags("Minst 10 års erfarenhet", "Senior roll")] == ["age"]
    # Citizenship needs a law as its reason, not just any reason.
    assert [f["kind"] for f in _requirement_flags("Svenskt medborgarskap", "Vi föredrar det")] == ["indirect"]
    assert _requirement_flags("Svenskt medborgarskap", "Säkerhetsskyddslagen kräver det") == []
    # Discrimination is never justified by a "why".
    assert [f["kind"] for f in _requirement_flags("Max 35 år", "Ungt team")] == ["discrimination"]


def test_the_reason_only_covers_its_own_requirement_and_field():
    data = realistic_profile()
    data["requirements"][1] = dict(data["requirements"][3], why="", text="Körkort B")
    data["ad"]["must"] = "• Körkort B"
    advice = profile_advice(data, None, "sv")
    flagged = {(place["section"], place["index"], place["field"]) for a in advice if a["kind"] == "indirect"
               for place in [a] + a.get("repeats", [])}
    assert ("requirements", 3, "text") not in flagged      # the sample's "Körkort B" has a reason
    assert ("requirements", 1, "text") in flagged          # the same demand without one
    assert ("ad", None, "must") in flagged                 # the ad states no reason


# ---------------------------------------------------------------- gender balance of the whole ad

def _with_ad(**fields):
    data = P.empty_profile()
    data["basics"]["role"] = "Projektledare"
    data["ad"].update(fields)
    return data


def _balance_items(data, lang="sv"):
    return [a for a in P.profile_advice(data, load_default_framework(), lang) if a["kind"] == "gender_balance"]


def test_masculine_coded_ad_gets_one_balance_item_naming_the_words():
    data = _with_ad(intro="Du är tävlingsinriktad och självständig.", must="Analytisk och beslutsam.")
    items = _balance_items(data)
    assert len(items) == 1
    item = items[0]
    assert item["section"] == "ad" and item["field"] is None and item["verdict"] == "masculine"
    assert item["masculine"] == 4 and item["feminine"] == 0
    assert "maskulint" in item["message"] and "tävlingsinriktad" in item["message"]
    assert "Gaucher" in item["message"]
    assert "masculine" in _balance_items(data, "en")[0]["message"]


def test_feminine_coded_ad_is_reported_as_feminine():
    items = _balance_items(_with_ad(offer="Vi är lyhörda och omtänksamma och stödjer varandra i nära samarbete."))
    assert [i["verdict"] for i in items] == ["feminine"]


def test_balanced_or_uncoded_ad_gets_no_balance_item():
    assert _balance_items(_with_ad(intro="Du är självständig och lyhörd.")) == []
    assert _balance_items(_with_ad(intro="Vi söker en projektledare till Göteborg.")) == []
    assert _balance_items(P.empty_profile()) == []


def test_coded_words_outside_the_ad_do_not_make_the_ad_unbalanced():
    data = _with_ad(intro="Vi söker en projektledare.")
    data["purpose"]["purpose"] = "Tävlingsinriktad, självständig, analytisk och beslutsam."
    assert _balance_items(data) == []


# ---------------------------------------------------------------- a written language level resolves "god svenska"

def _language_profile(level):
    data = P.empty_profile()
    data["requirements"] = [{"text": "Mycket god svenska i tal och skrift", "category": "language", "must": True,
                             "weight": 4, "why": "", "assessment": "Intervju", "stage": "Intervju",
                             "level": level}]
    return data


def _indirect_on_text(data):
    return [a for a in P.profile_advice(data, load_default_framework(), "sv")
            if a["kind"] == "indirect" and a["section"] == "requirements" and a["field"] == "text"]


def test_language_requirement_with_a_cefr_level_is_not_flagged_for_missing_level():
    assert _indirect_on_text(_language_profile("C1")) == []
    assert not [a for a in P.profile_advice(_language_profile("C1"), None, "sv") if a["kind"] == "language_level"]


def test_language_requirement_without_a_real_level_stays_flagged():
    assert len(_indirect_on_text(_language_profile(""))) == 1
    assert len(_indirect_on_text(_language_profile("bra"))) == 1


def test_the_reason_also_covers_the_other_fields_of_its_requirement():
    # "Kopia av körkort" as the assessment of a driving-licence demand that has a reason is not "körkort utan skäl".
    data = realistic_profile()
    data["requirements"] = [dict(data["requirements"][0], text="B-körkort", why="Vi kör bil mellan brukarna.",
                                 assessment="Kopia av körkort", stage="Innan anställning, visa körkortet")]
    fields = {a["field"] for a in profile_advice(data, None, "sv")
              if a["section"] == "requirements" and a["kind"] == "indirect"}
    assert fields == set()
    data["requirements"][0]["why"] = ""
    fields = {a["field"] for a in profile_advice(data, None, "sv")
              if a["section"] == "requirements" and a["kind"] == "indirect"}
    assert fields == {"text", "assessment", "stage"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_examples_for_common_roles_pass_the_checks(lang):
    from recruitment_core.profile_text import ADVICE

    message = ADVICE["missing_why"][lang]
    for role in (("lager", "sälj", "support", "utveckling", "ekonomi", "vård") if lang == "sv" else
                 ("warehouse", "sales", "support", "development", "finance", "care")):
        assert role in message
    assert not [f for f in check_text(message, lang) if f["kind"] in ("discrimination", "indirect", "vague")]
