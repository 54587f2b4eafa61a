"""The course key under which the profile summary is shared, and the download file names."""
from types import SimpleNamespace

from opaque_keys.edx.keys import UsageKey

from recruitment_core.sharing import build_profile_summary as shared_entry
from xblock_layer.downloads import ascii_slug, slug
from xblock_layer.shared_fields import NO_COURSE, course_key

from .samples import filled_profile


def fake_block(usage_id, runtime=None):
    return SimpleNamespace(scope_ids=SimpleNamespace(usage_id=usage_id), runtime=runtime or SimpleNamespace())


def test_course_key_from_an_lms_usage_key():
    usage = UsageKey.from_string("block-v1:Org+Rekrytering+2026+type@kravprofil+block@abc")
    assert course_key(fake_block(usage)) == "course-v1:Org+Rekrytering+2026"


def test_course_key_from_the_runtime_then_workbench():
    assert course_key(fake_block("u1", SimpleNamespace(course_id="course-v1:A+B+C"))) == "course-v1:A+B+C"
    assert course_key(fake_block("kravprofil.kravprofil.d0.u0")) == NO_COURSE == "workbench"


def test_shared_entry_has_only_the_contract_keys():
    entry = shared_entry(filled_profile(), "2026-01-01T00:00:00+00:00")
    assert set(entry) == {"version", "role", "competencies", "requirements", "updated"}
    assert set(entry["requirements"][0]) == {"text", "category", "must"}


def test_file_name_slugs():
    assert slug("Ekonomiassistent i Örebro!", "x") == "ekonomiassistent-i-örebro"
    assert ascii_slug("ekonomiassistent-i-örebro", "x") == "ekonomiassistent-i-orebro"
    assert slug("   ", "kravprofil") == "kravprofil"
    assert ascii_slug("日本語", "annons") == "annons"
    assert len(slug("a" * 500, "x")) == 60
    assert slug('"; filename=evil.exe', "x") == "filename-evil-exe"
