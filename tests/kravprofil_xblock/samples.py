"""Learner states used by the kravprofil tests."""
import copy

HOSTILE = "</script><img src=x onerror=alert(1)>"


def filled_profile(role="Ekonomiassistent"):
    """A realistic profile with every required section (basics, purpose, requirements, competencies, process)."""
    return copy.deepcopy({
        "version": 1,
        "basics": {"role": role, "team": "Ekonomi", "employment": "Tillsvidare", "location": "Örebro",
                   "remote": "En dag i veckan"},
        "purpose": {"purpose": "Säkra en korrekt leverantörsreskontra.", "goals": "Automatisera fakturaflödet."},
        "tasks": ["Leverantörsfakturor", "Månadsavstämningar"],
        "requirements": [
            {"text": "Erfarenhet av leverantörsreskontra", "category": "experience", "must": True, "weight": 5,
             "why": "Kort inlärningstid.", "assessment": "Strukturerad intervju", "stage": "Intervju",
             "level": ""},
            {"text": "Svenska i tal och skrift", "category": "language", "must": False, "weight": 3,
             "why": "Korrespondens på svenska.", "assessment": "Arbetsprov", "stage": "Arbetsprov",
             "level": "C1"},
        ],
        "competencies": [],
        "conditions": {"salary": "Individuell", "hours": "Dagtid", "start": "", "travel": "", "other": ""},
        "process": {"steps": "Urval, intervju, referenser", "candidate_info": "Besked inom två veckor.",
                    "timeline": "Vecka 13", "contact": "Rekryterande chef"},
        "ad": {"title": "", "company": "", "intro": "", "tasks": "", "must": "", "merits": "", "offer": "",
               "process": ""},
    })


def with_competencies(profile, framework, count=2):
    """``profile`` with the first ``count`` competencies of ``framework`` chosen."""
    profile["competencies"] = [
        {"id": comp.id, "level": 3, "priority": i + 1} for i, comp in enumerate(framework.competencies[:count])
    ]
    return profile
