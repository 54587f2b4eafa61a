/* Kravprofil XBlock: renders the learner's profile from the page's JSON, shows advice, drafts the ad.
   Saving, merging, conflicts, limits and downloads: window.XBlockLayer (xblock_layer/static/js/xblock_layer.js).
   Learner text is only ever set with .value / .textContent (never innerHTML). */
(function () {
  "use strict";

  const L = window.XBlockLayer, fmt = L.fmt, each = L.each, mk = L.mk;
  const ROWS = {tasks: ".kp-task", requirements: ".kp-req", competencies: ".kp-comp"};
  const SEVERE = {discrimination: 1, indirect: 1, placeholder: 1};
  const PLACEHOLDER = /\[[^[\]\n]{1,120}\]/;

  function KravprofilBlock(runtime, element) {
    const el = L.dom(element);
    const root = el.classList.contains("kravprofil-block") ? el : el.querySelector(".kravprofil-block");
    if (!root || root.getAttribute("data-kp-ready")) { return; }
    root.setAttribute("data-kp-ready", "1");
    const q = (sel, base) => (base || root).querySelector(sel);
    const qa = (sel, base) => (base || root).querySelectorAll(sel);
    const data = JSON.parse(q(".kp-data").textContent), S = data.strings, uid = root.getAttribute("data-uid");
    const url = (name, query) => runtime.handlerUrl(el, name, "", query);
    const lists = {tasks: q(".kp-tasks"), requirements: q(".kp-reqs"), competencies: q(".kp-comps")};
    const rows = (name) => qa(ROWS[name], lists[name]);
    const field = (row, name) => q('[data-field="' + name + '"]', row);
    const act = (name) => q('[data-action="' + name + '"]');
    const int = (f, dflt) => parseInt(f.value, 10) || dflt;
    const comps = {};
    let seq = 0, adEdited = false, saver;

    /* ---- building the form ---- */
    // The simple fields come as one list per section (data.form: {section: [[key, label, help, maxlength,
    // textarea]]}), each built into its section's fieldset: a label for it, the help text it is described by, an
    // input or a textarea.
    const buildFields = () => Object.keys(data.form).forEach((s) => data.form[s].forEach((f) => {
      const id = uid + "-" + s + "-" + f[0];
      const box = mk("div", {className: "kp-field"}, q('[data-section="' + s + '"]'));
      mk("label", {htmlFor: id, textContent: f[1]}, box);
      const props = {id, maxLength: f[3], "data-field": s + "." + f[0]};
      if (f[2]) {
        mk("p", {className: "kp-help", id: id + "-h", textContent: f[2]}, box);
        props["aria-describedby"] = id + "-h";
      }
      if (f[4]) { props.rows = 3; } else { props.type = "text"; }
      mk(f[4] ? "textarea" : "input", props, box);
    }));

    /* ---- building rows ---- */
    function fromTemplate(name, list) {
      const node = q("template.kp-tpl-" + name).content.firstElementChild.cloneNode(true);
      seq += 1;
      // Ids, and what points at them, get the block's prefix and the row's number; the 1–5 scales their options.
      each(qa("[id], [for], [aria-describedby]", node), (n) => ["id", "for", "aria-describedby"].forEach((a) => {
        if (n.hasAttribute(a)) { n.setAttribute(a, uid + "-" + n.getAttribute(a) + "-" + seq); }
      }));
      each(qa("select:empty", node), (s) => {
        for (let i = 1; i < 6; i += 1) { mk("option", {value: i, textContent: i}, s); }
      });
      return lists[list].appendChild(node);
    }

    function addTask(text) {
      const row = fromTemplate("task", "tasks");
      field(row, "text").value = text || "";
      return row;
    }

    function addRequirement(r) {
      const row = fromTemplate("req", "requirements");
      r = r || {};
      ["text", "why", "assessment", "stage", "level"].forEach((k) => { field(row, k).value = r[k] || ""; });
      field(row, "category").value = r.category || "experience";
      field(row, "weight").value = String(r.weight || 3);
      field(row, "must").checked = !!r.must;
      return row;
    }

    function levelText(row) {
      const c = comps[row.dataset.id];
      q(".kp-level-desc", row).textContent = c && c.levels ? (c.levels[field(row, "level").value] || "") : "";
    }

    function addComp(c) {
      const def = comps[c.id], n = lists.competencies.children.length, row = fromTemplate("comp", "competencies");
      row.dataset.id = c.id;
      q(".kp-row-title", row).textContent = def ? def.name : c.id;
      // Not in this framework (any more): no checkbox to untick, so a button takes it away (known once the
      // framework is here).
      q('[data-action="remove-competency"]', row).hidden = !!def || !S.remove_competency;
      field(row, "level").value = String(c.level || 3);
      field(row, "priority").value = String(c.priority || n + 1);
      levelText(row);
      return row;
    }

    // Row labels and the note on too many competencies use strings that come with the framework (S.task_n...):
    // until they are here, rows keep the template's labels.
    function renumber() {
      // No more rows than the server accepts: a profile over the limit could never be saved.
      act("add-task").disabled = rows("tasks").length >= data.max_tasks;
      act("add-requirement").disabled = rows("requirements").length >= data.max_requirements;
      if (!S.task_n) { return; }
      each(rows("tasks"), (row, i) => {
        q("label", row).textContent = fmt(S.task_n, {n: i + 1});
        q("[data-action]", row).textContent = fmt(S.remove_task_n, {n: i + 1});
      });
      each(rows("requirements"), (row, i) => {
        q(".kp-row-title", row).textContent = fmt(S.requirement_n, {n: i + 1});
        q("[data-action]", row).textContent = fmt(S.remove_requirement_n, {n: i + 1});
      });
      each(qa('.kp-comp [data-action="remove-competency"]'), (b) => {
        b.textContent = fmt(S.remove_competency, {name: b.closest(".kp-comp").dataset.id});
      });
      const n = rows("competencies").length, max = data.max_competencies;
      q(".kp-comp-warning").textContent = n > max ? fmt(S.too_many, {count: n, max}) : "";
    }

    function buildChoices(framework) {
      const box = q(".kp-comp-choices");
      Object.assign(S, framework.strings);  // the same object the layer was given
      renumber();
      box.textContent = "";
      each(framework.clusters, (c) => {
        const fs = mk("fieldset", {}, box);
        mk("legend", {textContent: c.name}, fs);
        each(c.competencies, (k) => {
          const wrap = mk("div", {className: "kp-check"}, fs), id = uid + "-k" + (seq += 1);
          comps[k.id] = k;
          mk("input", {type: "checkbox", id, value: k.id, "data-action": "toggle-competency",
                       "aria-describedby": id + "d"}, wrap);
          mk("label", {htmlFor: id, textContent: k.name}, wrap);
          mk("span", {id: id + "d", className: "kp-help", textContent: k.definition}, wrap);
        });
      });
      each(rows("competencies"), (row) => {
        const def = comps[row.dataset.id];
        q('[data-action="remove-competency"]', row).hidden = !!def;
        if (def) { q(".kp-row-title", row).textContent = def.name; }
        levelText(row);
      });
      checkChosen();
      readOnlyProfile();
    }

    function checkChosen() {
      const chosen = {};
      each(rows("competencies"), (row) => { chosen[row.dataset.id] = true; });
      each(qa('[data-action="toggle-competency"]'), (b) => { b.checked = !!chosen[b.value]; });
    }

    // The framework is a cacheable GET (not L.get, which asks for no-store).
    function loadFramework() {
      const box = q(".kp-comp-choices");
      fetch(url("framework_data", data.framework_query), {credentials: "same-origin"})
        .then((r) => { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(buildChoices, () => {
          box.textContent = S.framework_error + " ";
          mk("button", {type: "button", className: "kp-btn", textContent: S.framework_retry}, box)
            .addEventListener("click", loadFramework);
        });
    }

    /* ---- profile <-> form ---- */
    function render(p) {
      each(qa('.kp-form [data-field*="."]'), (f) => {
        const k = f.dataset.field.split(".");
        f.value = (p[k[0]] && p[k[0]][k[1]]) || "";
      });
      Object.keys(lists).forEach((k) => { lists[k].textContent = ""; });
      (p.tasks || []).forEach(addTask);
      (p.requirements || []).forEach(addRequirement);
      (p.competencies || []).forEach(addComp);
      checkChosen();
      renumber();
      readOnlyProfile();
    }

    function collect() {
      const p = {version: 1};
      each(qa('.kp-form [data-field*="."]'), (f) => {
        const k = f.dataset.field.split(".");
        (p[k[0]] = p[k[0]] || {})[k[1]] = f.value;
      });
      p.tasks = Array.from(rows("tasks"), (row) => field(row, "text").value);
      p.requirements = Array.from(rows("requirements"), (row) => {
        const r = {must: field(row, "must").checked, weight: int(field(row, "weight"), 3)};
        ["text", "category", "why", "assessment", "stage", "level"].forEach((k) => { r[k] = field(row, k).value; });
        return r;
      });
      p.competencies = Array.from(rows("competencies"), (row) => {
        const prio = field(row, "priority");
        return {id: row.dataset.id, level: int(field(row, "level"), 3),
                priority: Math.min(parseInt(prio.max, 10) || 50, Math.max(1, int(prio, 1)))};
      });
      return p;
    }

    /* ---- advice ---- */
    function target(a) {
      if (ROWS[a.section] && a.index !== null && a.index !== undefined) {
        const row = rows(a.section)[a.index];
        return row ? field(row, a.field || "text") || q("input, textarea, select", row) : null;
      }
      return a.field ? field(root, a.section + "." + a.field) : null;
    }

    // "Krav 2 – Varför kräver jobbet det?": where a piece of advice belongs, from the labels on the page.
    // Rows name themselves ("Krav 2"); the ad's fields share labels with the form ("Krav"), so name the ad.
    function context(t) {
      const row = t.closest(".kp-req, .kp-comp"), ad = t.closest('[data-section="ad"]');
      return [row ? q(".kp-row-title", row) : ad && q("legend", ad), t.id && q('label[for="' + t.id + '"]')]
        .filter(Boolean).map((n) => n.textContent).join(" – ");
    }

    // The worst problem of a field is also written under the field itself: on a phone the panel comes after the
    // whole form, so a flag seen only there is not seen while writing.
    function fieldNote(t, a, n) {
      const box = t.closest(".kp-field, .kp-row, .kp-check") || t.parentNode;
      let note = q(":scope > .kp-field-flag[data-for='" + t.id + "']", box);
      if (!note) {
        note = mk("p", {className: "kp-field-flag", id: uid + "-ff" + n, "data-for": t.id, "data-kind": a.kind});
        t.insertAdjacentElement("afterend", note);
        L.describe(t, note.id, true);
        note.textContent = a.message;
      }
    }

    function showAdvice(list) {
      const ul = q(".kp-advice");
      ul.textContent = "";
      // Take away the ids of earlier advice only (a field's help and its character counter stay).
      each(qa(".kp-flagged"), (n) => {
        (n.getAttribute("aria-describedby") || "").split(" ").forEach((id) => {
          if (id.indexOf(uid + "-adv") === 0 || id.indexOf(uid + "-ff") === 0) { L.describe(n, id); }
        });
        n.classList.remove("kp-flagged", "kp-flagged-high");
      });
      each(qa(".kp-field-flag"), (n) => n.remove());
      (list || []).forEach((a, i) => {
        // One item per problem (the server groups repeats); every place it concerns is marked.
        const places = [a].concat(a.repeats || []).map(target).filter(Boolean), t = places[0];
        const where = t && context(t);
        const li = mk("li", {className: "kp-advice-item", id: uid + "-adv" + i, "data-kind": a.kind || "",
                             "data-ground": a.ground || ""}, ul);
        if (where) { mk("strong", {textContent: where + ": "}, li); }
        mk("span", {textContent: a.message + (a.suggestion ? " " + fmt(S.suggestion, {text: a.suggestion}) : "")}, li);
        if (a.source) { mk("small", {className: "kp-source", textContent: " (" + a.source + ")"}, li); }
        places.forEach((p, j) => {
          L.describe(p, li.id, true);
          p.classList.add("kp-flagged");
          if (SEVERE[a.kind]) {
            p.classList.add("kp-flagged-high");
            fieldNote(p, a, i + "-" + j);
          }
        });
        if (t) {
          mk("button", {type: "button", className: "kp-link", textContent: S.goto}, li)
            .addEventListener("click", () => t.focus());
        }
      });
      q(".kp-advice-empty").hidden = !!(list && list.length);
    }

    /* ---- completion and the saved time ---- */
    function showCompletion(missing) {
      const ad = data.step === "ad", box = q(".kp-completion");
      box.textContent = missing && missing.length
        ? fmt(ad ? S.ad_complete_missing : S.missing, {sections: missing.join(", ")})
        : (ad ? S.ad_complete : S.complete);
      box.classList.toggle("kp-done", !(missing && missing.length));
    }

    function showSavedAt(iso) {
      const d = iso ? new Date(iso) : null;
      if (!d || isNaN(d)) { return; }
      const lang = root.getAttribute("lang") === "en" ? "en-GB" : "sv-SE";
      q(".kp-saved-at").textContent = fmt(S.saved_at, {time: d.toLocaleString(lang, {dateStyle: "long",
                                                                                      timeStyle: "short"})});
    }

    /* ---- the ad step: the profile comes from the earlier block and is read-only here ---- */
    function readOnlyProfile() {
      if (data.step !== "ad") { return; }
      each(qa(".kp-form [data-section]"), (fs) => {
        const own = ["ad", "documents"].indexOf(fs.dataset.section) >= 0;
        fs.classList.toggle("kp-readonly", !own);
        if (own) { return; }
        each(qa("input, textarea", fs), (f) => { f.readOnly = true; });
        each(qa("select, input[type=checkbox]", fs), (f) => { f.disabled = true; });
        each(qa("[data-action^='add-'], [data-action^='remove-']", fs), (b) => { b.hidden = true; });
      });
    }

    // How the conflict dialog names a part of the profile: the field as advice does, or its section.
    function label(path) {
      const f = field(root, path);
      return f ? context(f) : (q('[data-section="' + path + '"] legend') || {}).textContent;
    }

    /* ---- the job ad ---- */
    const adFields = () => qa('[data-field^="ad."]');
    const adHasText = () => Array.prototype.some.call(adFields(), (f) => f.value.trim() !== "");

    function draftAd(force) {
      const confirmBox = q(".kp-ad-confirm");
      confirmBox.hidden = !(adHasText() && adEdited && !force);
      if (!confirmBox.hidden) { act("confirm-draft").focus(); return; }
      saver.say(S.drafting || "");
      L.post(url("draft_ad"), {profile: collect()}).then((r) => {
        if (r.status !== 200) {
          saver.say(r.status ? fmt(S.not_saved, {error: r.body.error || S.error}) : S.offline, true);
          return;
        }
        each(adFields(), (f) => { f.value = r.body.ad[f.dataset.field.split(".")[1]] || ""; });
        adEdited = false;
        saver.changed();
        saver.say(S.drafted || "");
        adFields()[0].focus();
      });
    }

    /* ---- events ---- */
    const changed = () => saver.changed();

    function removeRow(btn) {
      const row = btn.closest(".kp-row"), list = row.parentNode;
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      const to = next ? q("input, textarea, select", next) : q("[data-action^='add-']", list.parentNode);
      if (to) { to.focus(); }
      changed();
    }

    function toggleComp(box) {
      const row = q('.kp-comp[data-id="' + box.value.replace(/["\\]/g, "") + '"]', lists.competencies);
      if (box.checked && !row) { addComp({id: box.value}); }
      if (!box.checked && row) { row.remove(); }
      renumber();
      changed();
    }

    const actions = {
      "save": () => saver.saveNow(),
      "add-task": () => { field(addTask(""), "text").focus(); renumber(); changed(); },
      "add-requirement": () => { field(addRequirement(null), "text").focus(); renumber(); changed(); },
      "remove-task": removeRow,
      "remove-requirement": removeRow,
      "remove-competency": removeRow,
      "draft-ad": () => draftAd(false),
      "confirm-draft": () => draftAd(true),
      "cancel-draft": () => { q(".kp-ad-confirm").hidden = true; act("draft-ad").focus(); }
    };

    root.addEventListener("click", (ev) => {
      const btn = ev.target.closest("[data-action]");
      const fn = btn && root.contains(btn) && actions[btn.dataset.action];
      if (fn) { ev.preventDefault(); fn(btn); }
    });
    root.addEventListener("change", (ev) => {
      const t = ev.target, row = t.closest(".kp-comp");
      if (t.dataset.action === "toggle-competency") { toggleComp(t); return; }
      if (row && t.dataset.field === "level") { levelText(row); }
      if (t.matches("select, input[type=checkbox]")) { changed(); }
    });
    root.addEventListener("input", (ev) => {
      if (!ev.target.matches("input[type=text], input[type=number], textarea")) { return; }
      if ((ev.target.dataset.field || "").indexOf("ad.") === 0) { adEdited = true; }
      changed();
    });
    root.addEventListener("focusout", (ev) => {
      if (saver.dirty() && ev.target.matches("[data-field]")) { saver.save(); }
    });
    q(".kp-form").addEventListener("submit", (ev) => { ev.preventDefault(); saver.save(); });

    /* ---- start ---- */
    if (data.step === "ad") {
      q(".kp-required").insertAdjacentElement("beforebegin", mk("p", {className: "kp-step-note",
        textContent: data.has_source ? S.ad_step_note : S.ad_step_empty}));
    }
    buildFields();
    render(data.profile);
    loadFramework();
    showAdvice(data.advice);
    showCompletion(data.missing);
    showSavedAt(data.saved_at);
    adEdited = adHasText();
    saver = L.autosave({
      root, uid, collect, render, label, strings: S, name: "profile", btn: "kp-btn",
      url: url("save_profile"), stateUrl: url("student_view_user_state"), key: "kravprofil:" + url("save_profile"),
      revision: data.revision, savedAt: data.saved_at, status: q(".kp-save-status"), box: q(".kp-bar"),
      home: act("save"), uiUrl: data.layer_ui_url,
      onSaved: (body) => { showAdvice(body.advice); showCompletion(body.missing); showSavedAt(body.saved_at); }
    });
    L.limits(root, S);
    // A placeholder of the draft ("[Företagets namn]") would reach the Word file: say so once before the download.
    const adLink = q('[data-download="ad"]'), warn = q(".kp-dl-warn");
    let warned = "";
    adLink.addEventListener("click", (ev) => {
      const ad = collect().ad, text = Object.keys(ad).map((k) => ad[k]).join("\n"), m = text.match(PLACEHOLDER);
      if (m && warned !== text && S.placeholder_warning) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        warned = text;
        warn.textContent = fmt(S.placeholder_warning, {placeholder: m[0]});
        warn.hidden = false;
      } else {
        warn.hidden = true;
      }
    });
    each(qa("[data-download], [data-action=print]"), (a) => {
      a.href = url({ad: "download_ad", kravprofil: "download_kravprofil"}[a.dataset.download] ||
                   "print_view");
      L.guard(a, saver, S);
    });
  }

  window.KravprofilBlock = KravprofilBlock;
}());
