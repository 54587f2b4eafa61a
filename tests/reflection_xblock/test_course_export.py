"""The course export writes journal blocks with settings the block's own Studio check accepts."""
from course_export import custom_blocks
from course_export.errors import ErrorList
from course_export.yaml_lines import load_yaml


def _read(text):
    errors = ErrorList()
    data = load_yaml(text, "b.yaml", errors)
    return custom_blocks.read_block(data, "b.yaml", errors), [e.render("en") for e in errors]


def test_a_journal_block_in_a_course_source_becomes_olx_attributes():
    result, errors = _read(
        "type: reflection_journal\ndisplay_name: Reflektion 1\nmodule_name: Modul 1\nmin_length: 80\n"
        "prompts:\n  - text: Vad tar du med dig?\n    guidance: Tänk konkret.\n"
        "followup_prompt: Vad har du använt?\nfollowup_days: 30\nshare_with_staff: false\n")
    assert errors == []
    block_type, attrs, title = result
    assert block_type == "reflection_journal" and title == "Reflektion 1"
    assert attrs["prompts"] == '[{"guidance": "Tänk konkret.", "text": "Vad tar du med dig?"}]'
    assert attrs["min_length"] == "80" and attrs["share_with_staff"] == "false"


def test_the_export_refuses_what_studio_refuses():
    _, errors = _read("type: reflection_journal\ndisplay_name: R\nprompts: [{text: ''}]\nview: print\n"
                      "followup_days: 9999\n"
                      "module_name: " + "m" * 300 + "\n")
    refusals = [e for e in errors if "refuses its settings" in e]
    assert len(refusals) == 4, errors
    assert any("Module (for My journal)" in e for e in refusals), refusals
    _, errors = _read("type: reflection_journal\ndisplay_name: R\njournal: {}\n")  # learner state is no setting
    assert any("unknown field 'journal'" in e for e in errors), errors
