/* Rating practice of the interview-guide block: the case, the learner's own ratings, then the comparison with the
   expert (sent by the server only after the learner has handed in). Text only through textContent/value. */
(function () {
  "use strict";
  var L = window.XBlockLayer, mk = L.mk, fmt = L.fmt;
  function tx(tag, text, parent) { return mk(tag, {textContent: text}, parent); }

  window.InterviewGuidePractice = function (H) {
    var q = H.q, clear = H.clear, field = H.field, scoreSelect = H.scoreSelect, rating = H.rating, lc = H.lc;
    var changed = H.changed, S = H.S, LB = H.LB, D = H.D, g = H.guide();
    var cs = D.case, box = clear(q(".ig-case")), rate = clear(q(".ig-rate"));
    if (!box) { return; }
    if (!cs) { tx("p", S.error, box); return; }
    tx("h4", cs.title, box);
    if (cs.question) { mk("p", {className: "ig-q-text", textContent: cs.question}, box); }
    mk("blockquote", {className: "ig-answer", textContent: cs.answer}, box);
    var done = g.practice.submitted;
    cs.competencies.forEach(function (c) {
      var r = rating(g.practice.ratings, c), wrap = mk("div", {className: "ig-rating"}, rate);
      scoreSelect(fmt(S.rating_of, {name: lc(c)}), "practice.ratings." + c + ".score", r.score, wrap,
        function (v) { r.score = v; changed(); }).disabled = done;
      var ev = field("textarea", fmt(S.evidence_of, {name: lc(c)}), "practice.ratings." + c + ".evidence", r.evidence, wrap,
        {maxLength: 4000, rows: 2, disabled: done});
      ev.addEventListener("input", function () { r.evidence = ev.value; changed(); });
    });
    q('[data-action="hand-in-practice"]').hidden = done;
    var res = clear(q(".ig-result")), P = D.practice;
    if (!P) { return; }
    tx("h4", S.compare, res);
    tx("p", P.summary, res);
    function shown(score) { return score === "na" ? LB.not_assessed : score === null ? "–" : score; }
    P.rows.forEach(function (r) {
      var d = mk("div", {className: "ig-cmp"}, res);
      tx("h5", r.name, d);
      tx("p", LB.you + ": " + shown(r.learner) + " · " + LB.expert + ": " + shown(r.expert) + ". " + r.message, d);
      tx("p", LB.reasons + ": " + r.reasons, d);
      if (r.possible_errors.length) {
        tx("p", LB.possible_errors + ":", d);
        var ul = mk("ul", {}, d);
        r.possible_errors.forEach(function (e) { tx("li", e.name + ": " + e.text, ul); });
      }
    });
    P.patterns.forEach(function (e) { mk("p", {className: "ig-pattern", textContent: e.name + ": " + e.text}, res); });
  };
}());
