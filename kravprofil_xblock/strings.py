"""Every string the block shows, as English msgids (Swedish lives in the catalogue).

``PAGE`` goes to the Django template, ``JS`` to the browser inside the page's JSON (after the layer's own strings:
save status, conflict dialog, counters, see ``xblock_layer.js_strings``), ``ERRORS`` to handler
answers. ``FORM`` describes the simple fields of each section (label and help text).
"""
from .i18n import _

PAGE = {
    "default_instructions": _(
        "Describe the role step by step: why it exists, what the person will do, which requirements really "
        "matter and how you will assess them. Your work is saved automatically while you write."),
    "save": _("Save now"),
    "form_label": _("Requirement profile"),
    "tasks_help": _("The most important tasks, one per row. Start with the one that takes the most time."),
    "task": _("Task"),
    "add_task": _("Add a task"),
    "remove_task": _("Remove task"),
    "requirements_help": _(
        "For each requirement: why the job needs it and how and when you will assess it. "
        "Keep must-haves few; everything else is a merit."),
    "requirement": _("Requirement"),
    "req_text": _("Requirement"),
    "req_category": _("Category"),
    "req_must": _("Must-have (otherwise a merit)"),
    "req_weight": _("Weight (1 = low, 5 = high)"),
    "req_why": _("Why does the job need it?"),
    "req_assessment": _("How will it be assessed?"),
    "req_stage": _("At which stage?"),
    "req_level": _("Level, if any (for a language e.g. CEFR B2)"),
    "add_requirement": _("Add a requirement"),
    "remove_requirement": _("Remove requirement"),
    "cat_education": _("Education"),
    "cat_experience": _("Experience"),
    "cat_knowledge": _("Knowledge"),
    "cat_language": _("Language"),
    "cat_certificate": _("Certificate or licence"),
    "cat_personal": _("Personal competency"),
    "competencies_help": _(
        "Choose the competencies that matter most for success in the role, the level needed and a priority "
        "(1 = most important)."),
    "comp_level": _("Level needed (1–5)"),
    "comp_priority": _("Priority"),
    "chosen_competencies": _("Chosen competencies"),
    "advice": _("Advice"),
    "advice_help": _("Advice appears while you write. It never stops you from saving."),
    "no_advice": _("No advice right now."),
    "ad_help": _(
        "Draft the ad from your profile, then edit it. The same wording advice applies to the ad."),
    "draft_ad": _("Draft the ad from the profile"),
    "draft_confirm": _("The ad already contains your own text. Replace it with a new draft?"),
    "draft_replace": _("Replace the ad text"),
    "draft_cancel": _("Keep my ad text"),
    "documents": _("Documents"),
    "documents_help": _("Download as Word documents (the saved version) or open a print-friendly page."),
    "download_kravprofil": _("Download the requirement profile (Word)"),
    "download_ad": _("Download the job ad (Word)"),
    "print": _("Print-friendly view (opens in a new tab)"),
    "required_note": _("Sections needed to complete this step: %(sections)s."),
}

SECTION_TITLES = {
    "basics": _("Basic data"),
    "purpose": _("Purpose and goals for the first 12 months"),
    "tasks": _("Main tasks"),
    "requirements": _("Requirements"),
    "competencies": _("Key competencies"),
    "conditions": _("Practical conditions"),
    "process": _("Recruitment process"),
    "ad": _("Job ad"),
}

CATEGORIES = ("education", "experience", "knowledge", "language", "certificate", "personal")

# section -> [(key, widget, label, help)]
FORM = {
    "basics": [
        ("role", "input", _("Role title"), ""),
        ("team", "input", _("Team or unit"), ""),
        ("employment", "input", _("Form of employment"), _("For example permanent, fixed-term, part-time.")),
        ("location", "input", _("Location"), ""),
        ("remote", "input", _("Remote work"), _("For example: two days a week from home.")),
    ],
    "purpose": [
        ("purpose", "textarea", _("Why does the role exist?"), _("What should be different because this person "
                                                                  "is here?")),
        ("goals", "textarea", _("Goals for the first 12 months"), _("Concrete results you will be able to "
                                                                     "follow up.")),
    ],
    "conditions": [
        ("salary", "input", _("Salary"), ""),
        ("hours", "input", _("Working hours"), ""),
        ("start", "input", _("Start date"), ""),
        ("travel", "input", _("Travel"), ""),
        ("other", "textarea", _("Other conditions"), ""),
    ],
    "process": [
        ("steps", "textarea", _("Steps of the process"), _("For example: screening, phone screen, "
                                                            "work sample, interviews, references.")),
        ("candidate_info", "textarea", _("What candidates are told, and when"),
         _("When they get an answer after applying and after each step.")),
        ("timeline", "textarea", _("Timeline"), ""),
        ("contact", "input", _("Contact person"), ""),
    ],
    "ad": [
        ("title", "input", _("Headline"), ""),
        ("company", "textarea", _("About the organisation"), ""),
        ("intro", "textarea", _("Introduction"), ""),
        ("tasks", "textarea", _("Tasks"), ""),
        ("must", "textarea", _("Requirements"), ""),
        ("merits", "textarea", _("Merits"), ""),
        ("offer", "textarea", _("What we offer"), ""),
        ("process", "textarea", _("Process and timeline"), ""),
    ],
}

JS = {
    "task_n": _("Task %(n)s"),
    "remove_task_n": _("Remove task %(n)s"),
    "requirement_n": _("Requirement %(n)s"),
    "remove_requirement_n": _("Remove requirement %(n)s"),
    "remove_competency": _("Remove %(name)s"),
    "too_many": _("You have chosen %(count)s competencies; at most %(max)s are recommended. "
                  "Fewer, well-chosen competencies are easier to assess."),
    "goto": _("Go to the field"),
    "suggestion": _("Suggestion: %(text)s"),
    "drafting": _("Drafting the ad…"),
    "drafted": _("The ad draft is ready below. Edit it freely."),
    "framework_error": _("The list of competencies could not be loaded."),
    "framework_retry": _("Try again"),
    "saved_at": _("Last saved %(time)s."),
    "missing": _("Still to fill in to complete this step: %(sections)s."),
    "complete": _("Every section this step needs is filled in."),
    "placeholder_warning": _("The ad still contains %(placeholder)s. Replace the placeholders, or choose the "
                             "download again to download it anyway."),
}

# The ad step (Studio setting step = "ad"): the same learner's profile from the earlier block, read-only here.
AD_STEP = {
    "ad_complete_missing": _("Still to write in the ad: %(sections)s."),
    "ad_complete": _("The ad has every part and no placeholder is left."),
    "ad_step_note": _("The requirement profile below comes from the earlier step of the course and is shown "
                      "read-only; change it there. Here you write and download the job ad."),
    "ad_step_empty": _("There is no requirement profile from the earlier step yet. Write it there first, then "
                       "come back: the ad is drafted from it."),
}


ERRORS = {
    "bad_revision": _("The revision must be a whole number of 0 or more."),
    "conflict": _("The profile was saved from another tab or window (version %(revision)s). Choose which "
                  "version to keep; nothing has been overwritten."),
    "invalid_profile": _("The profile could not be saved: %(problem)s"),
    "too_large": _("The profile is too large to be saved (at most %(kb)s KB)."),
    "framework_invalid": _("The competency framework override is invalid:"),
    "framework_too_large": _("The competency framework override is too large (at most %(kb)s KB)."),
    "max_range": _("The maximum number of competencies must be between 1 and 20."),
    "sections_unknown": _("Unknown section in the required sections: %(name)s."),
    "sections_empty": _("Choose at least one required section."),
    "step": _("The step must be profile or ad."),
}
