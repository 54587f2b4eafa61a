"""student_view: the page's DOM hooks, the embedded state (escaped JSON), languages and payload size."""
import json
import re

import pytest
import webob
from django.utils import translation
from lxml import html as lxml_html

from kravprofil_xblock.block import DEFAULT_REQUIRED_SECTIONS
from recruitment_core.framework import load_default_framework

from .samples import HOSTILE, filled_profile, with_competencies

DATA_RE = re.compile(r'<script type="application/json" class="kp-data">(.*?)</script>', re.S)


def embedded(html):
    match = DATA_RE.search(html)
    assert match, "no kp-data script in the page"
    return json.loads(match.group(1))


def test_page_has_the_contract_hooks(block):
    frag = block.student_view()
    doc = lxml_html.fromstring(frag.content)
    assert "kravprofil-block" in doc.get("class").split()
    status = doc.xpath('//*[@class="kp-save-status"]')[0]
    assert status.get("role") == "status" and status.get("aria-live") == "polite"
    # The conflict dialog and the recovery area are built by the shared module (XBlockLayer) when needed.
    assert not doc.xpath('//*[contains(@class, "kp-conflict")]')
    strings = embedded(frag.content)["strings"]
    assert strings["saving"] == "Sparar…" and "keep_mine" not in strings   # the dialog's come with its file
    for action in ("save", "add-task", "add-requirement", "draft-ad", "print"):
        assert doc.xpath(f'//*[@data-action="{action}"]'), action
    assert doc.xpath('//a[@data-download="kravprofil"]') and doc.xpath('//a[@data-download="ad"]')
    assert doc.xpath('//ul[@class="kp-advice"]')
    # The simple fields come as one list the script builds (label, help, maxlength, widget), each into its
    # section's fieldset (the browser tests check the built labels; axe checks that every field has one).
    form = embedded(frag.content)["form"]
    assert list(form) == ["basics", "purpose", "conditions", "process", "ad"]
    names = [f"{section}.{f[0]}" for section, fields in form.items() for f in fields]
    assert len(names) == len(set(names)) == 24
    for name in ("basics.role", "purpose.goals", "conditions.salary", "process.candidate_info", "ad.title"):
        assert name in names
    for section, fields in form.items():
        assert doc.xpath(f'//fieldset[@data-section="{section}"]/legend'), section
        for key, label, help_text, maxlength, textarea in fields:
            assert label and isinstance(help_text, str) and maxlength > 0 and textarea in (0, 1), key
    assert not doc.xpath('//*[contains(@data-field, ".")]')  # no field twice
    # Row templates hold the row hooks.
    tpl = frag.content
    for hook in ('class="kp-task', 'data-action="remove-task"', 'class="kp-req', 'data-field="category"',
                 'data-field="must"', 'data-field="weight"', 'data-field="why"', 'data-field="assessment"',
                 'data-field="stage"', 'data-field="level"', 'data-action="remove-requirement"',
                 'class="kp-comp', 'data-field="priority"'):
        assert hook in tpl, hook
    assert frag.js_init_fn == "KravprofilBlock"
    assert not frag.json_init_args  # no learner data through initialize_js


def test_state_is_embedded_and_escaped(block):
    profile = filled_profile(role=HOSTILE)
    profile["purpose"]["goals"] = "a & b <b>fet</b> \u2028 slut"
    block.profile = profile
    block.revision = 4
    html = block.student_view().content
    assert HOSTILE not in html
    assert "<img" not in html
    data = embedded(html)
    assert data["profile"]["basics"]["role"] == HOSTILE
    assert data["profile"]["purpose"]["goals"] == "a & b <b>fet</b> \u2028 slut"
    assert data["revision"] == 4
    assert data["max_competencies"] == 6
    assert "\\u003C/script\\u003E" in DATA_RE.search(html).group(1)


def test_only_one_script_element_and_it_is_json(block):
    block.profile = filled_profile(role=HOSTILE)
    html = block.student_view().content
    assert html.count("<script") == 1
    assert html.count("</script>") == 1


def test_authored_text_is_plain_text(make_block):
    block = make_block('<kravprofil display_name="Roll &lt;b&gt;" instructions="Rad 1&#10;&lt;i&gt;rad 2&lt;/i&gt;"/>')
    html = block.student_view().content
    assert "Roll &lt;b&gt;" in html
    assert "Rad 1<br>&lt;i&gt;rad 2&lt;/i&gt;" in html


def _framework_names(runtime, block, query):
    request = webob.Request.blank("/?" + query, method="GET")
    response = runtime.handle(block, "framework_data", request)
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("private")
    data = json.loads(response.body)
    return [c["name"] for cl in data["clusters"] for c in cl["competencies"]], data


def test_framework_and_strings_in_the_learners_language(runtime, block):
    fw = load_default_framework()
    comp = fw.competencies[0]
    data = embedded(block.student_view().content)
    assert data["framework_query"].endswith("&lang=sv")
    names, framework = _framework_names(runtime, block, data["framework_query"])
    assert comp.name["sv"] in names
    first = framework["clusters"][0]["competencies"][0]
    assert set(first["levels"]) == {"1", "2", "3", "4", "5"} and first["definition"]
    assert data["strings"]["saving"] == "Sparar…"
    with translation.override("en"):
        html = block.student_view().content
    data = embedded(html)
    assert data["framework_query"].endswith("&lang=en")
    assert comp.name["en"] in _framework_names(runtime, block, data["framework_query"])[0]
    assert data["strings"]["saving"] == "Saving…"
    assert 'lang="en"' in html and "Must-haves and merits" in html


def test_the_framework_brings_the_strings_the_page_leaves_out(runtime, block):
    """The page carries the strings its first paint needs (the layer's, advice, completion, saved time); the rest
    come with the cacheable framework, in the same language, and together they are every string of the script."""
    from kravprofil_xblock.view_context import js_strings  # pylint: disable=import-outside-toplevel

    for lang in ("sv", "en"):
        with translation.override(lang):
            data = embedded(block.student_view().content)
        fetched = _framework_names(runtime, block, data["framework_query"])[1]["strings"]
        page = data["strings"]
        assert not set(page) & set(fetched)
        assert {**page, **fetched} == js_strings(lang)
        for key in ("saving", "offline", "overflow", "goto", "suggestion", "missing", "saved_at", "framework_error"):
            assert key in page, key
        assert fetched["task_n"] == {"sv": "Arbetsuppgift %(n)s", "en": "Task %(n)s"}[lang]


def test_framework_query_changes_with_the_override(make_block):
    fw = load_default_framework()
    default = embedded(make_block().student_view().content)["framework_query"]
    override = fw.to_yaml()
    block = make_block()
    block.framework_override = override
    assert embedded(block.student_view().content)["framework_query"] != default


def test_swedish_page_text(block):
    html = block.student_view().content
    assert 'lang="sv"' in html
    for text in ("Grunduppgifter", "Kompetenser", "Skallkrav och meriterande", "Placering", "Lägg till ett krav", "Spara nu"):
        assert text in html


def test_advice_is_embedded(block):
    profile = filled_profile()
    profile["requirements"][0]["why"] = ""
    block.profile = profile
    data = embedded(block.student_view().content)
    kinds = [a["kind"] for a in data["advice"]]
    assert "missing_why" in kinds


def test_required_sections_note(make_block):
    block = make_block("""<kravprofil required_sections='["basics", "competencies"]'/>""")
    html = block.student_view().content
    assert "Grunduppgifter, Kompetenser" in html
    assert DEFAULT_REQUIRED_SECTIONS == ["basics", "purpose", "requirements", "competencies", "process"]


def test_render_through_the_runtime(runtime, block):
    frag = runtime.render(block, "student_view")
    assert "kravprofil-block" in frag.body_html()


def test_student_view_data_has_settings_not_state(block):
    block.profile = filled_profile(role="Hemlig roll")
    data = block.student_view_data()
    assert data["max_competencies"] == 6
    assert data["framework"]["clusters"][0]["competencies"][0]["levels"]
    assert "Hemlig roll" not in json.dumps(data)


def test_payload_under_40_kib(block):
    """HTML + JS + CSS of the learner's page, with a realistic filled state (a size budget: may fail)."""
    fw = load_default_framework()
    block.profile = with_competencies(filled_profile(), fw, 4)
    frag = block.student_view()
    size = len(frag.body_html().encode("utf-8"))
    size += sum(len(res.data.encode("utf-8")) for res in frag.resources if res.kind == "text")
    print(f"kravprofil student_view payload: {size / 1024:.1f} KiB")
    assert size < 40 * 1024


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_workbench_scenarios_parse_and_render(runtime, lang):
    from kravprofil_xblock.block import KravprofilXBlock  # pylint: disable=import-outside-toplevel
    from xblock.fields import ScopeIds  # pylint: disable=import-outside-toplevel

    scenarios = KravprofilXBlock.workbench_scenarios()
    assert len(scenarios) == 3
    for _, xml in scenarios:
        for inner in re.findall(r"<kravprofil[^>]*/>", xml):
            usage_id = runtime.parse_xml_string(inner)
            def_id = runtime.id_reader.get_definition_id(usage_id)
            block = runtime.construct_xblock("kravprofil", ScopeIds("s", "kravprofil", def_id, usage_id))
            with translation.override(lang):
                assert "kravprofil-block" in block.student_view().content
    usage_id = runtime.parse_xml_string(re.search(r"<kravprofil[^>]*/>", scenarios[1][1]).group(0))
    block = runtime.get_block(usage_id)
    assert block.max_competencies == 3
    assert block.required_sections == ["basics", "requirements", "competencies"]


def test_cached_advice_matches_fresh_advice(runtime, block):
    from recruitment_core.profile import profile_advice  # pylint: disable=import-outside-toplevel

    from recruitment_core import advice_cache  # pylint: disable=import-outside-toplevel

    profile = filled_profile()
    profile["requirements"][1]["assessment"] = ""
    block.profile = profile
    first = embedded(block.student_view().content)["advice"]
    again = embedded(block.student_view().content)["advice"]
    expected = [{k: v for k, v in item.items() if k in advice_cache.SHOWN_KEYS and v not in (None, "")}
                for item in profile_advice(profile, load_default_framework(), "sv", 6)]
    assert first == again == expected and first
    block.max_competencies = 1
    block.profile = with_competencies(filled_profile(), load_default_framework(), 2)
    kinds = [a["kind"] for a in embedded(block.student_view().content)["advice"]]
    assert "too_many_competencies" in kinds
    assert len(advice_cache._cache) <= advice_cache.CACHE_SIZE  # pylint: disable=protected-access


def test_field_limits_in_the_page_are_the_profiles_limits(runtime, block):
    """Every text field's maxlength is exactly what validate_profile accepts (one more character is refused)."""
    from recruitment_core.profile import ProfileError, empty_profile, validate_profile  # pylint: disable=C0415

    content = block.student_view().content
    doc = lxml_html.fromstring(content)
    fields = [(section, f[0], f[3]) for section, spec in embedded(content)["form"].items() for f in spec]
    assert len(fields) == 24
    for section, key, limit in fields:
        profile = empty_profile()
        profile[section][key] = "x" * limit
        validate_profile(profile)
        profile[section][key] = "x" * (limit + 1)
        with pytest.raises(ProfileError):
            validate_profile(profile)
    rows = doc.xpath('//template//*[@data-field][@maxlength]')
    assert {n.get("data-field") for n in rows} == {"text", "why", "assessment", "stage", "level"}
    for node in rows:
        profile = empty_profile()
        limit = int(node.get("maxlength"))
        if node.getparent().getparent().get("class", "").startswith("kp-task") or "task" in node.get("id"):
            profile["tasks"] = ["x" * limit]
            validate_profile(profile)
            profile["tasks"] = ["x" * (limit + 1)]
        else:
            profile["requirements"] = [{"text": "x", node.get("data-field"): "x" * limit}]
            validate_profile(profile)
            profile["requirements"][0][node.get("data-field")] = "x" * (limit + 1)
        with pytest.raises(ProfileError):
            validate_profile(profile)
    priority = doc.xpath('//template//*[@data-field="priority"]')[0]
    comp = {"id": "samarbete", "level": 3, "priority": int(priority.get("max"))}
    validate_profile(dict(empty_profile(), competencies=[comp]))
    with pytest.raises(ProfileError):
        validate_profile(dict(empty_profile(), competencies=[dict(comp, priority=comp["priority"] + 1)]))
