"""Quizzes: read a quiz YAML file into questions, and write each question as a CAPA problem.

Question types: multiple_choice (exactly one correct choice), checkboxes (one or more correct),
dropdown (exactly one correct option), short_text (one or more accepted answers). Feedback per
choice, hints (shown on demand), an explanation (shown with the answer), attempts and weight.
"""
import lxml.html
from lxml import etree

from course_export.model import Choice, Question
from course_export.schema import Fields, check_id, item_line

QUESTION_TYPES = ("multiple_choice", "checkboxes", "dropdown", "short_text")
SHOWANSWER = ("always", "answered", "attempted", "closed", "finished", "past_due", "never",
              "correct_or_past_due", "after_all_attempts", "after_all_attempts_or_correct", "attempted_no_past_due")

QUIZ_SPEC = {
    "title": (str, True), "intro": (str, False), "attempts": (int, False), "weight": ((int, float), False),
    "showanswer": (str, False), "questions": (list, True),
}
QUESTION_SPEC = {
    "id": (str, True), "type": (str, True), "prompt": (str, True), "description": (str, False),
    "choices": (list, False), "answers": (list, False), "case_sensitive": (bool, False),
    "correct_feedback": (str, False), "wrong_answers": (list, False), "hints": (list, False),
    "explanation": (str, False), "attempts": (int, False), "weight": ((int, float), False),
}
CHOICE_SPEC = {"text": (str, True), "correct": (bool, False), "feedback": (str, False),
               "feedback_unselected": (str, False)}
WRONG_SPEC = {"text": (str, True), "feedback": (str, True)}   # a wrong answer exists for its feedback


class Rich(str):
    """A quiz text as the author wrote it; ``html`` is its Markdown rendered and sanitized (None for plain
    text, which is written as it is)."""
    html = None


def _no_markdown(text, line, block=False):
    return None


class Quiz:
    def __init__(self, title, intro, attempts, weight, showanswer, questions):
        self.title = title
        self.intro = intro
        self.attempts = attempts
        self.weight = weight
        self.showanswer = showanswer
        self.questions = questions        # [(Question, attempts, weight)]


def read_quiz(data, shown, errors, markdown=None):
    """Check a parsed quiz file; returns a Quiz (possibly partial) — errors go to ``errors``.

    ``markdown(text, line, block=False)`` renders a text field's Markdown (inline: emphasis, links, code;
    ``block`` for the explanation) and returns HTML, or None for text without Markdown."""
    markdown = markdown or _no_markdown
    quiz = Fields(data, QUIZ_SPEC, shown, errors, "quiz")
    attempts = quiz.number("attempts", 2, 1, 100)
    weight = quiz.number("weight", 1, 0, 100, integer=False)
    showanswer = quiz.text("showanswer", "finished")
    if showanswer not in SHOWANSWER:
        errors.add(shown, quiz.line("showanswer"), "bad_choice", field="showanswer", value=showanswer,
                   allowed=", ".join(SHOWANSWER))
    questions = []
    raw = quiz.get("questions", [])
    if isinstance(raw, list) and not raw and "questions" in quiz.data:
        errors.add(shown, quiz.line("questions"), "empty_list", field="questions")
    seen = {}
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        q = Fields(item, QUESTION_SPEC, shown, errors, "question", line=item_line(raw, index))
        if not q.ok and not isinstance(item, dict):
            continue
        qid = check_id(q.get("id"), shown, q.line("id"), errors) if q.get("id") is not None else None
        duplicate = bool(qid and qid in seen)
        if duplicate:
            errors.add(shown, q.line("id"), "duplicate_id", id=qid, other=f"{shown}:{seen[qid]}")
        elif qid:
            seen[qid] = q.line("id")
        question = _read_question(q, shown, errors, qid or f"q{index + 1}", markdown)
        if question and not duplicate:   # checked, but not kept: its url_name would clash (reported once)
            questions.append((question, q.number("attempts", attempts, 1, 100),
                              q.number("weight", weight, 0, 100, integer=False)))
    return Quiz(quiz.text("title"), quiz.text("intro"), attempts, weight, showanswer, questions)


def _rich(markdown, text, line, block=False):
    value = Rich(text)
    if text:
        value.html = markdown(text, line + ("\n" in text), block)
    return value


def _plain(value):
    """The text a learner sees of a rich value (a dropdown option is plain text: it is graded by it)."""
    if getattr(value, "html", None) is None:
        return str(value)
    return lxml.html.fragment_fromstring(value.html, create_parent="div").text_content()


def _read_question(q, shown, errors, qid, markdown=_no_markdown):
    qtype = q.text("type")
    if qtype not in QUESTION_TYPES:
        if q.get("type") is not None:
            errors.add(shown, q.line("type"), "bad_choice", field="type", value=qtype,
                       allowed=", ".join(QUESTION_TYPES))
        return None

    def rich(fields, key, block=False):
        return _rich(markdown, fields.text(key), fields.line(key), block)

    raw_hints = q.get("hints", [])
    hints = [_rich(markdown, hint, raw_hints.line_of(index) if hasattr(raw_hints, "line_of") else q.line("hints"))
             for index, hint in enumerate(_text_list(q, "hints", shown, errors))]
    question = Question(id=qid, type=qtype, prompt=rich(q, "prompt"), description=rich(q, "description"),
                        hints=hints, explanation=rich(q, "explanation", block=True))
    fields_for_type = {"short_text": {"answers", "case_sensitive", "correct_feedback", "wrong_answers"}}
    allowed_here = fields_for_type.get(qtype, {"choices"})
    for key in ("choices", "answers", "case_sensitive", "correct_feedback", "wrong_answers"):
        if key in q.data and key not in allowed_here:
            errors.add(shown, q.line(key), "field_not_for_type", field=key, type=qtype)
    if qtype == "short_text":
        question.answers = _text_list(q, "answers", shown, errors)
        if not question.answers:
            errors.add(shown, q.line(), "quiz_no_correct", question=qid, type=qtype)
        question.case_sensitive = bool(q.get("case_sensitive", False))
        question.correct_feedback = rich(q, "correct_feedback")
        same = (lambda text: text) if question.case_sensitive else str.casefold
        accepted = {same(answer) for answer in question.answers}
        wrong = q.get("wrong_answers", [])
        for index, item in enumerate(wrong if isinstance(wrong, list) else []):
            w = Fields(item, WRONG_SPEC, shown, errors, "wrong answer", line=item_line(wrong, index))
            if w.ok and same(w.text("text")) in accepted:   # Studio would grade it right, feedback unseen
                errors.add(shown, w.line("text"), "quiz_wrong_is_accepted", question=qid, text=w.text("text"))
            elif w.ok:
                question.wrong_answers.append(Choice(w.text("text"), False, rich(w, "feedback")))
        return question
    raw = q.get("choices", [])
    texts = set()
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        c = Fields(item, CHOICE_SPEC, shown, errors, "choice", line=item_line(raw, index))
        if not c.ok:
            continue
        text = rich(c, "text")
        if qtype == "dropdown":
            text = Rich(_plain(text).strip())
        if _plain(text) in texts:     # a dropdown is graded by the text: a wrong copy would count as right
            errors.add(shown, c.line("text"), "quiz_duplicate_choice", question=qid, text=c.text("text"))
        texts.add(_plain(text))
        if "feedback_unselected" in c.data and qtype != "checkboxes":
            errors.add(shown, c.line("feedback_unselected"), "field_not_for_type",
                       field="feedback_unselected", type=qtype)
        question.choices.append(Choice(text, bool(c.get("correct", False)), rich(c, "feedback"),
                                       rich(c, "feedback_unselected")))
    correct = sum(1 for choice in question.choices if choice.correct)
    if len(question.choices) < 2:
        errors.add(shown, q.line("choices") if "choices" in q.data else q.line(), "quiz_few_choices",
                   question=qid)
    if correct == 0:
        errors.add(shown, q.line(), "quiz_no_correct", question=qid, type=qtype)
    elif correct > 1 and qtype != "checkboxes":
        errors.add(shown, q.line(), "quiz_many_correct", question=qid, type=qtype)
    return question


def _text_list(q, key, shown, errors):
    raw = q.get(key, [])
    result = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(item, str) and item.strip():
            result.append(item.strip())
        else:
            errors.add(shown, raw.line_of(index), "wrong_type", field=key, expected="text")
    return result


# ---------------------------------------------------------------- CAPA writing

def problem_element(problem):
    """The ``<problem>`` element of one question (lxml escapes every text)."""
    q = problem.question
    root = etree.Element("problem", display_name=problem.title, max_attempts=str(problem.max_attempts),
                         weight=_num(problem.weight), showanswer=problem.showanswer)
    if q.type == "multiple_choice":
        response = etree.SubElement(root, "multiplechoiceresponse")
        _label(response, q)
        group = etree.SubElement(response, "choicegroup", type="MultipleChoice")
        for choice in q.choices:
            el = _choice(group, "choice", choice)
            if choice.feedback:
                _put(etree.SubElement(el, "choicehint"), choice.feedback)
    elif q.type == "checkboxes":
        response = etree.SubElement(root, "choiceresponse")
        _label(response, q)
        group = etree.SubElement(response, "checkboxgroup")
        for choice in q.choices:
            el = _choice(group, "choice", choice)
            if choice.feedback:
                _put(etree.SubElement(el, "choicehint", selected="true"), choice.feedback)
            if choice.feedback_unselected:
                _put(etree.SubElement(el, "choicehint", selected="false"), choice.feedback_unselected)
    elif q.type == "dropdown":
        response = etree.SubElement(root, "optionresponse")
        _label(response, q)
        group = etree.SubElement(response, "optioninput")
        for choice in q.choices:
            el = _choice(group, "option", choice, true="True", false="False")
            if choice.feedback:
                _put(etree.SubElement(el, "optionhint"), choice.feedback)
    else:
        response = etree.SubElement(root, "stringresponse", answer=q.answers[0] if q.answers else "",
                                    type="cs" if q.case_sensitive else "ci")
        _label(response, q)
        if q.correct_feedback:
            _put(etree.SubElement(response, "correcthint"), q.correct_feedback)
        for extra in q.answers[1:]:
            add = etree.SubElement(response, "additional_answer", answer=extra)
            if q.correct_feedback:
                _put(etree.SubElement(add, "correcthint"), q.correct_feedback)
        for wrong in q.wrong_answers:
            _put(etree.SubElement(response, "stringequalhint", answer=wrong.text), wrong.feedback)
        etree.SubElement(response, "textline", size="40")
    if q.explanation:
        solution = etree.SubElement(root, "solution")
        div = etree.SubElement(solution, "div", {"class": "detailed-solution"})   # styled by the LMS (CAPA)
        if getattr(q.explanation, "html", None) is None:
            etree.SubElement(div, "p").text = q.explanation
        else:
            _put(div, q.explanation)
    if q.hints:
        demand = etree.SubElement(root, "demandhint")
        for hint in q.hints:
            _put(etree.SubElement(demand, "hint"), hint)
    return root


def _put(element, value):
    """Set the content of ``element``: plain text as text, rendered Markdown as (XML) child elements."""
    html = getattr(value, "html", None)
    if html is None:
        element.text = value
        return
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    element.text = fragment.text
    for child in list(fragment):
        copy = etree.fromstring(lxml.html.tostring(child, method="xml", encoding="unicode", with_tail=False))
        copy.tail = child.tail
        element.append(copy)


def _label(response, q):
    _put(etree.SubElement(response, "label"), q.prompt)
    if q.description:
        _put(etree.SubElement(response, "description"), q.description)


def _choice(parent, tag, choice, true="true", false="false"):
    el = etree.SubElement(parent, tag, correct=true if choice.correct else false)
    _put(el, choice.text)
    return el


def _num(value):
    return str(int(value)) if float(value).is_integer() else str(value)
