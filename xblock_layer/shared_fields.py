"""Fields that several blocks declare in common, declared once here, and the course key they are filed under.

``Scope.user_info`` is per learner across all blocks (the workbench keys it by field name only, the LMS by
learner): two blocks share a value by declaring a field of the same name and scope. Each such field is a dict
keyed by course id, so one learner's work in two courses stays apart::

    class InterviewGuideXBlock(ProfileSummaryField, XBlock):
        ...
            from recruitment_core.sharing import read_profile_summary, SummaryError
            summary = read_profile_summary(self.course_entry("kravprofil_shared"))   # None: nothing shared yet
"""
from xblock.core import XBlockMixin
from xblock.fields import Dict, Scope

NO_COURSE = "workbench"


def course_key(block):
    """The course id of ``block`` as a string, from its usage key (LMS/Studio) or the runtime; else ``workbench``."""
    usage_id = getattr(block.scope_ids, "usage_id", None)
    key = getattr(usage_id, "course_key", None) or getattr(block.runtime, "course_id", None)
    if key is None:
        return NO_COURSE
    # A library or a detached key has no course run; its string form still identifies the context.
    return str(key)


class CourseKeyedFieldsMixin:
    """Read and write this course's entry of a course-keyed ``user_info`` dict field."""

    def course_entry(self, field_name):
        """This course's entry of the field (``None`` when there is none)."""
        value = getattr(self, field_name) or {}
        return value.get(course_key(self)) if isinstance(value, dict) else None

    def set_course_entry(self, field_name, entry):
        """Store ``entry`` as this course's entry, keeping the other courses' entries."""
        value = getattr(self, field_name) or {}
        value = dict(value) if isinstance(value, dict) else {}
        value[course_key(self)] = entry
        setattr(self, field_name, value)


class ProfileSummaryField(CourseKeyedFieldsMixin, XBlockMixin):
    """``kravprofil_shared``: the kravprofil block's summary per course (built and read by
    ``recruitment_core.sharing``; the kravprofil block writes it, the interview guide reads it)."""

    kravprofil_shared = Dict(
        default={}, scope=Scope.user_info,
        help="Summary for the interview-guide block, keyed by course id (see docs/contracts.md).")
    kravprofil_shelf = Dict(
        default={}, scope=Scope.user_info,
        help="Each kravprofil block's summary, keyed by course id, then by block (recruitment_core.sharing).")
