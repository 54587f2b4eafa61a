"""The form, the Word documents and the print view name every section and field with the same words."""
import pytest

from kravprofil_xblock.view_context import categories, page_strings, section_titles, simple_sections
from recruitment_core.profile import SECTIONS
from recruitment_core.profile_text import CATEGORY_LABELS, FIELD_LABELS, SECTION_TITLES


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_form_labels_come_from_the_one_source(lang):
    for section, spec in simple_sections(lang).items():
        assert spec["title"] == SECTION_TITLES[section][lang]
        for field in spec["fields"]:
            assert field["label"] == FIELD_LABELS[field["field"]][lang], field["field"]
    strings = page_strings(lang)
    for key in ("text", "category", "must", "weight", "why", "assessment", "stage", "level"):
        assert strings[f"req_{key}"] == FIELD_LABELS[f"requirements.{key}"][lang]
    assert dict(categories(lang)) == {cat: CATEGORY_LABELS[cat][lang] for cat in CATEGORY_LABELS}
    assert section_titles(lang, SECTIONS) == [SECTION_TITLES[s][lang] for s in SECTIONS]


def test_swedish_labels_use_the_course_vocabulary():
    labels = [v["sv"] for v in FIELD_LABELS.values()] + [v["sv"] for v in SECTION_TITLES.values()]
    text = " | ".join(labels)
    for avoided in ("Placeringsort", "Meriter ", "Nyckelkompetenser", "Process och tidsplan", "Ska-krav", "CEFR",
                    "om någon"):
        assert avoided not in text + " "
    for used in ("Placering", "Meriterande", "Kompetenser", "Process och kontakt", "Skallkrav", "GERS"):
        assert used in text
