/* The reflection journal (reflection_xblock): entries autosaved as drafts through XBlockLayer.autosave, "save in
   my journal" turns a draft into a version, the history with dates, the follow-up date, and the course-wide
   journal ("Min loggbok") with paging and downloads. Learner text only through textContent and value. */
(function () {
  "use strict";

  function ReflectionJournalBlock(runtime, element) {
    var L = window.XBlockLayer, el = L.dom(element);
    var root = el.classList.contains("rj-block") ? el : el.querySelector(".rj-block");
    var data = JSON.parse(root.querySelector(".rj-data").textContent);
    var S = data.strings, status = root.querySelector(".rj-status"), fmt = L.fmt, mk = L.mk;
    var locale = root.lang === "en" ? "en-GB" : "sv-SE";

    function url(name, query) { return runtime.handlerUrl(el, name, "", query); }
    function when(iso, dateOnly) {
      var d = new Date(iso);
      if (!iso || isNaN(d.getTime())) { return ""; }
      return dateOnly ? d.toLocaleDateString(locale, {day: "numeric", month: "long", year: "numeric"})
        : d.toLocaleString(locale, {dateStyle: "long", timeStyle: "short"});
    }
    function chars(text) { return Array.from(text.trim()).length; }

    // A page with nothing to autosave still needs say/check/dirty for the download guard.
    function quietSaver() {
      return {
        dirty: function () { return false; },
        save: function () { return Promise.resolve(true); },
        say: function (text, isError) { status.textContent = text; status.classList.toggle("xbl-error", !!isError); },
        check: function () { return L.get(url("journal_page", "page=1")).then(function (r) { return r.status === 200; }); }
      };
    }

    function entryView() {
      var boxes = root.querySelectorAll("textarea[data-field]"), entries = data.entries || {};
      var saver;

      function box(key) { return root.querySelector('textarea[data-field="' + key + '"]'); }
      function section(key) { return root.querySelector('.rj-entry[data-key="' + key + '"]'); }
      function collect() {
        var state = {};
        L.each(boxes, function (b) { state[b.getAttribute("data-field")] = b.value; });
        return state;
      }
      function render(state) {
        L.each(boxes, function (b) {
          var key = b.getAttribute("data-field");
          if (Object.prototype.hasOwnProperty.call(state, key)) { b.value = state[key] || ""; }
        });
        paintAll();
        refreshEntries();
      }
      // The server's texts came into the form (another tab, a page the LMS showed again): its versions too.
      function refreshEntries() {
        L.get(url("student_view_user_state")).then(function (r) {
          if (r.status === 200 && r.body.entries && r.body.revision >= revision()) { entries = r.body.entries; paintAll(); }
        });
      }

      // The line under a box: draft or saved, length for completion, a version about to be removed.
      function paint(key) {
        var b = box(key), sec = section(key), e = entries[key] || {versions: [], pruned: 0, current: ""};
        var v = e.versions || [], parts = [];
        if (!b || !sec) { return; }
        if (!b.value && !v.length) { parts.push(S.draft_none); } else if (b.value !== e.current) {
          parts.push(S.draft_kept);
        } else { parts.push(fmt(S.entry_saved, {time: when(v[0].saved)})); }
        if (key !== "followup" && data.min_length > 0) {
          var n = chars(b.value);
          parts.push(n < data.min_length ? fmt(S.too_short, {min: data.min_length, n: n}) : S.long_enough);
        }
        if (e.full && b.value !== e.current && b.value.trim()) {
          parts.push(fmt(S.prune_warning, {max: data.max_versions, date: when(v[v.length - 1].saved)}));
        }
        sec.querySelector(".rj-state").textContent = parts.join(" ");
      }

      // The versions of an entry: the list is built when the entry changes, the texts are fetched when it opens.
      var shown = {};
      function history(key) {
        var sec = section(key), e = entries[key] || {versions: [], pruned: 0}, v = e.versions || [];
        var sig = v.length + "|" + (v.length ? v[0].saved : "") + "|" + e.pruned;
        if (!sec || shown[key] === sig) { return; }
        shown[key] = sig;
        var holder = sec.querySelector(".rj-history"), was = holder.querySelector("details");
        var open = was ? was.open : false, loaded = false;
        holder.textContent = "";
        if (v.length < 2 && !e.pruned) { return; }
        var det = mk("details", {className: "rj-versions"}, holder);
        mk("summary", {textContent: fmt(S.history_n, {n: v.length})}, det);
        if (e.pruned) { mk("p", {className: "rj-note", textContent: fmt(S.pruned_before, {n: e.pruned})}, det); }
        var list = mk("ol", {}, det);
        det.addEventListener("toggle", function () {
          if (!det.open || loaded) { return; }
          loaded = true;
          list.textContent = "";
          L.get(url("entry_history", "key=" + encodeURIComponent(key))).then(function (r) {
            if (r.status !== 200) {
              loaded = false;
              mk("li", {className: "rj-note", textContent: S.history_failed}, list);
              return;
            }
            r.body.versions.forEach(function (ver, i) { version(list, key, ver, i); });
          });
        });
        if (open) { det.open = true; }
      }

      function version(list, key, ver, i) {
        var li = mk("li", {className: "rj-version"}, list);
        mk("p", {className: "rj-when", textContent: fmt(S.version_at, {time: when(ver.saved)}) +
          (i === 0 ? " (" + S.current + ")" : "")}, li);
        mk("div", {className: "rj-text", textContent: ver.text}, li);
        if (i === 0) { return; }
        mk("button", {type: "button", className: "rj-btn rj-quiet", textContent: S.use_version}, li)
          .addEventListener("click", function () {
            var b = box(key);
            b.value = ver.text;
            saver.changed();
            paint(key);
            section(key).querySelector(".rj-msg").textContent = S.used_version;
            b.focus();
          });
      }

      function paintAll() {
        L.each(boxes, function (b) { var key = b.getAttribute("data-field"); paint(key); history(key); });
      }

      L.each(boxes, function (b) { b.value = data.journal[b.getAttribute("data-field")] || ""; });
      saver = L.autosave({
        root: root, uid: root.id, home: root.querySelector(".rj-title"), url: url("save_drafts"),
        stateUrl: url("student_view_user_state"), name: "journal", key: "reflection:" + url("save_drafts"),
        revision: data.revision, savedAt: data.saved_at, strings: S, status: status,
        box: root.querySelector(".rj-bar"), btn: "rj-btn", collect: collect, render: render, uiUrl: data.layer_ui_url,
        label: function (key) { return data.labels[key] || key; },
        onSaved: function (body) {
          if (body.entries) { entries = body.entries; }
          paintAll();
        }
      });
      function revision() { return saver.revision(); }

      root.addEventListener("input", function (ev) {
        var key = ev.target.getAttribute && ev.target.getAttribute("data-field");
        if (key && ev.target.tagName === "TEXTAREA") { saver.changed(); paint(key); }
      });
      // Leaving a box saves its draft at once (the debounce is for typing).
      root.addEventListener("change", function (ev) {
        if (ev.target.tagName === "TEXTAREA" && saver.dirty()) { saver.save(); }
      });

      // Save pending drafts first. A 409 is merged by the layer (its module may load first), then saved again:
      // wait for that, but not for an open dialog, an error the status shows, or a browser that is offline.
      function flush(tries) {
        return saver.save().then(function (ok) {
          if (ok) { return true; }
          if (tries < 1 || root.querySelector(".xbl-dlg") || status.classList.contains("xbl-error") ||
              navigator.onLine === false) { return false; }
          return new Promise(function (done) { setTimeout(done, 250); }).then(function () { return flush(tries - 1); });
        });
      }

      function commit(key) {
        var b = box(key), msg = section(key).querySelector(".rj-msg");
        msg.textContent = S.saving;
        flush(40).then(function (ok) {
          if (!ok) {
            msg.textContent = root.querySelector(".xbl-dlg") ? S.resolve_first
              : navigator.onLine === false ? S.commit_offline
                : status.classList.contains("xbl-error") ? status.textContent : S.commit_offline;
            return null;
          }
          return send(key, b.value, revision(), true);
        });
        function send(k, text, r, retry) {
          return L.post(url("commit_entry"), {key: k, text: text, revision: r, told: data.told}).then(function (res) {
            var body = res.body || {};
            if (res.status === 200) {
              entries = body.entries;
              var first = ((entries[k] || {}).versions || []).length === 1 && !(entries[k] || {}).pruned;
              var parts = [!body.changed ? S.committed_same : first ? S.committed_first : S.committed];
              (body.pruned || []).forEach(function (p) { parts.push(fmt(S.pruned, {date: when(p.saved, true)})); });
              if (body.completed && !data.complete) { data.complete = true; parts.push(S.complete); }
              msg.textContent = parts.join(" ");
              if (body.revision !== revision()) {  // the text in the box changed on the server: merge it
                saver.adopt({journal: body.journal, revision: body.revision, saved_at: body.saved_at});
              }
              paintAll();
            } else if (res.status === 409 && body.journal) {
              if (retry && body.journal[k] === text) { return send(k, text, body.revision, false); }
              saver.check();
              msg.textContent = S.conflict_commit;
            } else if (!res.status) {
              msg.textContent = S.commit_offline;
            } else {
              msg.textContent = fmt(S.not_saved, {error: body.error || S.error});
            }
            return null;
          });
        }
      }

      root.addEventListener("click", function (ev) {
        var t = ev.target.closest ? ev.target.closest("[data-action]") : null;
        if (!t) { return; }
        var action = t.getAttribute("data-action");
        if (action === "commit") { commit(t.getAttribute("data-key")); }
        if (action === "save-date" || action === "clear-date") { pickDate(action === "clear-date"); }
      });

      var fu = root.querySelector(".rj-fu-status"), cal = root.querySelector("a[data-calendar]");
      if (cal) { cal.href = url("followup_calendar"); }
      function followupLine(info) {
        if (!fu) { return; }
        if (cal) { cal.hidden = !info.opens_on; }
        fu.textContent = info.open ? S.followup_open : info.opens_on ? fmt(S.followup_opens, {date: when(info.opens_on, true)})
          : fmt(S.followup_waiting, {days: data.followup.days});
      }
      function pickDate(clear) {
        var input = root.querySelector('input[type="date"]'), msg = root.querySelector(".rj-date-msg");
        if (!clear && !input.value) { msg.textContent = S.date_missing; input.focus(); return; }  // not "noted ."
        L.post(url("set_followup_date"), {date: clear ? "" : input.value}).then(function (res) {
          var body = res.body || {};
          if (res.status === 200) {
            if (clear) { input.value = ""; }
            msg.textContent = clear ? fmt(S.date_cleared, {days: data.followup.days})
              : fmt(S.date_saved, {date: when(body.date, true)});
            followupLine(body.followup);
          } else {
            msg.textContent = res.status ? fmt(S.not_saved, {error: body.error || S.error}) : S.offline;
          }
        });
      }
      followupLine(data.followup);
      paintAll();
      return saver;
    }

    function courseView() {
      var holder = root.querySelector(".rj-journal"), range = root.querySelector(".rj-range");
      var older = root.querySelector('[data-action="older"]'), newer = root.querySelector('[data-action="newer"]');
      var page = null;
      function show(pg, focus) {
        holder.textContent = "";
        range.textContent = pg.total ? fmt(S.page_of, {first: pg.first, last: pg.last, total: pg.total}) : "";
        if (!pg.total) { mk("p", {textContent: S.empty_journal}, holder); }
        pg.groups.forEach(function (g) {
          var sec = mk("section", {className: "rj-module"}, holder);
          mk("h4", {textContent: g.module}, sec);
          g.exercises.forEach(function (ex) {
            if (ex.title) { mk("h5", {textContent: ex.title}, sec); }
            ex.entries.forEach(function (e) {
              var art = mk("article", {className: "rj-item"}, sec);
              mk("h6", {textContent: e.prompt}, art);
              if (e.note) { mk("p", {className: "rj-when", textContent: e.note}, art); }
              e.flags.forEach(function (f) { mk("p", {className: "rj-flag", textContent: f}, art); });
              mk("div", {className: "rj-text", textContent: e.text}, art);
            });
          });
        });
        older.hidden = pg.page >= pg.pages;
        newer.hidden = pg.page <= 1;
        if (focus) { holder.focus(); }
      }
      // The journal comes by its own request: the unit's page stays small and fast however much was written.
      function go(n, focus) {
        return L.get(url("journal_page", "page=" + n)).then(function (r) {
          if (r.status === 200) {
            page = r.body;
            status.textContent = "";
            status.classList.remove("xbl-error");
            show(page, focus);
          } else {
            status.textContent = S.loading_failed;
            status.classList.add("xbl-error");
            if (!page) { holder.textContent = S.loading_failed; }
          }
          root.setAttribute("data-rj-loaded", page ? "1" : "0");
        });
      }
      older.addEventListener("click", function () { go(page.page + 1, true); });
      newer.addEventListener("click", function () { go(page.page - 1, true); });
      window.addEventListener("online", function () { if (!page) { go(1, false); } });
      go(1, false);
      return quietSaver();
    }

    var saver = data.view === "entry" ? entryView() : courseView();
    L.each(root.querySelectorAll("a[data-download]"), function (a) {
      a.href = url("download_journal", "format=" + a.getAttribute("data-download"));
      L.guard(a, saver, S);
    });
    L.limits(root, S);
    root.setAttribute("data-rj-ready", "1");
  }

  window.ReflectionJournalBlock = ReflectionJournalBlock;
}());
