"""Driving the kravprofil block in a page through its DOM hooks (docs/contracts.md), with explicit waits only."""
import io
import re

from docx import Document

READY = '.kravprofil-block[data-kp-ready="1"]'
SAVE_HANDLER = "/save_profile/"

# True once every change is on the server: the status shows a save time and no tab's local copy of unsaved work
# (localStorage "kravprofil:<save url>#<tab>", written by XBlockLayer's autosave) is left, which happens only
# when the server confirmed the latest change. ("...!alt" is the recovery area's text, not unsaved work.)
_ALL_SAVED_JS = """() => {
    const status = document.querySelector('.kravprofil-block .kp-save-status');
    if (!status || status.classList.contains('xbl-error') || !/\\d\\d:\\d\\d/.test(status.textContent)) {
        return false;
    }
    for (let i = 0; i < window.localStorage.length; i++) {
        const key = window.localStorage.key(i);
        if (key.startsWith('kravprofil:') && key.includes('#')) { return false; }
    }
    return true;
}"""

# A realistic Swedish profile: a finance assistant in Örebro.
PROFILE_SV = {
    "basics.role": "Ekonomiassistent",
    "basics.team": "Ekonomiavdelningen, sex kollegor",
    "basics.employment": "Tillsvidareanställning, heltid",
    "basics.location": "Örebro",
    "basics.remote": "En dag i veckan på distans efter introduktionen",
    "purpose.purpose": "Säkra att leverantörsfakturor betalas rätt och i tid så att vi behåller goda relationer.",
    "purpose.goals": "Inom 12 månader: ett automatiserat fakturaflöde och halverad tid för månadsavstämningar.",
    "conditions.salary": "Individuell lönesättning",
    "process.steps": "Urval på CV, telefonavstämning, strukturerad intervju, arbetsprov, referenstagning",
    "process.candidate_info": "Alla sökande får besked via e-post inom två veckor efter sista ansökningsdag.",
    "process.timeline": "Sista ansökningsdag 15 mars, intervjuer vecka 13, start i maj",
    "process.contact": "Rekryterande chef Maria Öberg",
}
TASKS_SV = ["Hantera leverantörsfakturor och attestflöden", "Göra månadsavstämningar av reskontran"]
REQUIREMENTS_SV = [
    {"text": "Eftergymnasial utbildning inom ekonomi", "category": "education", "must": True, "weight": "4",
     "why": "Rollen kräver förståelse för redovisningens grunder från första dagen.",
     "assessment": "Granskning av CV och utbildningsbevis", "stage": "Urval", "level": ""},
    {"text": "Mycket god svenska i tal och skrift", "category": "language", "must": True, "weight": "4",
     "why": "All kontakt med leverantörer och kollegor sker på svenska.",
     "assessment": "Skriftligt arbetsprov med ett leverantörsbrev", "stage": "Arbetsprov", "level": "C1"},
]


class KravprofilPage:
    """One kravprofil block on a workbench page."""

    def __init__(self, page):
        self.page = page
        self.root = page.locator(".kravprofil-block").first

    # ---- navigation ----------------------------------------------------------------------------------------
    def open(self, url):
        response = self.page.goto(url)
        assert response is not None and response.status == 200, f"{url}: {response and response.status}"
        self.wait_ready()
        return self

    def wait_ready(self):
        self.page.wait_for_selector(READY)
        self.root.locator('input[data-action="toggle-competency"]').first.wait_for(state="attached")

    def reload(self):
        self.page.reload()
        self.wait_ready()

    # ---- fields --------------------------------------------------------------------------------------------
    def field(self, name):
        return self.root.locator(f'[data-field="{name}"]')

    def fill(self, values):
        for name, value in values.items():
            self.field(name).fill(value)

    def values(self, names):
        return {name: self.field(name).input_value() for name in names}

    def button(self, action):
        return self.root.locator(f'[data-action="{action}"]')

    def tasks(self):
        return self.root.locator(".kp-task")

    def requirements(self):
        return self.root.locator(".kp-req")

    def add_task(self, text):
        before = self.tasks().count()
        self.button("add-task").click()
        row = self.tasks().nth(before)
        row.wait_for()
        row.locator('[data-field="text"]').fill(text)
        return row

    def add_requirement(self, req):
        before = self.requirements().count()
        self.button("add-requirement").click()
        row = self.requirements().nth(before)
        row.wait_for()
        for key in ("text", "why", "assessment", "stage", "level"):
            if key in req:
                row.locator(f'[data-field="{key}"]').fill(req[key])
        if "category" in req:
            row.locator('[data-field="category"]').select_option(req["category"])
        if "weight" in req:
            row.locator('[data-field="weight"]').select_option(req["weight"])
        if "must" in req:
            row.locator('[data-field="must"]').set_checked(req["must"])
        return row

    def requirement_values(self):
        rows = []
        for i in range(self.requirements().count()):
            row = self.requirements().nth(i)
            rows.append({
                **{key: row.locator(f'[data-field="{key}"]').input_value()
                   for key in ("text", "category", "weight", "why", "assessment", "stage", "level")},
                "must": row.locator('[data-field="must"]').is_checked(),
            })
        return rows

    def competency_boxes(self):
        return self.root.locator('input[data-action="toggle-competency"]')

    def choose_competency(self, index, level):
        """Tick the framework's ``index``-th competency, set its level; returns its id."""
        box = self.competency_boxes().nth(index)
        comp_id = box.get_attribute("value")
        box.check()
        row = self.root.locator(f'.kp-comp[data-id="{comp_id}"]')
        row.wait_for()
        row.locator('[data-field="level"]').select_option(str(level))
        return comp_id

    def chosen_competencies(self):
        rows = self.root.locator(".kp-comp")
        return {rows.nth(i).get_attribute("data-id"): rows.nth(i).locator('[data-field="level"]').input_value()
                for i in range(rows.count())}

    # ---- saving --------------------------------------------------------------------------------------------
    def status(self):
        return self.root.locator(".kp-save-status")

    def save(self):
        """Press "save now" and wait until every change is on the server."""
        self.button("save").click()
        self.wait_all_saved()

    def wait_all_saved(self):
        self.page.wait_for_function(_ALL_SAVED_JS)

    # ---- advice --------------------------------------------------------------------------------------------
    def advice_items(self):
        return self.root.locator(".kp-advice .kp-advice-item")

    def advice(self):
        items = self.advice_items()
        return [{"kind": items.nth(i).get_attribute("data-kind"), "ground": items.nth(i).get_attribute("data-ground"),
                 "text": items.nth(i).inner_text()} for i in range(items.count())]

    def wait_advice(self, **attrs):
        selector = ".kp-advice .kp-advice-item" + "".join(f'[data-{k}="{v}"]' for k, v in attrs.items())
        self.root.locator(selector).first.wait_for()
        return self.root.locator(selector)

    # ---- the ad and documents ------------------------------------------------------------------------------
    def draft_ad(self):
        self.button("draft-ad").click()
        self.page.wait_for_function(
            "() => { const f = document.querySelector('.kravprofil-block [data-field=\"ad.must\"]');"
            " return f && f.value.trim() !== ''; }")

    def ad_has_placeholder(self):
        return any(re.search(r"\[[^\[\]\n]+\]", self.field(f"ad.{key}").input_value())
                   for key in ("title", "company", "intro", "tasks", "must", "merits", "offer", "process"))

    def download(self, kind):
        """Click a download link; returns the downloaded file's bytes. An ad with a placeholder of the draft
        is warned about first (role="alert"); the second click downloads it as it is."""
        link = self.root.locator(f'a[data-download="{kind}"]')
        if kind == "ad" and self.ad_has_placeholder():
            link.click()
            warning = self.root.locator(".kp-dl-warn")
            warning.wait_for()
            assert "[" in warning.inner_text()
        with self.page.expect_download() as info:
            link.click()
        download = info.value
        assert download.failure() is None, download.failure()
        with open(download.path(), "rb") as handle:
            return handle.read(), download.suggested_filename


def docx_text(data):
    """All text of a Word document: paragraphs, then table cells, joined by newlines."""
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def fill_profile(kp):
    """Fill the realistic Swedish profile: fields, two tasks, two requirements, two competencies."""
    kp.fill(PROFILE_SV)
    for task in TASKS_SV:
        kp.add_task(task)
    for req in REQUIREMENTS_SV:
        kp.add_requirement(req)
    return {kp.choose_competency(0, 4): "4", kp.choose_competency(3, 3): "3"}


def words(text):
    return re.sub(r"\s+", " ", text).strip()
