"""The block's own strings (English msgids, Swedish in conf/locale/sv). Labels shared with the Word documents and
the print view come from ``recruitment_core.guide_text`` (one source for the same field everywhere)."""
from .i18n import _

STUDIO = {
    "display_name": _("Display name"),
    "display_name_help": _("The title learners see above the block."),
    "guide_type": _("Guide type"),
    "guide_type_help": _("Interview guide, phone screen, reference check, or rating practice."),
    "interview": _("Interview guide"),
    "phone_screen": _("Phone screen"),
    "reference_check": _("Reference check"),
    "practice": _("Rating practice"),
    "planned_minutes": _("Planned length (minutes)"),
    "planned_minutes_help": _("The learner is told when the guide is longer than this (10–180)."),
    "instructions": _("Instructions"),
    "instructions_help": _("Shown above the guide as plain text. Empty: the built-in instructions."),
    "bank": _("Question bank (override)"),
    "bank_help": _("YAML or JSON that extends (mode: extend) or replaces (mode: replace) the built-in question "
                   "bank. Every error is listed; an invalid text is not saved."),
    "practice_case": _("Practice case"),
    "practice_case_help": _("For rating practice: YAML or JSON with title, answer (the candidate's answer or a "
                            "film transcript), question (optional bank id) and ratings (competency, score 1–5 or na "
                            "for not assessed, reasons)."),
}

PAGE = {
    "instructions": _("Build the guide you take into a real interview: start from your requirement profile, pick "
                      "a question for each competency, and rate the candidate against the anchors afterwards."),
    # The built-in instructions, one per guide type (the interview's is "instructions").
    "instructions_phone_screen": _("Build the guide for a short phone screen: the must-have requirements, motivation, "
                                   "notice period, location, the pay range and the next steps – the same questions, "
                                   "in the same order, for every candidate."),
    "instructions_reference_check": _("Build the guide for your reference calls: ask each referee for concrete "
                                      "situations that show the competencies of your requirement profile, and call "
                                      "only referees the candidate knows about and has approved."),
    "instructions_practice": _("Practise rating: read a candidate's answer, rate it against the anchors on your "
                               "own, and then compare your rating with an expert's."),
    "save": _("Save"),
    "loading": _("Loading the question bank…"),
    "bank_error": _("The question bank could not be loaded."),
    "retry": _("Try again"),
    "profile": _("Requirement profile"),
    "chosen": _("Competencies to assess"),
    "bank": _("Question bank"),
    "search": _("Search"),
    "filter_competency": _("Competency"),
    "filter_type": _("Type"),
    "all": _("All"),
    "guide": _("Your guide"),
    "own_question": _("Write your own question"),
    "add_own": _("Add own question"),
    "advice": _("Advice"),
    "scoring": _("Scoring sheet"),
    "add_interviewer": _("Add interviewer"),
    "downloads": _("Documents"),
    "download_guide": _("Download the guide (Word)"),
    "download_sheet": _("Download the scoring sheet (Word)"),
    "print": _("Print view"),
    "practice_intro": _("Read the candidate's answer and rate it on your own first. Then compare with the expert."),
    "practice_submit": _("Hand in my rating and compare"),
}

JS = {  # the save status, conflict dialog, counters and download guard: xblock_layer.js_strings
    "add": _("Add"),
    "name": _("Name"),
    "added": _("In the guide"),
    "remove": _("Remove"),
    "up": _("Move up"),
    "down": _("Move down"),
    "reword": _("Your wording (empty: the bank's text)"),
    "question_n": _("Question %(n)s"),
    "level": _("level %(n)s"),
    "no_match": _("No question matches."),
    "shown": _("Questions shown: %(n)s"),
    "estimate": _("Estimated %(minutes)s of %(planned)s minutes"),
    "follow_ups": _("Follow-up questions"),
    "rating_of": _("Rating of %(name)s"),
    "evidence_of": _("Evidence for %(name)s"),
    "submit": _("I have rated on my own – hand in"),
    "reopen": _("Change my rating"),
    "hidden": _("The others' ratings are hidden until everyone has handed in."),
    "interviewer_n": _("Interviewer %(n)s"),
    "remove_interviewer": _("Remove %(name)s"),
    "choose": _("– choose –"),
    "compare": _("Compare with the expert"),
    "profile_role": _("%(title)s: %(role)s"),
    "rate_as": _("Rate as %(name)s"),
    "removed": _("Removed: %(text)s "),
    "undo": _("Put it back"),
    "part_items": _("Questions"),
    "part_competencies": _("Competencies to assess"),
    "part_interviewers": _("Interviewers"),
    "part_practice": _("Your rating"),
    "part_profile_key": _("Requirement profile"),
    "no_advice": _("No advice right now."),
    "must_haves": _("Must-have requirements"),
    "use_profile": _("Use the profile's competencies"),
    "bad_profile": _("The saved requirement profile could not be read. Choose the competencies yourself."),
    "no_profile": _("No saved requirement profile was found in this course. Choose the competencies yourself."),
    "choose_profile": _("Which requirement profile is the guide for?"),
    "minutes_range": _("Give 0–30 minutes. Saved now: %(n)s minutes."),
}

ERRORS = {
    "bad_revision": _("The revision must be a whole number of 0 or more."),
    "conflict": _("The guide was saved from another tab or window (version %(revision)s). Choose which version to "
                  "keep; nothing has been overwritten."),
    "invalid_guide": _("The guide could not be saved: %(problem)s"),
    "too_large": _("The guide is too large to be saved (at most %(kb)s KB)."),
    "method": _("This address only accepts %(method)s requests."),
    "bank_invalid": _("The question bank override is invalid:"),
    "case_invalid": _("The practice case is invalid:"),
    "case_missing": _("Rating practice needs a practice case."),
    "minutes_range": _("The planned length must be between 10 and 180 minutes."),
    "type_unknown": _("Unknown guide type: %(name)s."),
}
