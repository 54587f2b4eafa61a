/* The interview-guide block: profile -> competencies -> questions from the bank (fetched, cacheable) -> the guide,
   advice, the scoring sheet (each interviewer rates alone, then the consensus view) and rating practice.
   Learner text is only ever set through textContent and value (never as HTML). Saving, conflicts and downloads
   are XBlockLayer's (autosave, guard). */
(function () {
  "use strict";
  var L = window.XBlockLayer, mk = L.mk, fmt = L.fmt, each = L.each;
  var SECTIONS = ["opening", "closing", "practicalities"];
  var SIMPLE = {opening: ["who", "agenda", "notes"], closing: ["next_steps", "hear_back"],
    practicalities: ["notice_period", "pay", "location", "other"]};

  function InterviewGuideBlock(runtime, element) {
    var el = L.dom(element);
    var root = el.classList.contains("igb") ? el : el.querySelector(".igb");
    if (!root || root.getAttribute("data-ig-ready")) { return; }
    var D = JSON.parse(root.querySelector(".ig-data").textContent);
    var S = {}, LB = {}, kind = D.type, uid = root.getAttribute("data-uid");
    var g = D.guide, bank = null, names = {}, byId = {}, saver = null, active = 0, removed = null;

    function q(s) { return root.querySelector(s); }
    function url(h, query) { return runtime.handlerUrl(el, h, "", query || ""); }
    function copy(v) { return JSON.parse(JSON.stringify(v)); }
    function changed() { if (saver) { saver.changed(); } }
    function tx(tag, text, parent) { return mk(tag, {textContent: text}, parent); }
    function clear(n) { while (n && n.firstChild) { n.removeChild(n.firstChild); } return n; }
    function nm(id) { return names[id] || id; }
    // Inside a sentence a competency is a common noun: "Betyg på samarbetsförmåga", not "… på Samarbetsförmåga".
    function lc(id) { var n = nm(id); return n.charAt(0).toLowerCase() + n.slice(1); }
    function items() { return kind === "phone_screen" ? bank.phone_screen : kind === "reference_check" ? bank.reference_check : bank.questions; }
    // A reference-check question asked once per competency names them ("…" until some are chosen).
    function shown(b) {
      var names = g.competencies.map(function (c) { var n = nm(c); return n.charAt(0).toLowerCase() + n.slice(1); });
      return b.per_competency ? b.text.replace("{competency}", names.join(", ") || "…") : b.text;
    }
    function compOf(it) { return it.competency || ((byId[it.ref] || {}).competency) || ""; }
    function field(tag, label, path, value, parent, props) {
      var id = uid + "-" + path.replace(/\W/g, "_");
      mk("label", {htmlFor: id, textContent: label}, parent);
      var f = mk(tag, Object.assign({id: id, "data-field": path}, props || {}), parent);
      f.value = value;
      return f;
    }
    function scoreSelect(label, path, value, parent, onChange) {
      var s = field("select", label, path, "", parent);
      [["", S.choose], ["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"], ["na", LB.not_assessed]]
        .forEach(function (o) { mk("option", {value: o[0], textContent: o[1]}, s); });
      s.value = value === null || value === undefined ? "" : String(value);
      s.addEventListener("change", function () { onChange(s.value === "" ? null : s.value === "na" ? "na" : +s.value); });
      return s;
    }
    function button(text, action, parent, label) {
      var b = mk("button", {type: "button", className: "ig-btn", textContent: text}, parent);
      if (label) { b.setAttribute("aria-label", label); }
      b.addEventListener("click", action);
      return b;
    }
    function rating(ratings, c) { return ratings[c] || (ratings[c] = {score: null, evidence: ""}); }

    /* ---- the requirement profile ---- */
    function chosenProfile() {
      var ps = D.profiles;
      for (var i = 0; i < ps.length; i++) { if (ps[i].key === g.profile_key) { return ps[i]; } }
      return ps.length === 1 ? ps[0] : null;
    }
    function renderProfile() {
      var box = clear(q(".ig-profile-body"));
      if (!box) { return; }
      var ps = D.profiles;
      if (!ps.length) { tx("p", D.profile_problem ? S.bad_profile || S.error : S.no_profile, box); return; }
      if (ps.length > 1) {
        var sel = field("select", S.choose_profile, "profile_key", "", box);
        mk("option", {value: "", textContent: S.choose}, sel);
        ps.forEach(function (p) { mk("option", {value: p.key, textContent: fmt(S.profile_role, {title: p.title, role: p.role})}, sel); });
        sel.value = g.profile_key;
        sel.addEventListener("change", function () { g.profile_key = sel.value; changed(); renderProfile(); });
      }
      var p = chosenProfile();
      if (!p) { return; }
      mk("p", {className: "ig-role", textContent: p.role}, box);
      var ul = mk("ul", {className: "ig-profile-comps"}, box);
      p.competencies.forEach(function (c) { mk("li", {textContent: nm(c.id) + " (" + fmt(S.level, {n: c.level}) + ")"}, ul); });
      if (p.must.length) {
        tx("p", S.must_haves, box);
        var m = mk("ul", {}, box);
        p.must.forEach(function (t) { tx("li", t, m); });
      }
      if (kind !== "phone_screen") {
        button(S.use_profile, function () {
          g.competencies = p.competencies.slice().sort(function (a, b) { return a.priority - b.priority; })
            .map(function (c) { return c.id; });
          if (!g.profile_key && p.key) { g.profile_key = p.key; }
          changed(); renderComps(); renderBank();
        }, box).setAttribute("data-action", "use-profile");
      }
    }

    /* ---- competencies to assess ---- */
    function renderComps() {
      var box = clear(q(".ig-comp-list"));
      if (box) {
        bank.competencies.forEach(function (c) {
          var row = mk("div", {className: "ig-check"}, box);
          var cb = mk("input", {type: "checkbox", id: uid + "-c-" + c.id, value: c.id, "data-action": "toggle-competency",
            checked: g.competencies.indexOf(c.id) >= 0}, row);
          mk("label", {htmlFor: cb.id, textContent: c.name}, row);
          cb.addEventListener("change", function () {
            var i = g.competencies.indexOf(c.id);
            if (cb.checked && i < 0) { g.competencies.push(c.id); }
            if (!cb.checked && i >= 0) { g.competencies.splice(i, 1); }
            changed(); renderPeople();
            if (kind === "reference_check") { renderBank(); renderItems(); }  // the per-competency question names them
          });
        });
      }
      var own = q(".ig-own-comp");
      if (own && own.options.length < 2) {
        bank.competencies.forEach(function (c) { mk("option", {value: c.id, textContent: c.name}, own); });
      }
    }

    /* ---- the bank: filter, search, add ---- */
    function renderBank() {
      var list = clear(q(".ig-bank-list")), text = (q(".ig-search").value || "").toLowerCase();
      var fc = q(".ig-f-comp"), ft = q(".ig-f-type"), n = 0;
      var used = g.items.map(function (it) { return it.ref; });
      items().forEach(function (b) {
        if (fc && fc.value && b.competency !== fc.value) { return; }
        if (ft && ft.value && b.type !== ft.value) { return; }
        if (text && (b.text + " " + nm(b.competency)).toLowerCase().indexOf(text) < 0) { return; }
        n += 1;
        var li = mk("li", {className: "ig-q"}, list);
        mk("p", {className: "ig-q-text", textContent: shown(b)}, li);
        mk("p", {className: "ig-meta", textContent: b.competency ? nm(b.competency) + " · " + bank.type_labels[b.type] + " · " + b.minutes + " min" : (b.note || "")}, li);
        var has = used.indexOf(b.id) >= 0;
        var btn = button(has ? S.added : S.add, function () {
          g.items.push({ref: b.id, competency: b.competency || "", text: ""});
          changed(); renderItems(); renderBank();
          focusAfterAdd(b.id);
        }, li, (has ? S.added : S.add) + ": " + shown(b));
        btn.disabled = has;
        btn.setAttribute("data-add", b.id);
      });
      q(".ig-count").textContent = n ? fmt(S.shown, {n: n}) : S.no_match;
    }

    // The pressed "Add" button is now disabled ("In the guide"): keep the focus in the list, on the next question
    // that can still be added (else the search field), so a keyboard user can go on adding.
    function focusAfterAdd(id) {
      var all = root.querySelectorAll(".ig-bank-list button[data-add]"), after = false, target = null;
      for (var i = 0; i < all.length && !target; i++) {
        if (all[i].getAttribute("data-add") === id) { after = true; } else if (after && !all[i].disabled) { target = all[i]; }
      }
      (target || q(".ig-search")).focus();
    }

    /* ---- the guide's questions ---- */
    function move(i, d) {
      var j = i + d;
      if (j < 0 || j >= g.items.length) { return; }
      var t = g.items[i]; g.items[i] = g.items[j]; g.items[j] = t;
      changed(); renderItems();
      var b = q('.ig-items [data-move="' + j + ':' + d + '"]') || q('.ig-items [data-move="' + j + ':' + (-d) + '"]');
      if (b) { b.focus(); }
    }
    function renderItems() {
      var ol = clear(q(".ig-items")), undo = q(".ig-undo");
      clear(undo);
      if (removed) {  // a removed question (with its rewording) can be put back
        tx("span", fmt(S.removed, {text: removed.item.text || shown(byId[removed.item.ref] || {text: ""})}), undo);
        button(S.undo, function () {
          g.items.splice(Math.min(removed.at, g.items.length), 0, removed.item);
          var at = Math.min(removed.at, g.items.length - 1);
          removed = null; changed(); renderItems(); renderBank();
          var back = root.querySelectorAll(".ig-items > li textarea")[at];
          if (back) { back.focus(); }
        }, undo).setAttribute("data-action", "undo-remove");
      }
      g.items.forEach(function (it, i) {
        var b = byId[it.ref], li = mk("li", {className: "ig-item"}, ol), n = fmt(S.question_n, {n: i + 1});
        var c = compOf(it);
        tx("h4", n + (c ? " · " + nm(c) : ""), li);
        if (b) { mk("p", {className: "ig-q-text", textContent: shown(b)}, li); }
        var t = field("textarea", b ? S.reword : LB.own_question, "items." + i + ".text", it.text, li, {maxLength: 1000, rows: 2});
        t.addEventListener("input", function () { it.text = t.value; changed(); });
        if (!b && kind !== "phone_screen") {
          var s = field("select", LB.competency, "items." + i + ".competency", "", li);
          mk("option", {value: "", textContent: "–"}, s);
          bank.competencies.forEach(function (x) { mk("option", {value: x.id, textContent: x.name}, s); });
          s.value = it.competency;
          s.addEventListener("change", function () { it.competency = s.value; changed(); });
        }
        if (b && b.follow_ups) {
          var det = mk("details", {}, li);
          tx("summary", S.follow_ups, det);
          var ul = mk("ul", {}, det);
          ["situation", "behaviour", "result"].forEach(function (k) {
            b.follow_ups[k].forEach(function (x) { tx("li", bank.follow_up_labels[k] + ": " + x, ul); });
          });
          tx("p", LB.weak_signs + ": " + b.weak_signs.join(" "), det);
        } else if (b && b.note) {
          mk("p", {className: "ig-meta", textContent: b.note}, li);
        }
        var bar = mk("div", {className: "ig-row-actions"}, li);
        button(S.up, function () { move(i, -1); }, bar, S.up + ": " + n).setAttribute("data-move", i + ":-1");
        button(S.down, function () { move(i, 1); }, bar, S.down + ": " + n).setAttribute("data-move", i + ":1");
        button(S.remove, function () {
          removed = {item: g.items.splice(i, 1)[0], at: i};
          changed(); renderItems(); renderBank();
          q('[data-action="undo-remove"]').focus();
        }, bar, S.remove + ": " + n).setAttribute("data-action", "remove-item");
      });
    }

    /* ---- scoring sheet: each interviewer alone, then the consensus ---- */
    function renderPeople() {
      var box = clear(q(".ig-people"));
      if (!box) { return; }
      q(".ig-rate-alone").textContent = LB.rate_alone;
      q('[data-action="add-interviewer"]').disabled = g.interviewers.length >= 8;  // the guide keeps at most 8
      var all = g.interviewers.length > 1 && g.interviewers.every(function (p) { return p.submitted; });
      g.interviewers.forEach(function (p, i) {
        var fs = mk("fieldset", {className: "ig-person"}, box), name = p.name || fmt(S.interviewer_n, {n: i + 1});
        tx("legend", name, fs);
        var nameIn = field("input", S.name, "interviewers." + i + ".name", p.name, fs, {type: "text", maxLength: 80});
        nameIn.addEventListener("input", function () { p.name = nameIn.value; changed(); });
        var sen = field("select", LB.seniority, "interviewers." + i + ".seniority", "", fs);
        [1, 2, 3, 4, 5].forEach(function (v) { mk("option", {value: String(v), textContent: String(v)}, sen); });
        sen.value = String(p.seniority);
        sen.addEventListener("change", function () { p.seniority = +sen.value; changed(); });
        if (p.submitted) {
          tx("p", all ? "" : S.hidden, fs);
          button(S.reopen, function () { p.submitted = false; active = i; changed(); renderPeople(); focusPerson(i, ".ig-rating select"); },
            fs, S.reopen + ": " + name).setAttribute("data-action", "reopen-rating");
        } else if (i !== active) {
          button(fmt(S.rate_as, {name: name}), function () { active = i; renderPeople(); focusPerson(i, ".ig-rating select"); }, fs)
            .setAttribute("data-action", "rate-as");
        } else {
          g.competencies.forEach(function (c) {
            var r = rating(p.ratings, c), wrap = mk("div", {className: "ig-rating"}, fs);
            scoreSelect(fmt(S.rating_of, {name: lc(c)}), "interviewers." + i + ".ratings." + c + ".score", r.score, wrap,
              function (v) { r.score = v; changed(); });
            var ev = field("textarea", fmt(S.evidence_of, {name: lc(c)}), "interviewers." + i + ".ratings." + c + ".evidence",
              r.evidence, wrap, {maxLength: 4000, rows: 2});
            ev.addEventListener("input", function () { r.evidence = ev.value; changed(); });
          });
          button(S.submit, function () {
            p.submitted = true; active = -1; changed(); renderPeople(); focusPerson(i, '[data-action="reopen-rating"]'); saver.save();
          }, fs).setAttribute("data-action", "submit-rating");
        }
        button(fmt(S.remove_interviewer, {name: name}), function () {
          g.interviewers.splice(i, 1); changed(); renderPeople(); q('[data-action="add-interviewer"]').focus();
        }, fs);
      });
      renderConsensus();
    }
    // After the list is drawn again, the focus goes back into the same interviewer's box (never to the page).
    function focusPerson(i, selector) {
      var fs = root.querySelectorAll(".ig-person")[i], f = fs && (fs.querySelector(selector) || fs.querySelector("input"));
      if (f) { f.focus(); }
    }
    function renderConsensus() {
      var box = clear(q(".ig-consensus"));
      if (!box) { return; }
      var issues = D.issues || [], view = D.consensus;
      if (issues.length) {
        var ul = mk("ul", {className: "ig-issues"}, box);
        issues.forEach(function (x) { tx("li", x.message, ul); });
      }
      if (!view) { return; }
      tx("h4", LB.consensus, box);
      if (!view.ready) { tx("p", view.message, box); return; }
      // A narrow screen scrolls the table inside its own box (keyboard: it takes the focus), never the page.
      var wrap = mk("div", {className: "ig-table-wrap", tabIndex: 0, "aria-label": LB.consensus}, box);
      wrap.setAttribute("role", "region");
      var tb = mk("table", {className: "ig-table"}, wrap), head = mk("tr", {}, mk("thead", {}, tb));
      [LB.competency].concat(view.names)
        .concat([LB.spread, LB.to_discuss]).forEach(function (h) { mk("th", {scope: "col", textContent: h}, head); });
      var body = mk("tbody", {}, tb);
      view.rows.forEach(function (r) {
        var tr = mk("tr", {"data-status": r.status}, body);
        mk("th", {scope: "row", textContent: nm(r.competency)}, tr);
        r.scores.forEach(function (s) { tx("td", s === "na" ? LB.not_assessed : s === null ? "–" : String(s), tr); });
        tx("td", r.spread === null ? "–" : String(r.spread), tr);
        tx("td", r.message, tr);
      });
      if (view.talk_first.length) {
        tx("h4", LB.talk_first, box);
        var tf = mk("ol", {className: "ig-talk-first"}, box);
        view.talk_first.forEach(function (c) { tx("li", nm(c), tf); });
      }
      tx("h4", LB.debrief_order, box);
      tx("p", LB.debrief_tip, box);
      var order = mk("ol", {className: "ig-debrief"}, box);
      view.debrief_order.forEach(function (n) { tx("li", n, order); });
    }

    // Rating practice lives in practice.js (only practice pages load it).
    function renderPractice() { window.InterviewGuidePractice(H); }

    /* ---- advice and time ---- */
    function renderResults() {
      var ul = clear(q(".ig-advice"));
      if (ul) {
        (D.advice || []).forEach(function (a) { mk("li", {className: "ig-advice-item", "data-kind": a.kind, textContent: a.message}, ul); });
        if (!(D.advice || []).length) { tx("li", S.no_advice, ul); }
      }
      var est = q(".ig-estimate");
      if (est) { est.textContent = fmt(S.estimate, {minutes: D.estimate, planned: D.planned}); }
      renderConsensus();
      if (kind === "practice") { renderPractice(); }
    }

    function renderAll() {
      each(root.querySelectorAll("[data-field]"), function (f) {
        var p = f.getAttribute("data-field").split(".");
        if (p.length === 2 && SECTIONS.indexOf(p[0]) >= 0) { f.value = g[p[0]][p[1]]; }
        if (p[0] === "candidate_minutes") { f.value = String(g.candidate_minutes); }
      });
      if (kind === "practice") { renderPractice(); return; }
      renderProfile(); renderComps(); renderBank(); renderItems(); renderPeople(); renderResults();
    }

    var H = {q: q, clear: clear, field: field, scoreSelect: scoreSelect, rating: rating, nm: nm, lc: lc, changed: changed,
      S: S, LB: LB, D: D, guide: function () { return g; }};

    // The guide's plain text fields (opening, closing, practicalities), labelled as in the Word documents.
    function buildSimple() {
      each(root.querySelectorAll(".ig-simple"), function (box) {
        var sec = box.getAttribute("data-section"), fs = mk("fieldset", {}, box);
        tx("legend", LB[sec], fs);
        SIMPLE[sec].forEach(function (k) {
          var path = sec + "." + k;
          field(sec === "practicalities" ? "input" : "textarea", LB[path], path, "", fs,
            sec === "practicalities" ? {type: "text", maxLength: 1000} : {maxLength: 1000, rows: 3});
        });
        if (sec === "closing" && kind === "interview") {
          var mins = field("input", LB.candidate_minutes, "candidate_minutes", "", box, {type: "number", min: 0, max: 30});
          // A number outside 0–30 is not saved: say so next to the field instead of dropping it silently.
          mk("p", {className: "ig-hint", id: uid + "-cmh", "aria-live": "polite"}, box);
          mins.setAttribute("aria-describedby", uid + "-cmh");
        }
      });
    }

    function start(data) {
      bank = data;
      Object.assign(S, data.ui.strings);  // the same objects the download guards were given
      Object.assign(LB, data.ui.labels);
      buildSimple();
      bank.competencies.forEach(function (c) { names[c.id] = c.name; });
      items().forEach(function (b) { byId[b.id] = b; });
      q(".ig-loading").hidden = true;
      q(".ig-fail").hidden = true;
      var fc = q(".ig-f-comp"), ft = q(".ig-f-type");
      if (fc) { bank.competencies.forEach(function (c) { mk("option", {value: c.id, textContent: c.name}, fc); }); }
      if (ft) { Object.keys(bank.type_labels).forEach(function (t) { mk("option", {value: t, textContent: bank.type_labels[t]}, ft); }); }
      renderAll();
      saver = L.autosave({
        root: root, uid: uid, url: url("save_guide"), stateUrl: url("student_view_user_state"), name: "guide",
        key: "interview:" + url("save_guide"), revision: D.revision, savedAt: D.saved_at, strings: S,
        uiUrl: D.layer_ui_url,
        status: q(".ig-save-status"), box: q(".ig-bar"), btn: "ig-btn", home: q('[data-action="save"]'),
        label: function (path) {
          var top = path.split(".")[0];
          return LB[path] || LB[top] || S["part_" + top] || path;
        },
        show: function (v, path) {  // a list of questions or interviewers as readable lines
          if (!Array.isArray(v)) { return typeof v === "object" && v !== null ? JSON.stringify(v) : String(v); }
          return v.map(function (x) {
            return typeof x !== "object" || x === null ? String(x) : x.name !== undefined ? x.name :
              (x.text || (byId[x.ref] || {}).text || "");
          }).join("\n");
        },
        collect: function () { return copy(g); },
        render: function (state) { g = copy(state); removed = null; renderAll(); },
        onSaved: function (b) {
          ["advice", "estimate", "issues", "consensus", "practice"].forEach(function (k) { D[k] = b[k]; });
          renderResults();
        }
      });
      L.limits(root, S);
      root.setAttribute("data-ig-ready", "1");
    }

    function load() {
      fetch(url("bank_data", D.bank_query), {credentials: "same-origin"})
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(start, function () { q(".ig-loading").hidden = true; q(".ig-fail").hidden = false; });
    }

    /* ---- events ---- */
    root.addEventListener("input", function (ev) {
      var f = ev.target, p = (f.getAttribute("data-field") || "").split(".");
      if (p.length === 2 && g[p[0]] && typeof g[p[0]][p[1]] === "string") { g[p[0]][p[1]] = f.value; changed(); }
      if (p[0] === "candidate_minutes") {
        var v = Number(f.value), ok = f.value !== "" && v >= 0 && v <= 30 && Math.floor(v) === v;
        if (ok) { g.candidate_minutes = v; changed(); }
        q(".ig-hint").textContent = ok ? "" : fmt(S.minutes_range, {n: g.candidate_minutes});
      }
      if (f.classList.contains("ig-search")) { renderBank(); }
    });
    root.addEventListener("change", function (ev) { if (ev.target.matches(".ig-f-comp, .ig-f-type")) { renderBank(); } });
    root.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-action]"), a = b && b.getAttribute("data-action");
      if (a === "save") { ev.preventDefault(); if (saver) { saver.saveNow(); } }
      if (a === "retry") { q(".ig-loading").hidden = false; load(); }
      if (a === "add-own") {
        var t = q(".ig-own-text"), c = q(".ig-own-comp");
        if (!t.value.trim()) { t.focus(); return; }
        g.items.push({ref: "", competency: c ? c.value : "", text: t.value.trim()});
        t.value = "";
        changed(); renderItems(); saver.save();
      }
      if (a === "add-interviewer" && g.interviewers.length < 8) {
        g.interviewers.push({name: "", seniority: 1, submitted: false, ratings: {}});
        active = g.interviewers.length - 1;
        changed(); renderPeople();
        var inputs = root.querySelectorAll(".ig-person input[type=text]");
        inputs[inputs.length - 1].focus();
      }
      if (a === "hand-in-practice") {  // the button goes away: the focus goes to where the comparison appears
        g.practice.submitted = true; changed(); saver.save(); renderPractice(); q(".ig-result").focus();
      }
    });
    q(".ig-form").addEventListener("submit", function (ev) { ev.preventDefault(); });

    // Downloads and print are built from the saved state: save first, and say why not when offline.
    var proxy = {dirty: function () { return !!saver && saver.dirty(); }, save: function () { return saver.save(); },
      check: function () { return saver ? saver.check() : Promise.resolve(true); },
      say: function (t, e) { if (saver) { saver.say(t, e); } else { q(".ig-save-status").textContent = t; } }};
    each(root.querySelectorAll("[data-download]"), function (a) {
      a.href = url(a.getAttribute("data-download") === "sheet" ? "download_sheet" : "download_guide");
      L.guard(a, proxy, S);
    });
    var pr = q('[data-action="print"]');
    if (pr) { pr.href = url("print_view"); L.guard(pr, proxy, S); }
    load();
  }

  window.InterviewGuideBlock = InterviewGuideBlock;
}());
