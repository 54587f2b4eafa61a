/* Kravprofil XBlock: renders the learner's profile from the page's JSON, saves it, shows advice.
   Learner text is only ever set with .value / .textContent (never innerHTML). */
(function () {
  "use strict";

  function fmt(text, params) {
    return String(text).replace(/%\((\w+)\)s/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : m;
    });
  }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // A new element: keys with a dash become attributes, the others properties (text only via textContent).
  function mk(tag, props, parent) {
    var n = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k.indexOf("-") > 0) { n.setAttribute(k, props[k]); } else { n[k] = props[k]; }
    });
    if (parent) { parent.appendChild(n); }
    return n;
  }

  function csrfToken() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function postJSON(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken(),
                "X-Requested-With": "XMLHttpRequest"},
      body: JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (json) {
        return {status: resp.status, body: json || {}};
      });
    });
  }

  var SIMPLE = ["basics", "purpose", "conditions", "process", "ad"];

  function KravprofilBlock(runtime, element) {
    var el = element && element.jquery ? element[0] : element;
    var root = el.classList.contains("kravprofil-block") ? el : el.querySelector(".kravprofil-block");
    if (!root || root.getAttribute("data-kp-ready")) { return; }
    root.setAttribute("data-kp-ready", "1");
    var data = JSON.parse(root.querySelector(".kp-data").textContent);
    var S = data.strings;
    var uid = root.getAttribute("data-uid");
    var url = function (name) { return runtime.handlerUrl(el, name); };
    var saveUrl = url("save_profile");
    var storeKey = "kravprofil:" + saveUrl;
    var q = function (sel, base) { return (base || root).querySelector(sel); };
    var qa = function (sel, base) { return (base || root).querySelectorAll(sel); };
    var lists = {tasks: q(".kp-tasks"), requirements: q(".kp-reqs"), competencies: q(".kp-comps")};
    var status = q(".kp-save-status");
    var dialog = q(".kp-conflict");
    var comps = {};
    var seq = 0;
    var revision = data.revision;
    var changes = 0, savedChanges = 0, inFlight = null, again = false, timer = null, retry = null;
    var conflict = null, lastFocus = null, adEdited = false, note = "";
    var tabId = Date.now().toString(36) + Math.random().toString(36).slice(2);


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
      each(qa("[data-kp-desc]"), function (n) {
        n.setAttribute("aria-describedby", n.getAttribute("data-kp-desc"));
        if (!n.getAttribute("data-kp-desc")) { n.removeAttribute("aria-describedby"); }
        n.removeAttribute("data-kp-desc");
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
          if (!t.hasAttribute("data-kp-desc")) {
            t.setAttribute("data-kp-desc", t.getAttribute("aria-describedby") || "");
          }
          t.setAttribute("aria-describedby", ((t.getAttribute("aria-describedby") || "") + " " + li.id).trim());
          t.classList.add("kp-flagged");
          mk("button", {type: "button", className: "kp-link", textContent: S.goto}, li)
            .addEventListener("click", function () { t.focus(); });
        }
      });
      q(".kp-advice-empty").hidden = !!(list && list.length);
    }

    /* ---- local copy until the server confirms ---- */
    function storage(fn) { try { return fn(window.localStorage); } catch (e) { return null; } }
    // One copy per block; it names the tab that wrote it, so a save in another tab never drops it.
    function keepLocal() {
      var p = collect();
      storage(function (ls) {
        ls.setItem(storeKey, JSON.stringify({revision: revision, profile: p, t: Date.now(), tab: tabId}));
      });
    }
    function dropLocal(suffix, force) {
      var mine = readLocal(suffix);
      if (force || suffix || !mine || !mine.tab || mine.tab === tabId) {
        storage(function (ls) { ls.removeItem(storeKey + (suffix || "")); });
      }
    }
    function readLocal(suffix) {
      return storage(function (ls) { var v = ls.getItem(storeKey + (suffix || "")); return v ? JSON.parse(v) : null; });
    }

    /* ---- saving ---- */
    function setStatus(text, isError) {
      status.textContent = text;
      status.classList.toggle("kp-error", !!isError);
    }

    function savedText(iso) {
      var d = iso ? new Date(iso) : new Date();
      if (isNaN(d.getTime())) { d = new Date(); }
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return fmt(S.saved, {time: pad(d.getHours()) + ":" + pad(d.getMinutes())});
    }

    function changed() {
      changes += 1;
      keepLocal();
      setStatus(S.unsaved);
      clearTimeout(timer);
      timer = setTimeout(save, 1500);
    }

    function save() {
      clearTimeout(timer);
      clearTimeout(retry);
      if (conflict) { return Promise.resolve(false); }
      if (inFlight) { again = true; return inFlight; }
      if (changes === savedChanges) { return Promise.resolve(true); }
      var upTo = changes;
      var profile = collect();
      setStatus(S.saving);
      inFlight = postJSON(saveUrl, {profile: profile, revision: revision}).then(function (r) {
        inFlight = null;
        if (r.status === 200) {
          revision = r.body.revision;
          savedChanges = upTo;
          if (upTo === changes) { dropLocal(); } else { keepLocal(); }
          if (upTo === changes) {
            setStatus(savedText(r.body.saved_at) + (note ? " " + note : ""));
            note = "";
          } else {
            setStatus(S.unsaved);  // typed during the save: the next save (already scheduled) carries it
          }
          showAdvice(r.body.advice);
        } else if (r.status === 409) {
          openConflict(r.body);
        } else {
          setStatus(fmt(S.not_saved, {error: r.body.error || S.error}), true);
        }
        if (again) { again = false; return save(); }
        return r.status === 200;
      }, function () {
        inFlight = null;
        setStatus(S.offline, true);
        retry = setTimeout(save, 15000);
        return false;
      });
      return inFlight;
    }

    /* ---- conflict between tabs ---- */
    function openConflict(theirs) {
      conflict = {revision: theirs.revision, profile: theirs.profile};
      q(".kp-conflict-msg").textContent = theirs.error || "";
      lastFocus = document.activeElement;
      dialog.hidden = false;
      dialog.focus();
    }

    function closeConflict() {
      conflict = null;
      dialog.hidden = true;
      (lastFocus && root.contains(lastFocus) ? lastFocus : q('[data-action="save"]')).focus();
    }

    function keepMine() {
      var c = conflict;
      closeConflict();
      revision = c.revision;
      changed();
      save();
    }

    function useTheirs() {
      var c = conflict, mine = collect();
      storage(function (ls) { ls.setItem(storeKey + ":mine", JSON.stringify({profile: mine, t: Date.now()})); });
      closeConflict();
      revision = c.revision;
      render(c.profile || {});
      savedChanges = changes;
      dropLocal();
      q(".kp-restore-wrap").hidden = false;
      setStatus(S.used_theirs);
    }

    function restoreMine() {
      var b = readLocal(":mine");
      q(".kp-restore-wrap").hidden = true;
      if (!b) { return; }
      render(b.profile);
      dropLocal(":mine");
      note = S.mine_back;
      changed();
      save();
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
      setStatus(S.drafting);
      postJSON(url("draft_ad"), {profile: collect()}).then(function (r) {
        if (r.status !== 200) { setStatus(fmt(S.not_saved, {error: r.body.error || S.error}), true); return; }
        each(adFields(), function (f) {
          f.value = r.body.ad[f.getAttribute("data-field").split(".")[1]] || "";
        });
        adEdited = false;
        changed();
        setStatus(S.drafted);
        adFields()[0].focus();
      }, function () { setStatus(S.offline, true); });
    }

    /* ---- events ---- */
    var actions = {
      "save": function () { changes = Math.max(changes, savedChanges + 1); save(); },
      "add-task": function () { field(addTask(""), "text").focus(); renumber(); changed(); },
      "add-requirement": function () { field(addRequirement(null), "text").focus(); renumber(); changed(); },
      "remove-task": removeRow,
      "remove-requirement": removeRow,
      "remove-competency": removeRow,
      "keep-mine": keepMine,
      "use-theirs": useTheirs,
      "restore-mine": restoreMine,
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
      if (!btn || !root.contains(btn) || btn.getAttribute("data-action") === "toggle-competency") { return; }
      var fn = actions[btn.getAttribute("data-action")];
      if (fn) { ev.preventDefault(); fn(btn); }
    });
    root.addEventListener("change", function (ev) {
      var t = ev.target;
      if (t.getAttribute("data-action") === "toggle-competency") { toggleComp(t); return; }
      if (t.closest(".kp-comp") && t.getAttribute("data-field") === "level") { levelText(t.closest(".kp-comp")); }
      if (t.matches("select, input[type=checkbox]")) { changed(); }
    });
    root.addEventListener("input", function (ev) {
      if (!ev.target.matches("input[type=text], input[type=number], textarea")) { return; }
      if ((ev.target.getAttribute("data-field") || "").indexOf("ad.") === 0) { adEdited = true; }
      changed();
    });
    root.addEventListener("focusout", function (ev) {
      if (changes !== savedChanges && ev.target.matches("input, textarea, select")) { save(); }
    });
    q(".kp-form").addEventListener("submit", function (ev) { ev.preventDefault(); save(); });

    each(qa("[data-download]"), function (a) {
      a.href = url(a.getAttribute("data-download") === "ad" ? "download_ad" : "download_kravprofil");
    });
    var printLink = q('[data-action="print"]');
    printLink.href = url("print_view");
    function beforeLeave(ev) {
      var a = ev.currentTarget;
      if (changes === savedChanges) { return; }
      ev.preventDefault();
      ev.stopPropagation();
      var win = a.target === "_blank" ? window.open("", "_blank") : null;
      save().then(function () { if (win) { win.location.href = a.href; } else { window.location.href = a.href; } });
    }
    each(qa("[data-download], [data-action=print]"), function (a) { a.addEventListener("click", beforeLeave); });

    /* ---- start ---- */
    render(data.profile);
    loadFramework();
    showAdvice(data.advice);
    adEdited = Array.prototype.some.call(adFields(), function (f) { return f.value.trim() !== ""; });
    if (data.saved_at) { setStatus(savedText(data.saved_at)); }
    var local = readLocal();
    if (local && local.profile) {
      if (JSON.stringify(local.profile) === JSON.stringify(collect())) {
        dropLocal("", true);
      } else if (local.revision >= data.revision) {
        render(local.profile);
        note = S.restored;
        changed();
        save();
      } else {
        render(local.profile);
        openConflict({revision: data.revision, profile: data.profile});
      }
    }
    if (readLocal(":mine")) { q(".kp-restore-wrap").hidden = false; }
  }

  window.KravprofilBlock = KravprofilBlock;
}());
