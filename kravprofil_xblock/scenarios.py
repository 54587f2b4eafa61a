"""Workbench scenarios: the default block, and one with a custom maximum and custom required sections."""

SCENARIOS = (
    ("Kravprofil", "<vertical_demo><kravprofil/></vertical_demo>"),
    ("Kravprofil (max 3 kompetenser, krav och kompetenser krävs)",
     '<vertical_demo><kravprofil display_name="Kravprofil: kort variant" max_competencies="3" '
     "required_sections='[\"basics\", \"requirements\", \"competencies\"]'/></vertical_demo>"),
    # The ad in its own step, as in the course (Kravprofilsarbetet, then Annonsering): the second block continues
    # the same learner's profile from the first one.
    ("Kravprofil och annons i två steg",
     '<vertical_demo><kravprofil display_name="Kravprofilsarbetet"/>'
     '<kravprofil display_name="Annonsering" step="ad"/></vertical_demo>'),
)
