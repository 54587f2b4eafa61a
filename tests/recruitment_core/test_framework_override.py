"""A block's framework override: blank or invalid means the default framework; errors are listed; cached."""
from recruitment_core.framework import load_default_framework
from recruitment_core.framework_override import framework_for, framework_version, override_errors


def test_blank_and_invalid_overrides_give_the_default_framework():
    default = load_default_framework()
    assert framework_for("") is default and framework_for("  \n") is default
    assert framework_for("- bara\n- en lista\n") is default     # an OLX import could bring one; logged, not raised


def test_errors_of_an_override_are_listed():
    assert override_errors("") == [] and override_errors(None) == []
    errors = override_errors("- bara\n- en lista\n")
    assert errors and all(isinstance(error, str) and error.startswith("framework_override") for error in errors)


def test_a_valid_override_is_parsed_once_and_fingerprinted():
    text = load_default_framework().to_yaml()
    assert override_errors(text) == []
    assert framework_for(text) is framework_for(text) and framework_for(text) is not load_default_framework()
    assert framework_version(text) != framework_version("") and len(framework_version(text)) == 12
