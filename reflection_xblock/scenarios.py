"""Workbench scenarios: two journal exercises in two modules and the course-wide journal, plus a shared one."""

_FIRST = ('[{"text": "Tänk på den senaste rekryteringen du var med om. Vad avgjorde vem som fick jobbet?", '
          '"guidance": "Skriv ärligt: magkänsla, cv:t eller en intervjufråga som fällde avgörandet?"}, '
          '{"text": "Vilka skallkrav hade rollen, och hur bedömdes de?"}]')
_SECOND = ('[{"text": "Vilken kompetens i din kravprofil är svårast att bedöma i en intervju, '
           'och hur gör du det nu?"}]')

SCENARIOS = (
    ("Loggbok: två övningar och Min loggbok",
     "<vertical_demo>"
     f"<reflection_journal display_name=\"Reflektion: din senaste rekrytering\" module_name=\"Modul 1: Kravprofilen\" "
     f"min_length=\"40\" prompts='{_FIRST}'/>"
     f"<reflection_journal display_name=\"Reflektion: bedömning\" module_name=\"Modul 2: Intervjun\" min_length=\"40\" "
     f"followup_days=\"30\" followup_prompt=\"Vad har du använt av det här i ditt företag sedan kursen?\" "
     f"prompts='{_SECOND}'/>"
     "<reflection_journal display_name=\"Min loggbok\" view=\"course_journal\"/>"
     "</vertical_demo>"),
    ("Loggbok som delas med kursansvariga",
     "<vertical_demo><reflection_journal display_name=\"Reflektion (delas)\" share_with_staff=\"true\" "
     "module_name=\"Modul 3: Referenstagning\"/></vertical_demo>"),
)
