"""Content of the blank templates, Swedish first. Original text; figures cite their sources.

Each template is a list of blocks:
  ("title", text) ("h1", text) ("h2", text) ("p", text) ("tip", text) ("bullets", [text, ...])
  ("fields", [label, ...][, heights])             label/value table with empty values; heights (cm, one
                                                  per row) give room to write, default one line a row
  ("grid", [header, ...], rows, widths[, height])  rows: an int (that many empty rows) or a list of first-cell
                                                  texts (the other cells empty); height: minimum row
                                                  height in cm (default one line)
  ("anchors",)                                    the 1-5 rating scale with behavioural anchors
  ("box", lines)                                  an empty framed area for notes
  ("sources", [citation, ...])
where ``text`` is ``{"sv": ..., "en": ...}``.
"""


def L(sv, en):
    return {"sv": sv, "en": en}


INTRO = L(
    "Mall från kursen Kompetensbaserad rekrytering. Fyll i, anpassa och spara den som er egen.",
    "Template from the course Competency-based recruitment. Fill it in, adapt it and save it as your own.",
)

SOURCES_HEADING = L("Källor", "Sources")

SRC_DISCRIMINATION_ACT = L("Diskrimineringslagen (SFS 2008:567).", "Swedish Discrimination Act (SFS 2008:567).")
SRC_OPM = L(
    "US Office of Personnel Management (2008). Structured Interviews: A Practical Guide.",
    "US Office of Personnel Management (2008). Structured Interviews: A Practical Guide.",
)
SRC_CEFR = L(
    "Europarådet: Gemensam europeisk referensram för språk (GERS), nivåerna A1–C2.",
    "Council of Europe: Common European Framework of Reference for Languages (CEFR), levels A1–C2.",
)
SRC_TALENT_BOARD = L(
    "Talent Board (2020). Candidate Experience Research, Nordamerika.",
    "Talent Board (2020). Candidate Experience Research, North America.",
)
SRC_GAUCHER = L(
    "Gaucher, D., Friesen, J. & Kay, A. C. (2011). Journal of Personality and Social Psychology, 101(1).",
    "Gaucher, D., Friesen, J. & Kay, A. C. (2011). Journal of Personality and Social Psychology, 101(1).",
)
SRC_DO_2021 = L(
    "Diskrimineringsombudsmannen (2021): krav på att en personlig assistent skulle vara ”minst 20 år” "
    "bedömdes som direkt åldersdiskriminering.",
    "Swedish Equality Ombudsman (2021): requiring a personal assistant to be “at least 20” was judged to "
    "be direct age discrimination.",
)
SRC_PAY_DIRECTIVE = L(
    "Europaparlamentets och rådets direktiv (EU) 2023/970 om lönetransparens (medlemsstaterna ska ha "
    "genomfört det senast den 7 juni 2026).",
    "Directive (EU) 2023/970 of the European Parliament and of the Council on pay transparency (member "
    "states to transpose it by 7 June 2026).",
)
SRC_GDPR = L(
    "Dataskyddsförordningen (EU) 2016/679 (GDPR).",
    "General Data Protection Regulation (EU) 2016/679 (GDPR).",
)
SRC_SCHMIDT_HUNTER = L(
    "Schmidt, F. L. & Hunter, J. E. (1998). Psychological Bulletin, 124(2).",
    "Schmidt, F. L. & Hunter, J. E. (1998). Psychological Bulletin, 124(2).",
)
SRC_SACKETT = L(
    "Sackett, P. R., Zhang, C., Berry, C. M. & Lievens, F. (2022). Journal of Applied Psychology.",
    "Sackett, P. R., Zhang, C., Berry, C. M. & Lievens, F. (2022). Journal of Applied Psychology.",
)
SRC_CAMPION = L(
    "Campion, M. A., Palmer, D. K. & Campion, J. E. (1997). Personnel Psychology, 50(3).",
    "Campion, M. A., Palmer, D. K. & Campion, J. E. (1997). Personnel Psychology, 50(3).",
)
SRC_REFERENCES = L(
    "Taylor m.fl. (2004) och Hedricks m.fl. (2013) om strukturerade referenssamtal; Arbetsförmedlingens "
    "råd om referenstagning.",
    "Taylor et al. (2004) and Hedricks et al. (2013) on structured reference checks; the Swedish Public "
    "Employment Service's advice on reference checks.",
)

GDPR_NOTES = L(
    "Dataskydd: spara anteckningarna bara så länge de behövs, till exempel så länge en sökande som inte fick "
    "jobbet kan föra talan om diskriminering. Två år är vanlig praxis, ingen lagregel; längre lagring kräver "
    "samtycke. Skriv bara ner sådant som rör jobbet.",
    "Data protection: keep the notes only as long as they are needed, for example while an applicant who did "
    "not get the job can still bring a discrimination claim. Two years is common practice, not a rule; keeping "
    "them longer needs consent. Write down only what concerns the job.",
)

NOTES = L("Anteckningar", "Notes")
QUESTION = L("Fråga", "Question")

# Rating scale with behavioural anchors, used once per competency in the interview template.
ANCHOR_HEADERS = [L("Betyg", "Rating"), L("Beteendeankare", "Behavioural anchor"), L("Markera", "Mark")]
ANCHORS = [
    L("Inga relevanta exempel, eller exempel där beteendet går emot kompetensen.",
      "No relevant examples, or examples in which the behaviour goes against the competency."),
    L("Vaga eller allmänna svar; oklart vad kandidaten själv gjorde.",
      "Vague or general answers; unclear what the candidate did personally."),
    L("Minst ett tydligt exempel där kandidatens eget beteende motsvarar kravnivån.",
      "At least one clear example in which the candidate's own behaviour matches the level needed."),
    L("Flera tydliga exempel med eget initiativ och goda resultat.",
      "Several clear examples with own initiative and good results."),
    L("Starka, återkommande exempel över kravnivån, också i svåra lägen; kandidaten drar lärdomar och "
      "påverkar andra.",
      "Strong, repeated examples above the level needed, also in difficult situations; the candidate draws "
      "lessons and influences others."),
]


def _competency_block(number):
    return [
        ("h2", L(f"Kompetens {number}: ____________________", f"Competency {number}: ____________________")),
        ("fields", [L("Huvudfråga", "Main question"), L("Situation", "Situation"), L("Beteende", "Behaviour"),
                    L("Resultat", "Result")], (0.8, 2.2, 2.2, 2.2)),
        ("anchors",),
        ("fields", [L("Mitt betyg (1–5)", "My rating (1–5)"),
                    L("Motivering: vad sa kandidaten?", "Reasons: what did the candidate say?")], (0.8, 2.2)),
    ]


def _reference_competency(number):
    return [
        ("h2", L(f"Kompetens {number}: ____________________", f"Competency {number}: ____________________")),
        ("fields", [L("Fråga", "Question"), L("Situation", "Situation"),
                    L("Vad kandidaten gjorde", "What the candidate did"), L("Resultat", "Result")],
         (0.8, 2.2, 2.2, 2.2)),
    ]


KRAVPROFIL = [
    ("title", L("Kravprofil", "Requirement profile")),
    ("p", INTRO),
    ("tip", L(
        "Kravprofilen är grunden för hela rekryteringen: annonsen, urvalet, intervjufrågorna och "
        "referenstagningen bygger på den. Fyll i den tillsammans med den som blir närmaste chef, innan "
        "annonsen skrivs.",
        "The requirement profile is the basis of the whole recruitment: the ad, the screening, the interview "
        "questions and the reference checks all build on it. Fill it in together with the future line "
        "manager before the ad is written.")),
    ("h1", L("1. Grunduppgifter", "1. Basics")),
    ("fields", [L("Roll", "Role"), L("Team eller avdelning", "Team or department"),
                L("Närmaste chef", "Line manager"), L("Anställningsform", "Type of employment"),
                L("Placering", "Location"), L("Distansarbete", "Remote work"),
                L("Ifylld av och datum", "Filled in by and date")]),
    ("h1", L("2. Syfte och mål", "2. Purpose and goals")),
    ("tip", L("Varför finns rollen? Vad ska vara annorlunda om ett år, när rätt person är på plats?",
              "Why does the role exist? What should be different in a year, when the right person is in "
              "place?")),
    ("fields", [L("Varför rollen finns", "Why the role exists"),
                L("Mål för de första 12 månaderna", "Goals for the first 12 months"),
                L("Hur vi ser att målen är nådda", "How we will see that the goals are met")], (2.0, 2.0, 2.0)),
    ("h1", L("3. Arbetsuppgifter", "3. Tasks")),
    ("tip", L("Skriv de 5–8 viktigaste uppgifterna, den viktigaste först.",
              "List the 5–8 most important tasks, the most important first.")),
    ("grid", [L("Nr", "No."), L("Arbetsuppgift", "Task"), L("Ungefärlig andel av tiden", "Approximate share "
              "of time")], [L(str(n), str(n)) for n in range(1, 9)], (1.2, 11.4, 4.0)),
    ("h1", L("4. Skallkrav och meriterande", "4. Must-haves and merits")),
    ("tip", L(
        "Dela upp kraven i utbildning, erfarenhet, kunskaper, språk, certifikat och personlig kompetens. "
        "Ange för varje krav om det är ett skallkrav eller meriterande, ge det en vikt från 1 till 5, skriv "
        "varför jobbet kräver det och hur och när ni bedömer det. Håll nere antalet skallkrav: varje skallkrav "
        "stänger ute sökande.",
        "Split the requirements into education, experience, knowledge, language, certificates and personal "
        "competencies. For each one, mark whether it is a must-have or a merit, give it a weight from 1 to 5, "
        "write why the job needs it and how and when you will assess it. Keep the must-haves few: every "
        "must-have shuts out applicants.")),
    ("tip", L(
        "Ange språkkrav som en nivå, till exempel B2 enligt GERS, Gemensam europeisk referensram för språk "
        "(A1–C2), i stället för ”perfekt svenska”. Vaga eller omotiverade krav kan vara indirekt "
        "diskriminering enligt diskrimineringslagen.",
        "State language requirements as a level, for example B2 on the Common European Framework of "
        "Reference for Languages (CEFR, A1–C2), instead of “perfect Swedish”. Vague or unjustified "
        "requirements can be indirect discrimination under the Discrimination Act.")),
    ("grid", [L("Krav", "Requirement"), L("Kategori", "Category"), L("Skallkrav eller meriterande", "Must-have "
              "or merit"), L("Vikt 1–5", "Weight 1–5"), L("Varför behövs det?", "Why is it needed?"),
              L("Hur och när bedöms det?", "How and when is it assessed?")], 10,
     (3.8, 2.2, 2.0, 1.4, 3.6, 3.6)),
    ("h1", L("5. Kompetenser", "5. Competencies")),
    ("tip", L(
        "Välj ur kompetensramverket de förmågor som gör skillnad i just den här rollen. En intervju hinner "
        "pröva 5–8 kompetenser ordentligt (US OPM 2008). Beskriv nivån som beteende: vad gör personen i "
        "jobbet?",
        "Choose from the competency framework the abilities that make the difference in this role. An "
        "interview can assess 5–8 competencies properly (US OPM 2008). Describe the level as behaviour: "
        "what does the person do in the job?")),
    ("grid", [L("Kompetens", "Competency"), L("Nivå 1–5", "Level 1–5"),
              L("Så märks det i jobbet", "How it shows in the job"), L("Prioritet", "Priority"),
              L("Bedöms i steg", "Assessed at stage")], 8, (3.4, 1.6, 6.6, 1.6, 3.4)),
    ("h1", L("6. Villkor", "6. Conditions")),
    ("fields", [L("Lön eller lönespann", "Pay or pay range"),
                L("Arbetstid och omfattning", "Working hours and extent"), L("Tillträde", "Start date"),
                L("Resor", "Travel"), L("Förmåner och övrigt", "Benefits and other")]),
    ("h1", L("7. Rekryteringsprocess", "7. Recruitment process")),
    ("tip", L("Bestäm stegen, vem som gör vad och när kandidaterna får besked, även de som inte går vidare.",
              "Decide the steps, who does what, and when candidates hear from you, including those who do "
              "not go further.")),
    ("grid", [L("Steg", "Step"), L("Ansvarig", "Responsible"), L("Datum eller vecka", "Date or week"),
              L("Vad bedöms", "What is assessed")],
     [L("Annonsering", "Advertising"), L("Urval av ansökningar", "Screening of applications"),
      L("Telefonavstämning", "Phone screen"), L("Intervju", "Interview"),
      L("Arbetsprov eller test", "Work sample or test"), L("Referenstagning", "Reference checks"),
      L("Beslut och besked till alla kandidater", "Decision and news for every candidate")],
     (4.6, 3.4, 3.0, 5.6)),
    ("fields", [L("När och hur kandidaterna får besked", "When and how candidates hear back"),
                L("Kontaktperson", "Contact person")]),
    ("sources", [SRC_DISCRIMINATION_ACT, SRC_CEFR, SRC_OPM]),
]

ANNONS = [
    ("title", L("Annons", "Job ad")),
    ("p", INTRO),
    ("tip", L(
        "Annonsen bygger på kravprofilen. Skriv till den du vill nå: tydligt, konkret och med ”du”. Fyll i "
        "rutorna i tur och ordning och ta bort tipsen när du är klar.",
        "The ad builds on the requirement profile. Write to the person you want to reach: clearly, concretely "
        "and addressing them as “you”. Fill in the boxes in order and remove the tips when you are done.")),
    ("h1", L("Rubrik", "Title")),
    ("tip", L("Använd den titel som sökande själva använder, utan interna förkortningar. Undvik könsmärkta "
              "titlar som slutar på ”-man”.",
              "Use the title applicants themselves search for, without internal abbreviations. Avoid gendered "
              "titles such as those ending in \"-man\".")),
    ("box", 2),
    ("h1", L("Inledning", "Introduction")),
    ("tip", L("Två eller tre meningar om företaget, varför rollen finns och vad personen får vara med om. Ange "
              "placering och möjlighet till distansarbete.",
              "Two or three sentences on the company, why the role exists and what the person will be part "
              "of. State the location and the options for remote work.")),
    ("box", 5),
    ("h1", L("Arbetsuppgifter", "What you will do")),
    ("tip", L("En punktlista med de viktigaste uppgifterna från kravprofilen.",
              "A bulleted list of the main tasks from the requirement profile.")),
    ("box", 6),
    ("h1", L("Vi söker dig som har", "What we require")),
    ("tip", L("Bara skallkraven. Varje krav ska gå att motivera och bedöma. Skriv språkkrav som en nivå (till "
              "exempel B2), inte som ”modersmål” eller ”perfekt”.",
              "Only the must-haves. Every requirement must be possible to justify and to assess. Write "
              "language requirements as a level (for example B2), not as \"native\" or \"perfect\".")),
    ("box", 5),
    ("h1", L("Meriterande", "Nice to have")),
    ("tip", L("Det som är bra men inte nödvändigt. Ett krav som inte är absolut hör hemma här.",
              "What is good but not necessary. A requirement that is not absolute belongs here.")),
    ("box", 4),
    ("h1", L("Personlig kompetens som rollen kräver", "Personal competencies the role needs")),
    ("tip", L("Beskriv kompetenserna som beteenden på den nivå rollen kräver: ”du tar själv initiativ till att "
              "förbättra arbetssätt” säger mer än ”du är driven”.",
              "Describe the competencies as behaviour: \"you take the initiative to improve ways of working\" "
              "says more than \"you are driven\".")),
    ("box", 4),
    ("h1", L("Vi erbjuder", "What we offer")),
    ("tip", L("Anställningsform, omfattning, lön eller lönespann, tillträde, förmåner och möjligheter att "
              "utvecklas. Var konkret. Enligt EU:s lönetransparensdirektiv (2023/970) ska sökande få veta lönen "
              "eller lönespannet före intervjun; står den i annonsen är det klart.",
              "Type of employment, hours, pay or pay range, start date, benefits and room to grow. Be "
              "concrete. Under the EU pay transparency directive (2023/970) applicants are told the pay or its "
              "range before the interview; in the ad, that is done.")),
    ("box", 4),
    ("h1", L("Process och kontakt", "Process and contact")),
    ("tip", L("Berätta hur processen går till med datum, när alla sökande får besked, vem man kontaktar och "
              "hur och senast när man söker. I Talent Boards undersökning 2020 av kandidater i Nordamerika "
              "väntade 33 % fortfarande på besked två månader efter ansökan.",
              "Say how the process works with its dates, when every applicant will hear back, whom to contact "
              "and how and by when to apply. In the Talent Board survey 2020 of candidates in North America, "
              "33 % were still waiting for news two months after applying.")),
    ("box", 4),
    ("h1", L("Skrivtips", "Writing tips")),
    ("bullets", [
        L("Skriv om vad personen ska göra, inte vem personen ska vara: beteenden i stället för egenskapsord "
          "som ”driven”, ”social” eller ”stresstålig”.",
          "Write about what the person will do, not who the person should be: behaviour instead of trait "
          "words such as \"driven\", \"sociable\" or \"resilient to stress\"."),
        L("Undvik ord som pekar på ålder, kön eller ursprung, till exempel ”ungt team”, ”nyutexaminerad”, "
          "”han” om den sökande eller ”svenska som modersmål”. Diskrimineringsombudsmannen bedömde 2021 att "
          "kravet att en personlig assistent skulle vara ”minst 20 år” var direkt åldersdiskriminering.",
          "Avoid words that point to age, sex or origin, such as \"young team\", \"recent graduate\", \"he\" "
          "about the applicant or \"native speaker\". The Swedish Equality Ombudsman found in 2021 that "
          "requiring a personal assistant to be \"at least 20\" was direct age discrimination."),
        L("Kräv bara ett visst antal års erfarenhet om det går att motivera; beskriv hellre vad personen ska "
          "kunna göra.",
          "Ask for a number of years of experience only if you can justify it; rather describe what the "
          "person must be able to do."),
        L("Balansera könskodade ord. Maskulint kodade ord i annonser minskar kvinnors känsla av att höra hemma "
          "och deras intresse för jobbet (Gaucher, Friesen & Kay 2011).",
          "Balance gender-coded words. Masculine-coded wording in ads lowers women's sense of belonging and "
          "their interest in the job (Gaucher, Friesen & Kay 2011)."),
        L("Be inte om foto, ålder eller personnummer i ansökan.",
          "Do not ask for a photo, age or personal identity number in the application."),
        L("Håll annonsen lätt att skumma: rubriker, punktlistor och korta stycken.",
          "Keep the ad easy to skim: headings, bulleted lists and short paragraphs."),
        L("Låt någon annan läsa annonsen innan den publiceras, gärna någon som inte liknar dig.",
          "Let someone else read the ad before it is published, preferably someone unlike you."),
    ]),
    ("sources", [SRC_DISCRIMINATION_ACT, SRC_DO_2021, SRC_GAUCHER, SRC_TALENT_BOARD, SRC_PAY_DIRECTIVE]),
]

TELEFONAVSTAMNING = [
    ("title", L("Telefonavstämning", "Phone screen")),
    ("p", INTRO),
    ("tip", L(
        "Ett kort samtal på 20–30 minuter före intervjun. Syftet är att stämma av skallkraven, höra kandidatens "
        "motivation och berätta hur processen går till. Ställ samma frågor till alla kandidater och anteckna "
        "svaren.",
        "A short call of 20–30 minutes before the interview. Its purpose is to check the must-haves, hear the "
        "candidate's motivation and explain how the process works. Ask every candidate the same questions "
        "and note the answers.")),
    ("fields", [L("Kandidat", "Candidate"), L("Roll", "Role"), L("Datum och tid", "Date and time"),
                L("Samtalet hölls av", "Call held by")]),
    ("h1", L("1. Inledning (2–3 minuter)", "1. Opening (2–3 minutes)")),
    ("bullets", [
        L("Presentera dig och din roll.", "Introduce yourself and your role."),
        L("Berätta syftet med samtalet och hur lång tid det tar.",
          "Explain the purpose of the call and how long it takes."),
        L("Säg att du antecknar och att anteckningarna bara används i den här rekryteringen.",
          "Say that you take notes and that they are used only in this recruitment."),
        L("Fråga om det passar att prata nu.", "Ask whether it is a good time to talk."),
    ]),
    ("h1", L("2. Skallkrav (5–10 minuter)", "2. Must-haves (5–10 minutes)")),
    ("tip", L("Hämta skallkraven ur kravprofilen. Fråga bara om sådant som har betydelse för jobbet. Berätta "
              "lönen eller lönespannet senast här, före intervjun, och fråga inte om kandidatens nuvarande "
              "eller tidigare lön (EU:s lönetransparensdirektiv (EU) 2023/970).",
              "Take the must-haves from the requirement profile. Ask only about what matters for the job. Give "
              "the pay or its range here at the latest, before the interview, and do not ask about the "
              "candidate's current or past pay (EU pay transparency directive (EU) 2023/970).")),
    ("grid", [QUESTION, L("Kandidatens svar", "Candidate's answer"), L("Uppfyllt? (ja/nej)", "Met? (yes/no)")],
     [L("Har du rätt att arbeta i Sverige (med arbetstillstånd om det behövs)?",
        "Do you have the right to work in Sweden (with a work permit if one is needed)?"),
      L("Vilken uppsägningstid har du? När skulle du kunna börja?",
        "What is your notice period? When could you start?"),
      L("Jobbet är placerat i [ort]. Hur fungerar det för dig, och hur ser du på distansarbete?",
        "The job is based in [place]. How does that work for you, and what are your thoughts on remote "
        "work?"),
      L("Lönen för tjänsten är [lön eller lönespann]. Hur ser du på det?",
        "The pay for the job is [pay or pay range]. What are your thoughts on that?"),
      L("[Skallkrav från kravprofilen]", "[Must-have from the requirement profile]"),
      L("[Skallkrav från kravprofilen]", "[Must-have from the requirement profile]")],
     (6.6, 7.4, 2.6), 1.4),
    ("h1", L("3. Motivation (5–10 minuter)", "3. Motivation (5–10 minutes)")),
    ("grid", [QUESTION, NOTES],
     [L("Vad fick dig att söka just den här tjänsten?", "What made you apply for this particular job?"),
      L("Vilka av arbetsuppgifterna lockar dig mest, och varför?",
        "Which of the tasks appeal to you most, and why?"),
      L("Vad vill du utveckla eller lära dig i ditt nästa jobb?",
        "What do you want to develop or learn in your next job?")],
     (6.6, 10.0), 1.8),
    ("h1", L("4. Processen framåt (3–5 minuter)", "4. Next steps (3–5 minutes)")),
    ("bullets", [
        L("Beskriv nästa steg, till exempel intervju, arbetsprov och referenstagning, och tidsplanen.",
          "Describe the next steps, for example interview, work sample and reference checks, and the "
          "timeline."),
        L("Berätta när kandidaten får besked, oavsett om svaret blir ja eller nej, och håll det.",
          "Say when the candidate will hear back, whether the answer is yes or no, and keep to it."),
        L("Fråga om kandidaten är med i andra rekryteringar som kan påverka tidsplanen.",
          "Ask whether the candidate is in other recruitment processes that may affect the timeline."),
        L("Ge kandidaten tid att ställa frågor.", "Give the candidate time to ask questions."),
    ]),
    ("fields", [L("Besked utlovat senast", "News promised by"), L("Kandidatens frågor", "Candidate's questions")]),
    ("h1", L("5. Anteckningar och bedömning", "5. Notes and assessment")),
    ("box", 6),
    ("fields", [L("Går vidare till intervju (ja/nej)", "Invited to interview (yes/no)"),
                L("Motivering kopplad till kravprofilen", "Reasons linked to the requirement profile")]),
    ("tip", GDPR_NOTES),
    ("sources", [SRC_DISCRIMINATION_ACT, SRC_GDPR, SRC_PAY_DIRECTIVE]),
]

INTERVJU = [
    ("title", L("Intervju – kompetensbaserad", "Interview – competency-based")),
    ("p", INTRO),
    ("tip", L(
        "En strukturerad intervju förutsäger arbetsprestation klart bättre än en ostrukturerad: den "
        "korrigerade validitetskoefficienten (en korrelation mellan −1 och 1) är 0,42 mot 0,19 i Sackett m.fl. "
        "2022 (0,51 mot 0,38 i Schmidt & Hunter 1998). Det är strukturen som gör skillnaden: samma frågor, "
        "samma ordning och samma bedömningsskala för alla kandidater.",
        "A structured interview predicts job performance clearly better than an unstructured one: the "
        "corrected validity coefficient (a correlation between −1 and 1) is .42 against .19 in Sackett et al. "
        "2022 (.51 against .38 in Schmidt & Hunter 1998). "
        "The structure makes the difference: the same questions, the same order and the same rating scale "
        "for every candidate.")),
    ("fields", [L("Kandidat", "Candidate"), L("Roll", "Role"), L("Datum", "Date"),
                L("Intervjuare", "Interviewers")]),
    ("h1", L("Före intervjun", "Before the interview")),
    ("bullets", [
        L("Välj 5–8 kompetenser ur kravprofilen och en huvudfråga för varje (US OPM 2008).",
          "Choose 5–8 competencies from the requirement profile and one main question for each (US OPM "
          "2008)."),
        L("Skriv ner i förväg vad ett svagt, ett godtagbart och ett starkt svar innehåller för varje kompetens.",
          "Write down beforehand what a weak, an acceptable and a strong answer contains for each "
          "competency."),
        L("Ställ samma frågor i samma ordning till alla kandidater och ha lika många intervjuare varje gång.",
          "Ask every candidate the same questions in the same order, with the same number of interviewers "
          "each time."),
        L("Bestäm vem som ställer vilka frågor och vem som berättar om företaget och rollen.",
          "Decide who asks which questions and who tells the candidate about the company and the role."),
    ]),
    ("h1", L("1. Inledning (cirka 5 minuter)", "1. Opening (about 5 minutes)")),
    ("bullets", [
        L("Hälsa välkommen och presentera alla i panelen.", "Welcome the candidate and introduce the panel."),
        L("Beskriv upplägget: kandidaten berättar om verkliga situationer, ni antecknar, och det finns tid för "
          "frågor i slutet.",
          "Describe the format: the candidate talks about real situations, you take notes, and there is time "
          "for questions at the end."),
        L("Berätta hur lång tid intervjun tar.", "Say how long the interview will take."),
    ]),
    ("h1", L("2. Kompetensfrågor (cirka 40 minuter)", "2. Competency questions (about 40 minutes)")),
    ("p", L("Ställ huvudfrågan om en verklig situation från de senaste två–tre åren. Följ sedan upp med "
            "Situation – Beteende – Resultat (S-B-R, internationellt ofta kallat STAR):",
            "Ask the main question about a real situation from the last two or three years. Then follow up "
            "with Situation – Behaviour – Result (S-B-R, internationally often called STAR):")),
    ("bullets", [
        L("Situation: Vad hände? När var det, och vilken roll hade du?",
          "Situation: What happened? When was it, and what was your role?"),
        L("Beteende: Vad gjorde du – du själv, inte ”vi”? Hur tänkte du?",
          "Behaviour: What did you do – you yourself, not \"we\"? What was your thinking?"),
        L("Resultat: Hur gick det? Vad lärde du dig, och vad skulle du göra annorlunda?",
          "Result: How did it turn out? What did you learn, and what would you do differently?"),
    ]),
    ("tip", L("Om kandidaten svarar ”jag skulle …”: fråga vad hen faktiskt gjorde i en verklig situation. "
              "Anteckna vad kandidaten säger, inte vad du tycker om det.",
              "If the candidate answers \"I would …\", ask what they actually did in a real situation. Note "
              "what the candidate says, not what you think of it.")),
    *_competency_block(1),
    *_competency_block(2),
    *_competency_block(3),
    *_competency_block(4),
    *_competency_block(5),
    ("tip", L("Blocken 6–8 är till för er som prövar fler än fem kompetenser; stryk dem ni inte använder.",
              "Blocks 6–8 are for when you assess more than five competencies; delete the ones you do not use.")),
    *_competency_block(6),
    *_competency_block(7),
    *_competency_block(8),
    ("h1", L("3. Kandidatens frågor och avslut (cirka 10 minuter)",
             "3. The candidate's questions and close (about 10 minutes)")),
    ("bullets", [
        L("Låt kandidaten ställa sina frågor.", "Let the candidate ask their questions."),
        L("Berätta om nästa steg och när kandidaten får besked, och håll det.",
          "Explain the next steps and when the candidate will hear back, and keep to it."),
        L("Tacka för intervjun.", "Thank the candidate for the interview."),
    ]),
    ("h1", L("4. Bedömning", "4. Assessment")),
    ("tip", L("Sätt ditt betyg på varje kompetens ensam, direkt efter intervjun och innan panelen pratar. "
              "Diskutera sedan i panelen tills ni är överens och skriv ner motiveringen.",
              "Rate each competency on your own, straight after the interview and before the panel talks. "
              "Then discuss in the panel until you agree, and write down the reasons.")),
    ("grid", [L("Kompetens", "Competency"), L("Mitt betyg (1–5)", "My rating (1–5)"),
              L("Panelens betyg", "Panel rating"), L("Belägg: vad kandidaten sa", "Evidence: what the candidate "
              "said")], 8, (4.0, 2.4, 2.4, 7.8)),
    ("h2", L("Se upp för bedömningsfel", "Watch out for rating errors")),
    ("bullets", [
        L("Haloeffekt: en stark sida färgar bedömningen av allt annat.",
          "Halo effect: one strong point colours the rating of everything else."),
        L("Första intrycket: de första minuterna får för stor vikt.",
          "First impression: the first minutes weigh too much."),
        L("Bekräftelsefällan: man letar efter belägg för det första intrycket.",
          "Confirmation bias: hunting for evidence of the first impression."),
        L("Lik mig-effekten: den som liknar en själv bedöms mildare.",
          "Similar-to-me: people like yourself are rated more kindly."),
        L("Kontrasteffekten: kandidaten jämförs med den förra i stället för med kraven.",
          "Contrast effect: the candidate is compared with the previous one instead of with the requirements."),
        L("Centraltendens: alla får en trea för att man inte tar ställning.",
          "Central tendency: everyone gets a three because you do not take a position."),
        L("Mildhet och stränghet: en intervjuare ger genomgående för höga eller för låga betyg.",
          "Leniency and strictness: an interviewer consistently rates too high or too low."),
    ]),
    ("tip", GDPR_NOTES),
    ("sources", [SRC_SACKETT, SRC_SCHMIDT_HUNTER, SRC_CAMPION, SRC_OPM, SRC_GDPR]),
]

REFERENSTAGNING = [
    ("title", L("Referenstagning", "Reference check")),
    ("p", INTRO),
    ("tip", L(
        "Förbered referenssamtalet som en intervju, utifrån kravprofilen. Strukturerade referenssamtal ger "
        "säkrare och mer användbar information än fria samtal (Taylor m.fl. 2004; Hedricks m.fl. 2013).",
        "Prepare the reference call like an interview, from the requirement profile. Structured reference "
        "checks give more reliable and more useful information than free conversations (Taylor et al. 2004; "
        "Hedricks et al. 2013).")),
    ("fields", [L("Kandidat", "Candidate"), L("Roll", "Role"),
                L("Referens: namn och roll", "Referee: name and role"),
                L("Relation till kandidaten och period", "Relation to the candidate and period"),
                L("Telefon och bokad tid", "Phone and booked time"), L("Samtalet hölls av", "Call held by")]),
    ("h1", L("Innan du ringer", "Before you call")),
    ("bullets", [
        L("Kontakta ingen referens utan kandidatens kännedom och godkännande: kandidaten vet vilka ni ringer "
          "och har godkänt det.",
          "Contact no referee unless the candidate knows about it and agrees: the candidate knows whom you "
          "call and has agreed to it."),
        L("Ta ungefär tre referenser: en tidigare chef och en eller två kollegor.",
          "Take about three referees: a former manager and one or two colleagues."),
        L("Boka en tid för samtalet i stället för att ringa oanmäld.",
          "Book a time for the call instead of calling unannounced."),
        L("Ställ samma frågor till varje referens, så att svaren går att jämföra.",
          "Ask each referee the same questions, so that the answers can be compared."),
        L("Be om konkreta exempel: vad gjorde kandidaten, i vilken situation och med vilket resultat?",
          "Ask for concrete examples: what did the candidate do, in which situation and with what result?"),
    ]),
    ("fields", [L("Kandidatens kännedom och godkännande (datum)", "Candidate informed and agreed (date)")]),
    ("h1", L("1. Inledning", "1. Opening")),
    ("bullets", [
        L("Presentera dig, företaget och rollen.", "Introduce yourself, the company and the role."),
        L("Berätta att kandidaten har lämnat ditt namn och godkänt samtalet.",
          "Explain that the candidate gave your name and agreed to the call."),
        L("Säg hur lång tid samtalet tar (cirka 20 minuter) och att du antecknar.",
          "Say how long the call takes (about 20 minutes) and that you take notes."),
        L("Berätta hur anteckningarna sparas och när de raderas.",
          "Explain how the notes are kept and when they are deleted."),
    ]),
    ("h1", L("2. Relation och sammanhang", "2. Relationship and context")),
    ("grid", [QUESTION, NOTES],
     [L("Hur känner du kandidaten, och under vilken period arbetade ni tillsammans?",
        "How do you know the candidate, and during which period did you work together?"),
      L("Vilken roll och vilka arbetsuppgifter hade kandidaten?",
        "What role and which tasks did the candidate have?")],
     (6.6, 10.0), 1.8),
    ("h1", L("3. Kompetenser från kravprofilen", "3. Competencies from the requirement profile")),
    ("tip", L("Välj de två eller tre viktigaste kompetenserna. Be om ett exempel och följ upp: Vad var "
              "situationen? Vad gjorde kandidaten? Vad blev resultatet?",
              "Choose the two or three most important competencies. Ask for an example and follow up: What "
              "was the situation? What did the candidate do? What was the result?")),
    *_reference_competency(1),
    *_reference_competency(2),
    *_reference_competency(3),
    ("h1", L("4. Avslutande frågor", "4. Closing questions")),
    ("grid", [QUESTION, NOTES],
     [L("Vilka är kandidatens främsta styrkor i arbetet?", "What are the candidate's main strengths at work?"),
      L("Vad skulle kandidaten kunna utveckla, och hur stöttar man hen bäst?",
        "What could the candidate develop, and how are they best supported?"),
      L("Skulle du vilja arbeta med kandidaten igen? Varför?",
        "Would you like to work with the candidate again? Why?"),
      L("Finns det något mer om kandidaten i arbetet som är bra för oss att känna till?",
        "Is there anything else about the candidate at work that would be good for us to know?")],
     (6.6, 10.0), 1.8),
    ("h1", L("5. Anteckningar", "5. Notes")),
    ("box", 6),
    ("h1", L("Dataskydd (GDPR)", "Data protection (GDPR)")),
    ("p", L(
        "Referenstagning bygger på berättigat intresse enligt dataskyddsförordningen, och kandidaten ska känna "
        "till och godkänna att du kontaktar referenserna. Skriv bara ner sådant som rör jobbet. Spara "
        "anteckningarna bara så länge de behövs, till exempel så länge en sökande som inte fick jobbet kan "
        "föra talan om diskriminering; två år är vanlig praxis, ingen lagregel. Vill ni spara dem längre, "
        "till exempel inför en senare rekrytering, behöver ni kandidatens samtycke till just det.",
        "Reference checks rest on legitimate interest under the GDPR, and the candidate must know about and "
        "agree to your contacting the referees. Write down only what concerns the job. Keep the notes only "
        "as long as they are needed, for example while an applicant who did not get the job can still bring "
        "a discrimination claim; two years is common practice, not a rule. To keep them longer, for example "
        "for a later recruitment, you need the candidate's consent to that.")),
    ("fields", [L("Anteckningarna raderas senast (datum)", "Notes deleted by (date)")]),
    ("sources", [SRC_REFERENCES, SRC_GDPR, SRC_DISCRIMINATION_ACT]),
]

AVSLAG = [
    ("title", L("Besked till kandidater som inte går vidare", "Rejection messages to candidates")),
    ("p", INTRO),
    ("tip", L(
        "Varje kandidat ska få ett besked, också den som bara skickade en ansökan. I Talent Boards undersökning "
        "2020 fick bara 7 % av kandidaterna veta att de inte fick jobbet, och 33 % väntade fortfarande på "
        "besked två månader efter ansökan. Ett tydligt och vänligt nej gör att kandidaten kan gå vidare och "
        "talar väl om er.",
        "Every candidate should hear back, including those who only sent an application. In the Talent Board "
        "survey 2020 only 7 % of candidates were told they did not get the job, and 33 % were still waiting for "
        "news two months after applying. A clear and kind no lets the candidate move on and speak well of "
        "you.")),
    ("h1", L("Före beskedet", "Before you send it")),
    ("bullets", [
        L("Bestäm redan i kravprofilen när kandidaterna får besked i varje steg, och skriv datumen i annonsen.",
          "Decide in the requirement profile when candidates hear back at each stage, and put the dates in "
          "the ad."),
        L("Ge beskedet så snart ni vet att kandidaten inte går vidare, inte först när hela rekryteringen är "
          "klar.",
          "Give the news as soon as you know the candidate will not go further, not only when the whole "
          "recruitment is over."),
        L("Efter ansökan räcker ett mejl. Efter en intervju ringer du först och skickar sedan ett mejl.",
          "After an application an e-mail is enough. After an interview, call first and then send an e-mail."),
        L("Motivera med kraven i kravprofilen, aldrig med personen. Nämn inget som rör kön, ålder, "
          "etnisk tillhörighet, religion, funktionsnedsättning, sexuell läggning, könsöverskridande identitet "
          "eller familj.",
          "Give reasons from the requirement profile, never from the person. Mention nothing about sex, age, "
          "ethnic origin, religion, disability, sexual orientation, transgender identity or family."),
    ]),
    ("fields", [L("Kandidat", "Candidate"), L("Roll", "Role"), L("Steg i processen", "Stage of the process"),
                L("Besked givet (datum och sätt)", "News given (date and how)"), L("Givet av", "Given by")]),
    ("h1", L("1. Efter ansökan (mejl)", "1. After the application (e-mail)")),
    ("box", 7),
    ("tip", L(
        "Förslag: Hej [förnamn]! Tack för din ansökan till tjänsten som [roll] och för ditt intresse för "
        "[företag]. Vi har nu gått igenom alla ansökningar och valt att gå vidare med kandidater vars "
        "erfarenhet bättre motsvarar kraven för just den här rollen. Det betyder att du inte går vidare i "
        "rekryteringen. Vi sparar din ansökan till [datum] och raderar den sedan. Vi önskar dig lycka till! "
        "Vänliga hälsningar, [namn, roll, kontaktuppgifter]",
        "Suggestion: Hi [first name], thank you for applying for the [role] position and for your interest in "
        "[company]. We have now gone through all applications and chosen to continue with candidates whose "
        "experience matches the requirements of this particular role more closely. This means that you will "
        "not go further in the recruitment. We keep your application until [date] and delete it then. We wish "
        "you the best of luck. Kind regards, [name, role, contact details]")),
    ("h1", L("2. Efter telefonavstämning eller intervju (samtal och mejl)",
             "2. After a phone screen or interview (call and e-mail)")),
    ("bullets", [
        L("Ring på den dag du har lovat. Säg beskedet tidigt i samtalet, tydligt och utan omvägar.",
          "Call on the day you promised. Give the news early in the call, clearly and without detours."),
        L("Tacka för tiden och för det kandidaten har delat med sig av.",
          "Thank the candidate for their time and for what they have shared."),
        L("Erbjud återkoppling och ge den kopplad till kraven: vad kandidaten visade och vad som saknades i "
          "förhållande till kravprofilen.",
          "Offer feedback and tie it to the requirements: what the candidate showed and what was missing "
          "compared with the requirement profile."),
        L("Lyssna, diskutera inte bedömningen, och avsluta vänligt. Skicka sedan en kort bekräftelse per mejl.",
          "Listen, do not argue about the assessment, and close kindly. Then send a short confirmation by "
          "e-mail."),
    ]),
    ("grid", [L("Krav eller kompetens", "Requirement or competency"),
              L("Vad kandidaten visade", "What the candidate showed"),
              L("Vad som saknades i förhållande till kravet", "What was missing compared with the requirement")],
     4, (4.6, 6.0, 6.0), 1.4),
    ("box", 6),
    ("tip", L(
        "Förslag: Hej [förnamn]! Tack för samtalet i dag och för att du tog dig tid till intervjun. Som jag "
        "berättade har vi valt en annan kandidat till tjänsten som [roll]. Vi sparar dina uppgifter och våra "
        "anteckningar till [datum] och raderar dem sedan. Hör gärna av dig om du har frågor. "
        "Vänliga hälsningar, [namn]",
        "Suggestion: Hi [first name], thank you for our call today and for taking the time to come to the "
        "interview. As I said, we have chosen another candidate for the [role] position. We keep your details "
        "and our notes until [date] and delete them then. Do get in touch if you have any questions. Kind "
        "regards, [name]")),
    ("h1", L("3. Till en kandidat ni vill behålla kontakten med", "3. To a candidate you want to stay in touch with")),
    ("tip", L(
        "Om ni vill höra av er inför en kommande rekrytering: fråga kandidaten och spara ansökan bara om "
        "kandidaten samtycker, med ett datum då den raderas.",
        "If you want to contact the candidate about a future role: ask, and keep the application only if the "
        "candidate consents, with a date when it will be deleted.")),
    ("fields", [L("Kandidatens samtycke till att ansökan sparas (datum)",
                  "Candidate's consent to keeping the application (date)"),
                L("Sparas till (datum)", "Kept until (date)")]),
    ("h1", L("Dataskydd (GDPR)", "Data protection (GDPR)")),
    ("p", L(
        "Spara ansökningar och anteckningar bara så länge de behövs, till exempel så länge en sökande som inte "
        "fick jobbet kan föra talan om diskriminering. Två år är vanlig praxis, ingen lagregel. Längre lagring, "
        "till exempel för en framtida rekrytering, kräver kandidatens samtycke. Skriv i beskedet hur länge "
        "uppgifterna sparas.",
        "Keep applications and notes only as long as they are needed, for example while an applicant who did "
        "not get the job can still bring a discrimination claim. Two years is common practice, not a rule. "
        "Keeping them longer, for example for a future recruitment, needs the candidate's consent. Say in the "
        "message how long the data is kept.")),
    ("sources", [SRC_TALENT_BOARD, SRC_DISCRIMINATION_ACT, SRC_GDPR]),
]

TEMPLATES = {
    "kravprofil": KRAVPROFIL,
    "annons": ANNONS,
    "telefonavstamning": TELEFONAVSTAMNING,
    "intervju": INTERVJU,
    "referenstagning": REFERENSTAGNING,
    "avslag": AVSLAG,
}
