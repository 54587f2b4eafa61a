/* Kravprofil XBlock: renders the learner's profile from the page's JSON, saves it, shows advice.
   Learner text is only ever set with .value / .textContent (never innerHTML). */
(function () {
  "use strict";

  var L = window.XBlockLayer, fmt = L.fmt, each = L.each, mk = L.mk;

  var SIMPLE = ["basics", "purpose", "conditions", "process", "ad"];

  function KravprofilBlock(runtime, element) {
    var el = L.dom(element);
    var root = el.classList.contains("kravprofil-block") ? el : el.querySelector(".kravprofil-block");
    if (!root || root.getAttribute("data-kp-ready")) { return; }
    root.setAttribute("data-kp-ready", "1");
    var data = JSON.parse(root.querySelector(".kp-data").textContent);
    var S = data.strings;
    var uid = root.getAttribute("data-uid");
    var url = function (name) { return runtime.handlerUrl(el, name); };
    var q = function (sel, base) { return (base || root).querySelector(sel); };
    var qa = function (sel, base) { return (base || root).querySelectorAll(sel); };
    var lists = {tasks: q(".kp-tasks"), requirements: q(".kp-reqs"), competencies: q(".kp-comps")};
    var comps = {};
    var seq = 0;
    var adEdited = false, saver;

    /* ---- building rows ---- */
    function fromTemplate(name) {
      var node = q("template.kp-tpl-" + name).content.firstElementChild.cloneNode(true);
      seq += 1;
      each(qa("[id]", node), function (n) { n.id = n.id + "-" + seq; });
      each(qa("label[for]", node), function (n) { n.htmlFor = n.htmlFor + "-" + seq; });
      each(qa("[aria-describedby]", node), function (n) {
        n.setAttribute("aria-describedby", n.getAttribute("aria-describedby") + "-" + seq);
      });
      return node;
    }

    function field(row, name) { return q('[data-field="' + name + '"]', row); }

    function addTask(text) {
      var row = fromTemplate("task");
      field(row, "text").value = text || "";
      lists.tasks.appendChild(row);
      return row;
    }

    function addRequirement(r) {
      var row = fromTemplate("req");
      r = r || {};
      ["text", "why", "assessment", "stage", "level"].forEach(function (k) { field(row, k).value = r[k] || ""; });
      field(row, "category").value = r.category || "experience";
      field(row, "weight").value = String(r.weight || 3);
      field(row, "must").checked = !!r.must;
      lists.requirements.appendChild(row);
      return row;
    }

    function levelText(row) {
      var c = comps[row.getAttribute("data-id")];
      var lv = field(row, "level").value;
      q(".kp-level-desc", row).textContent = c && c.levels ? (c.levels[lv] || "") : "";
    }

    function addComp(c) {
      var row = fromTemplate("comp");
      var def = comps[c.id];
      row.setAttribute("data-id", c.id);
      q(".kp-row-title", row).textContent = def ? def.name : c.id;
      if (!def) {  // not in this framework (any more): no checkbox to untick, so a button takes it away
        var remove = q('[data-action="remove-competency"]', row);
        remove.hidden = false;
        remove.textContent = fmt(S.remove_competency, {name: c.id});
      }
      field(row, "level").value = String(c.level || 3);
      field(row, "priority").value = String(c.priority || lists.competencies.children.length + 1);
      lists.competencies.appendChild(row);
      levelText(row);
      return row;
    }

    function renumber() {
      each(qa(".kp-task", lists.tasks), function (row, i) {
        q("label", row).textContent = fmt(S.task_n, {n: i + 1});
        q("[data-action]", row).textContent = fmt(S.remove_task_n, {n: i + 1});
      });
      each(qa(".kp-req", lists.requirements), function (row, i) {
        q(".kp-row-title", row).textContent = fmt(S.requirement_n, {n: i + 1});
        q("[data-action]", row).textContent = fmt(S.remove_requirement_n, {n: i + 1});
      });
      // No more rows than the server accepts: a profile over the limit could never be saved.
      q('[data-action="add-task"]').disabled = qa(".kp-task", lists.tasks).length >= data.max_tasks;
      q('[data-action="add-requirement"]').disabled =
        qa(".kp-req", lists.requirements).length >= data.max_requirements;
      var n = lists.competencies.children.length;
      q(".kp-comp-warning").textContent = n > data.max_competencies ?
        fmt(S.too_many, {count: n, max: data.max_competencies}) : "";
    }

    function buildChoices(framework) {
      var box = q(".kp-comp-choices");
      box.textContent = "";
      each(framework.clusters, function (c) {
        var fs = mk("fieldset", {}, box);
        mk("legend", {textContent: c.name}, fs);
        each(c.competencies, function (k) {
          var wrap = mk("div", {className: "kp-check"}, fs);
          var id = uid + "-k" + (seq += 1);
          comps[k.id] = k;
          mk("input", {type: "checkbox", id: id, value: k.id, "data-action": "toggle-competency",
                       "aria-describedby": id + "d"}, wrap);
          mk("label", {htmlFor: id, textContent: k.name}, wrap);
          mk("span", {id: id + "d", className: "kp-help", textContent: k.definition}, wrap);
        });
      });
      each(qa(".kp-comp", lists.competencies), function (row) {
        var def = comps[row.getAttribute("data-id")];
        if (def) { q(".kp-row-title", row).textContent = def.name; }
        levelText(row);
      });
      checkChosen();
    }

    function checkChosen() {
      var chosen = {};
      each(qa(".kp-comp", lists.competencies), function (row) { chosen[row.getAttribute("data-id")] = true; });
      each(qa('[data-action="toggle-competency"]'), function (b) { b.checked = !!chosen[b.value]; });
    }

    function loadFramework() {
      var box = q(".kp-comp-choices");
      fetch(runtime.handlerUrl(el, "framework_data", "", data.framework_query), {credentials: "same-origin"})
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(buildChoices, function () {
          box.textContent = S.framework_error + " ";
          mk("button", {type: "button", className: "kp-btn", textContent: S.framework_retry}, box)
            .addEventListener("click", loadFramework);
        });
    }

    /* ---- profile <-> form ---- */
    function render(p) {
      SIMPLE.forEach(function (s) {
        each(qa('[data-field^="' + s + '."]'), function (input) {
          var key = input.getAttribute("data-field").split(".")[1];
          input.value = (p[s] && p[s][key]) || "";
        });
      });
      Object.keys(lists).forEach(function (k) { lists[k].textContent = ""; });
      (p.tasks || []).forEach(addTask);
      (p.requirements || []).forEach(addRequirement);
      (p.competencies || []).forEach(addComp);
      checkChosen();
      renumber();
    }

    function collect() {
      var p = {version: 1, tasks: [], requirements: [], competencies: []};
      SIMPLE.forEach(function (s) { p[s] = {}; });
      each(qa('.kp-form [data-field*="."]'), function (input) {
        var parts = input.getAttribute("data-field").split(".");
        p[parts[0]][parts[1]] = input.value;
      });
      each(qa(".kp-task", lists.tasks), function (row) { p.tasks.push(field(row, "text").value); });
      each(qa(".kp-req", lists.requirements), function (row) {
        p.requirements.push({
          text: field(row, "text").value, category: field(row, "category").value,
          must: field(row, "must").checked, weight: parseInt(field(row, "weight").value, 10) || 3,
          why: field(row, "why").value, assessment: field(row, "assessment").value,
          stage: field(row, "stage").value, level: field(row, "level").value
        });
      });
      each(qa(".kp-comp", lists.competencies), function (row) {
        p.competencies.push({id: row.getAttribute("data-id"),
          level: parseInt(field(row, "level").value, 10) || 3,
          priority: Math.min(parseInt(field(row, "priority").max, 10) || 50,
                             Math.max(1, parseInt(field(row, "priority").value, 10) || 1))});
      });
      return p;
    }

    /* ---- advice ---- */
    function target(a) {
      var rowSel = {tasks: ".kp-task", requirements: ".kp-req", competencies: ".kp-comp"}[a.section];
      if (rowSel && a.index !== null && a.index !== undefined) {
        var row = qa(rowSel, lists[a.section])[a.index];
        return row ? (q('[data-field="' + (a.field || "text") + '"]', row) ||
                      q("input, textarea, select", row)) : null;
      }
      return a.field ? q('[data-field="' + a.section + "." + a.field + '"]') : null;
    }

    // "Krav 2 – Varför kräver jobbet det?": where a piece of advice belongs, from the labels on the page.
    function context(t) {
      if (!t) { return ""; }
      var label = t.id ? q('label[for="' + t.id + '"]') : null;
      var row = t.closest(".kp-req, .kp-comp");
      // Rows name themselves ("Krav 2"); the ad's fields share labels with the form ("Krav"), so name the ad.
      var title = row ? q(".kp-row-title", row) : t.closest('[data-section="ad"]') &&
        q("legend", t.closest('[data-section="ad"]'));
      return [title && title.textContent, label && label.textContent].filter(Boolean).join(" – ");
    }

    function showAdvice(list) {
      var ul = q(".kp-advice");
      ul.textContent = "";
      // Take away the ids of earlier advice only (a field's help and its character counter stay).
      each(qa(".kp-flagged"), function (n) {
        var ids = n.getAttribute("aria-describedby").split(" ").filter(function (id) {
          return id.indexOf(uid + "-adv") !== 0;
        }).join(" ");
        if (ids) { n.setAttribute("aria-describedby", ids); } else { n.removeAttribute("aria-describedby"); }
        n.classList.remove("kp-flagged");
      });
      (list || []).forEach(function (a, i) {
        var t = target(a);
        var where = context(t);
        var li = mk("li", {className: "kp-advice-item", id: uid + "-adv" + i, "data-kind": a.kind || "",
                           "data-ground": a.ground || ""}, ul);
        if (where) { mk("strong", {textContent: where + ": "}, li); }
        mk("span", {textContent: a.message + (a.suggestion ? " " + fmt(S.suggestion, {text: a.suggestion}) : "")},
           li);
        if (a.source) { mk("small", {className: "kp-source", textContent: " (" + a.source + ")"}, li); }
        if (t) {
          t.setAttribute("aria-describedby", ((t.getAttribute("aria-describedby") || "") + " " + li.id).trim());
          t.classList.add("kp-flagged");
          mk("button", {type: "button", className: "kp-link", textContent: S.goto}, li)
            .addEventListener("click", function () { t.focus(); });
        }
      });
      q(".kp-advice-empty").hidden = !!(list && list.length);
    }

    // "Grundfakta – Roll": how the conflict dialog names a field of the profile.
    function label(path) {
      var f = q('[data-field="' + path + '"]'), l = f && f.id && q('label[for="' + f.id + '"]');
      var s = q('[data-section="' + path.split(".")[0] + '"] legend');
      return [s && s.textContent, l && l.textContent].filter(Boolean).join(" – ");
    }

    /* ---- the job ad ---- */
    function adFields() { return qa('[data-field^="ad."]'); }

    function draftAd(force) {
      var hasText = Array.prototype.some.call(adFields(), function (f) { return f.value.trim() !== ""; });
      var confirmBox = q(".kp-ad-confirm");
      if (hasText && adEdited && !force) {
        confirmBox.hidden = false;
        q('[data-action="confirm-draft"]').focus();
        return;
      }
      confirmBox.hidden = true;
      saver.say(S.drafting);
      L.post(url("draft_ad"), {profile: collect()}).then(function (r) {
        if (r.status !== 200) { saver.say(r.status ? fmt(S.not_saved, {error: r.body.error || S.error}) : S.offline, true); return; }
        each(adFields(), function (f) {
          f.value = r.body.ad[f.getAttribute("data-field").split(".")[1]] || "";
        });
        adEdited = false;
        saver.changed();
        saver.say(S.drafted);
        adFields()[0].focus();
      });
    }

    /* ---- events ---- */
    function changed() { saver.changed(); }
    var actions = {
      "save": function () { saver.saveNow(); },
      "add-task": function () { field(addTask(""), "text").focus(); renumber(); changed(); },
      "add-requirement": function () { field(addRequirement(null), "text").focus(); renumber(); changed(); },
      "remove-task": removeRow,
      "remove-requirement": removeRow,
      "remove-competency": removeRow,
      "draft-ad": function () { draftAd(false); },
      "confirm-draft": function () { draftAd(true); },
      "cancel-draft": function () { q(".kp-ad-confirm").hidden = true; q('[data-action="draft-ad"]').focus(); }
    };

    function removeRow(btn) {
      var row = btn.closest(".kp-row");
      var list = row.parentNode;
      var next = row.nextElementSibling || row.previousElementSibling;
      list.removeChild(row);
      renumber();
      var target = next ? q("input, textarea, select", next) : q("[data-action^='add-']", list.parentNode);
      if (target) { target.focus(); }
      changed();
    }

    function toggleComp(box) {
      var row = q('.kp-comp[data-id="' + box.value.replace(/["\\]/g, "") + '"]', lists.competencies);
      if (box.checked && !row) { addComp({id: box.value}); }
      if (!box.checked && row) { lists.competencies.removeChild(row); }
      renumber();
      changed();
    }

    root.addEventListener("click", function (ev) {
      var btn = ev.target.closest("[data-action]");
      var fn = btn && root.contains(btn) && actions[btn.getAttribute("data-action")];
      if (fn) { ev.preventDefault(); fn(btn); }
    });
    root.addEventListener("change", function (ev) {
      var t = ev.target;
      if (t.getAttribute("data-action") === "toggle-competency") { toggleComp(t); return; }
      if (t.closest(".kp-comp") && t.getAttribute("data-field") === "level") { levelText(t.closest(".kp-comp")); }
      if (t.matches("select, input[type=checkbox]")) { changed(); }
    });
    root.addEventListener("input", function (ev) {
      if (!ev.target.matches("[data-field]")) { return; }
      if ((ev.target.getAttribute("data-field") || "").indexOf("ad.") === 0) { adEdited = true; }
      changed();
    });
    root.addEventListener("focusout", function (ev) {
      if (saver.dirty() && ev.target.matches("[data-field]")) { saver.save(); }
    });
    q(".kp-form").addEventListener("submit", function (ev) { ev.preventDefault(); saver.save(); });

    /* ---- start ---- */
    render(data.profile);
    loadFramework();
    showAdvice(data.advice);
    adEdited = Array.prototype.some.call(adFields(), function (f) { return f.value.trim() !== ""; });
    saver = L.autosave({
      root: root, uid: uid, url: url("save_profile"), stateUrl: url("student_view_user_state"), name: "profile",
      key: "kravprofil:" + url("save_profile"), revision: data.revision, savedAt: data.saved_at, strings: S,
      status: q(".kp-save-status"), box: q(".kp-bar"), btn: "kp-btn", home: q('[data-action="save"]'),
      collect: collect, render: render, label: label,
      onSaved: function (body) { showAdvice(body.advice); }
    });
    L.limits(root, S);
    each(qa("[data-download]"), function (a) {
      a.href = url(a.getAttribute("data-download") === "ad" ? "download_ad" : "download_kravprofil");
      L.guard(a, saver, S);
    });
    var printLink = q('[data-action="print"]');
    printLink.href = url("print_view");
    L.guard(printLink, saver, S);
  }

  window.KravprofilBlock = KravprofilBlock;
}());
