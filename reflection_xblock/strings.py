"""Every string of the journal's pages (msgids in English; Swedish in conf/locale/sv)."""
from .i18n import _

# The Django templates.
PAGE = {
    "private": _("What you write here is private: only you can read it. Course staff see only whether and when "
                 "you wrote, never the text."),
    "shared": _("Course staff can read what you save here (the course's setting). Write nothing you do not want "
                "to share with them."),
    "your_answer": _("Your answer"),
    "commit": _("Save in my journal"),
    "save_status": _("Save status"),
    "followup": _("Follow-up"),
    "remind_label": _("Remind me to look back"),
    "remind_help": _("Pick the day you want to come back to the follow-up question. The course sends no "
                     "reminder: put the day in your calendar too."),
    "remind_save": _("Save the date"),
    "remind_clear": _("Remove the date"),
    "calendar": _("Add the day to my calendar (.ics)"),
    "downloads": _("Keep your journal"),
    "download_docx": _("Download my journal (Word)"),
    "download_md": _("Download my journal (Markdown)"),
    "download_help": _("The whole journal of this course: every exercise, with the dates you wrote."),
    "no_prompts": _("This exercise has no questions yet."),
    "course_intro": _("Everything you have written in the journal exercises of this course, by module. The texts "
                      "are private: only you can read them."),
    "loading": _("Loading your journal…"),
    "older": _("Show older entries"),
    "newer": _("Show newer entries"),
    "earlier_question": _("Earlier question"),
    "earlier_note": _("The course has changed this question since you answered it. Your text is kept."),
}

# The JavaScript (sent in the page's JSON, translated on the server).
JS = {
    # The save status, conflict dialog, counters and download guard come from xblock_layer.js_strings.
    "draft_kept": _("Draft kept automatically – not yet saved in your journal."),
    "draft_none": _("Nothing written yet."),
    "entry_saved": _("Saved in your journal %(time)s."),
    "committed": _("Saved in your journal. Earlier versions are kept below."),
    "committed_first": _("Saved in your journal."),  # the first version: there is no earlier one to point to
    "committed_same": _("Your journal already holds this text."),
    # A version is saved only on the button: say so when it could not be (the draft is kept and autosaved).
    "commit_offline": _("Not saved in your journal: the server could not be reached. Your text is still in the "
                        "box; press the button again when you are back online."),
    "pruned": _("To make room, the oldest version (%(date)s) was removed."),
    "prune_warning": _("This answer has %(max)s versions, the most that are kept. If you save again, the oldest "
                       "version (%(date)s) is removed – download your journal first if you want to keep it."),
    "pruned_before": _("%(n)s older versions were removed earlier to make room."),
    "too_short": _("At least %(min)s characters count as done (now %(n)s)."),
    "long_enough": _("Long enough to count as done."),
    "history_n": _("Versions (%(n)s)"),
    "version_at": _("Version of %(time)s"),
    "current": _("current"),
    "use_version": _("Copy this text into the box"),
    "history_failed": _("The earlier versions could not be loaded. Check the connection and open the list again."),
    "used_version": _("The earlier text is in the box. Save it to make it your current version."),
    "conflict_commit": _("The text was changed in another tab or window. Check the box and save again."),
    "resolve_first": _("Choose a version in the dialog first."),
    "complete": _("Done: every question has an answer of the minimum length."),
    "followup_open": _("The follow-up question is open."),
    "followup_opens": _("The follow-up question opens on %(date)s."),
    "followup_waiting": _("The follow-up question opens %(days)s days after you first save an answer here."),
    "date_saved": _("We have noted %(date)s. The follow-up question opens then."),
    "date_missing": _("Choose a date first."),
    "date_cleared": _("The date is removed. The follow-up opens %(days)s days after your first answer."),
    "page_of": _("Entries %(first)s–%(last)s of %(total)s, newest first by page, grouped by module."),
    "empty_journal": _("You have not written anything in your journal yet."),
    "loading_failed": _("The journal could not be loaded. Try again in a moment."),
}

# Errors of the handlers (the layer's 400/405/413 texts aside).
ERRORS = {
    "unknown_entry": _("This exercise has no question %(name)s."),
}
