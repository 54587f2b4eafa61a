"""The in-memory course: what the readers produce and the OLX writer consumes.

Component HTML is already rendered and sanitized; problems carry a structured question; url_names
are final here (derived from source ids, never from positions).
"""
from dataclasses import dataclass, field


@dataclass
class HtmlComponent:
    url_name: str
    title: str
    html: str
    category = "html"


@dataclass
class VideoComponent:
    url_name: str
    title: str
    youtube_id: str = ""
    mp4_url: str = ""
    transcript_name: str = ""       # file name in static/, "" when none
    language: str = "sv"
    category = "video"


@dataclass
class Choice:
    text: str
    correct: bool = False
    feedback: str = ""              # shown when chosen (checkboxes: when selected)
    feedback_unselected: str = ""   # checkboxes only


@dataclass
class Question:
    id: str
    type: str                       # multiple_choice | checkboxes | dropdown | short_text
    prompt: str
    description: str = ""
    choices: list = field(default_factory=list)
    answers: list = field(default_factory=list)        # short_text: first is the main answer
    case_sensitive: bool = False
    correct_feedback: str = ""                          # short_text
    wrong_answers: list = field(default_factory=list)   # short_text: [Choice(text, feedback)]
    hints: list = field(default_factory=list)
    explanation: str = ""


@dataclass
class ProblemComponent:
    url_name: str
    title: str
    question: Question
    max_attempts: int
    weight: float
    showanswer: str
    category = "problem"


@dataclass
class CustomBlockComponent:
    url_name: str
    block_type: str
    fields: dict                     # field name -> serialized attribute value (str)
    title: str = ""
    scored: bool = False             # the block class reports a score (has_score)

    @property
    def category(self):
        return self.block_type


@dataclass
class Unit:
    url_name: str
    title: str
    kind: str                        # article | film | quiz | podcast | reflection | block | templates
                                     # | framework_pages
    source_id: str
    components: list = field(default_factory=list)
    has_media: bool = False          # films and podcasts
    template_count: int = 0          # templates pages: number of Word templates linked


@dataclass
class Lesson:
    url_name: str
    title: str
    graded_format: str = ""
    units: list = field(default_factory=list)
    graded_line: int = 0             # line of `graded:` in course.yaml, for messages


@dataclass
class Module:
    url_name: str
    title: str
    lessons: list = field(default_factory=list)


@dataclass
class Grader:
    type: str
    short_label: str
    weight: float
    drop_count: int = 0
    min_count: int = 0


@dataclass
class Course:
    title: str
    org: str
    number: str
    run: str
    language: str
    start: str                       # ISO 8601 UTC
    end: str = ""
    short_description: str = ""      # plain text, as Studio stores what is typed in its form
    self_paced: bool = True
    effort: str = ""                 # about/effort: plain text ("2 timmar i veckan")
    duration: str = ""               # about/duration: plain text ("4 veckor")
    overview_html: str = ""
    welcome_html: str = ""           # info/updates: the welcome update (sanitized HTML), "" when none
    handouts_html: str = ""          # info/handouts (sanitized HTML)
    course_image: str = ""           # name in static/, "" when none
    pass_cutoff: float = 0.5
    graders: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    static: dict = field(default_factory=dict)   # name in static/ -> bytes | pathlib.Path
    advanced_modules: list = field(default_factory=list)
    templates: int = 0

    def units(self):
        for module in self.modules:
            for lesson in module.lessons:
                yield from lesson.units
