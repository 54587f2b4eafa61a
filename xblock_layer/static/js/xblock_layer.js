/* XBlockLayer: what our blocks share in the browser (plain ES2017 script, no build step; window.XBlockLayer).
   (Comments cost nothing: the server minifies this file once per process.)

   Helpers: dom(element) (jQuery or DOM -> DOM), mk(tag, props, parent) ("a-b" keys -> attributes, others ->
   properties; text only through textContent/value, never as HTML), fmt("%(n)s", {n}), each(list, fn),
   describe(el, id, on) (aria-describedby), post(url, body, keepalive) / get(url) (JSON over fetch, the
   csrftoken cookie as X-CSRFToken; resolve {status, body}, status 0 when the network failed),
   store(key[, value | null]) (localStorage JSON, never throws), isObj(v).

   autosave(o) -> {changed(), save(), saveNow(), dirty(), say(text, isError), check(), revision(), adopt(body)}
   o.root        the block's root element            o.uid      prefix for ids the layer creates
   o.url         save handler: POST {<name>: state, revision} -> 200 {revision, saved_at, ...} or 409
                 {<name>: saved state, revision, saved_at}
   o.stateUrl    GET {<name>, revision, saved_at} (student_view_user_state of RevisionedSaveMixin)
   o.name        the state's key (the block's state_name)       o.key   localStorage prefix
   o.revision, o.savedAt   from the page's JSON             o.strings  layer_js_strings + the block's
   o.uiUrl       the page JSON's layer_ui_url (xblock_layer_ui.js: merge, dialog, recovery; loaded on demand)
   o.status      role="status" aria-live="polite" element, in a bar the block's CSS makes sticky
   o.box         the dialog and the recovery area are inserted after it     o.btn  class of their buttons
   o.home        focus target after dismissing the recovery area
   o.collect()   form -> state: an object (keys changed on one side merge; a list or a text is one value),
                 or one value (a text: then it is the one field)
   o.render(s)   state -> form     o.label(path), o.show(value, path)  optional: names/texts in the dialog
   o.onSaved(body)  optional: the 200 answer           o.delay  debounce in ms (1500)
   What it does: a copy in localStorage until the server confirms, debounced saves, 5xx and network failures
   retried with back-off (the status says the text is kept in this browser), a keepalive flush when the tab is
   hidden or closed, a save at once on "online", a revision check at start (stale HTML) that saves wait for,
   a three-way merge on 409 and a dialog (both texts side by side) only when the same field changed on both
   sides; the version not chosen stays recoverable. When the status bar is out of view (an LMS iframe
   scrolls with the page), the status also shows under the field being edited.

   limits(root, strings): a counter near a field's maxlength; a paste or drop over it keeps the rest visible to copy.
   guard(link, saver, strings): a document link saves, checks the server first and says why not.
   Example: kravprofil_xblock/static/js/kravprofil.js. */
(function () {
  "use strict";
  if (window.XBlockLayer) { return; }

  const each = (list, fn) => Array.prototype.forEach.call(list, fn);
  const fmt = (text, params) => String(text).replace(/%\((\w+)\)s/g,
    (m, key) => (Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : m));

  // A new element: keys with a dash become attributes, the others properties (text only via textContent).
  function mk(tag, props, parent) {
    const n = document.createElement(tag);
    Object.keys(props || {}).forEach((k) => {
      if (k.indexOf("-") > 0) { n.setAttribute(k, props[k]); } else { n[k] = props[k]; }
    });
    if (parent) { parent.appendChild(n); }
    return n;
  }

  const dom = (element) => (element && element.jquery ? element[0] : element);

  // Add (on) or take away an id in an element's aria-describedby.
  function describe(el, id, on) {
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
    if (on) { ids.push(id); }
    if (ids.length) { el.setAttribute("aria-describedby", ids.join(" ")); } else { el.removeAttribute("aria-describedby"); }
  }

  function call(url, init) {
    const m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    init.credentials = "same-origin";
    init.headers = {"Content-Type": "application/json", "X-CSRFToken": m ? decodeURIComponent(m[1]) : "",
                    "X-Requested-With": "XMLHttpRequest"};
    return fetch(url, init).then((resp) => resp.json().catch(() => ({}))
      .then((body) => ({status: resp.status, body: body || {}})), () => ({status: 0, body: {}}));
  }

  // keepalive (a page being closed) only under the browser's 64 KB limit; a bigger body stays in localStorage.
  function post(url, body, keepalive) {
    const text = JSON.stringify(body);
    return call(url, {method: "POST", body: text, keepalive: !!keepalive && new Blob([text]).size < 65000});
  }

  const get = (url) => call(url, {cache: "no-store"});

  // localStorage as JSON: read (value undefined), remove (null) or write; null when storage fails.
  function store(key, value) {
    try {
      const ls = window.localStorage;
      if (value === undefined) { return JSON.parse(ls.getItem(key)); }
      if (value === null) { ls.removeItem(key); } else { ls.setItem(key, JSON.stringify(value)); }
      return true;
    } catch (e) { return null; }
  }

  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const hhmm = (iso) => {
    const d = new Date(iso || Date.now());
    return (isNaN(d) ? new Date() : d).toLocaleTimeString("sv", {hour: "2-digit", minute: "2-digit"});
  };

  /* The autosave engine (options: see the top of this file). What merges and asks (a 409, a
     newer revision found by the check, copies left by closed tabs, the version not chosen) is in
     xblock_layer_ui.js, loaded when first needed: it means the server answered, so it can be fetched. */
  function autosave(o) {
    const S = o.strings, tab = Date.now().toString(36) + Math.random().toString(36).slice(2);
    const copyKey = o.key + "#" + tab, uid = o.uid || "xbl" + tab.slice(-5);
    // Shared with xblock_layer_ui.js: the revision and state the server last confirmed, edits made and saved,
    // the open dialog (true while its file loads: saves wait), a note for the next status.
    const st = {rev: o.revision, base: o.collect(), n: 0, done: 0, dlg: null, note: ""};
    let flight = null, again = false, timer = null, retry = null, tries = 0, checking = null, loading = null, ui;

    // The status is a live region in the block's (sticky) bar. When the bar is out of sight anyway (the LMS's
    // iframe is as tall as the block and scrolls with the page, so sticky cannot hold it), a copy of the text
    // also shows under the field being edited (aria-hidden: the live region already announces it).
    let inView = true;
    const echo = mk("p", {className: "xbl-echo", "aria-hidden": "true"});
    if (window.IntersectionObserver) {
      new window.IntersectionObserver((en) => { inView = en[0].isIntersecting; }).observe(o.status);
    }
    function say(text, isError) {
      const f = document.activeElement;
      [o.status, echo].forEach((n) => {
        n.textContent = text;
        n.classList.toggle("xbl-error", !!isError);
      });
      // It moves only while a field of the block has the focus. Pressing a button takes the focus first (the
      // field's change event saves, the status changes while the button is held): moving the text under the
      // field then would move the button away from the pointer, and the browser would send no click.
      if (f && f.matches("[data-field]") && o.root.contains(f)) {
        if (inView) { echo.remove(); } else { f.after(echo); }
      }
    }
    function saved(iso) { say(fmt(S.saved, {time: hhmm(iso)}) + (st.note ? " " + st.note : "")); st.note = ""; }
    const keep = () => store(copyKey, {rev: st.rev, base: st.base, state: o.collect(), t: Date.now()});

    function changed() {
      st.n += 1;
      keep();
      say(S.unsaved);
      clearTimeout(timer);
      timer = setTimeout(save, o.delay || 1500);
    }

    function save(keepalive) {
      clearTimeout(timer);
      if (checking) { return checking.then(() => save(keepalive)); }
      if (st.dlg) { return Promise.resolve(false); }
      if (flight) { again = true; return flight; }
      if (st.n === st.done) { return Promise.resolve(true); }
      clearTimeout(retry);
      const upTo = st.n, state = o.collect(), body = {revision: st.rev};
      body[o.name] = state;
      say(S.saving);
      flight = post(o.url, body, keepalive).then((r) => {
        const ok = r.status === 200;
        flight = null;
        if (ok) {
          tries = 0;
          st.base = state;
          st.rev = r.body.revision;
          st.done = upTo;
          if (upTo === st.n) { store(copyKey, null); saved(r.body.saved_at); } else { keep(); say(S.unsaved); }
          if (o.onSaved) { o.onSaved(r.body); }
        } else if (r.status === 409 && r.body[o.name] !== undefined) {
          adopt(r.body);
        } else if (!r.status || r.status >= 500) {
          // A dead or failing server: the copy stays in this browser; try again later, less and less often.
          say(r.status ? fmt(S.server_error, {status: r.status}) : S.offline, true);
          retry = setTimeout(save, Math.min(60000, 2000 * Math.pow(2, tries++)));
        } else {
          say(fmt(S.not_saved, {error: r.body.error || S.error}), true);
        }
        if (again) { again = false; if (ok) { return save(); } }
        return ok;
      });
      return flight;
    }

    // xblock_layer_ui.js (o.uiUrl, unless the page has it already); if it cannot be loaded, try again later.
    const engine = {o, S, uid, st, copyKey, changed, save, saved};
    function withUI(fn) {
      st.dlg = st.dlg || true;
      loading = loading || (window.XBlockLayer.conflictUI ? Promise.resolve() : new Promise((ok, fail) => {
        const s = mk("script", {src: o.uiUrl, async: true}, document.head);
        s.onload = ok;
        s.onerror = () => { s.remove(); loading = null; fail(); };
      }));
      loading.then(() => {
        if (st.dlg === true) { st.dlg = null; }
        fn(ui = ui || window.XBlockLayer.conflictUI(engine));
      }, () => {
        say(S.offline, true);
        setTimeout(() => withUI(fn), 5000);
      });
    }
    // The server holds revision b.revision (a 409, the check, another handler): merge it into the form.
    const adopt = (b) => withUI((u) => u.adopt(b));

    // Ask the server for its revision (stale HTML at start, a download); true when it answered. The revision
    // this page knows goes along: a server may then leave the state out when it is the same.
    function check() {
      checking = get(o.stateUrl + (o.stateUrl.indexOf("?") < 0 ? "?" : "&") + "revision=" + st.rev).then((r) => {
        checking = null;
        if (r.status === 200 && r.body[o.name] !== undefined && r.body.revision !== st.rev && !flight && !st.dlg) {
          adopt(r.body);
        }
        return r.status === 200;
      });
      return checking;
    }

    /* Start: the server's revision (saves wait for it); copies left by tabs closed before the server confirmed
       and the version not chosen in a conflict (localStorage keys o.key + "#tab" / "!alt"), if any. */
    check();
    try {
      if (Object.keys(window.localStorage).some((k) => k.indexOf(o.key) === 0)) { withUI((u) => u.start()); }
    } catch (e) { /* no storage */ }
    if (o.savedAt) { saved(o.savedAt); }

    const flush = () => { if (st.n !== st.done && !flight) { save(true); } };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") { flush(); } });
    window.addEventListener("online", () => { clearTimeout(retry); tries = 0; save(); });

    return {
      changed, save, say, check, adopt,
      dirty: () => st.n !== st.done,
      revision: () => st.rev,
      // The "save" button: even with nothing changed the learner gets a fresh confirmation.
      saveNow: () => { if (st.n === st.done) { st.n += 1; } return save(); }
    };
  }

  /* Counters near a field's maxlength (fields need an id), and a paste longer than the room left: what fits
     goes in, the rest is shown below the field to copy (the browser would silently cut it). */
  function limits(root, S) {
    const lang = (root.closest("[lang]") || document.documentElement).lang || undefined;
    const num = (x) => x.toLocaleString(lang);
    const byId = (f, end) => document.getElementById(f.id + end);
    function count(f) {
      const max = f.maxLength, len = f.value.length, on = len >= max * 0.8;
      let c = byId(f, "-n");
      if (!c && on) {
        c = mk("div", {id: f.id + "-n", className: "xbl-n"});
        f.parentNode.insertBefore(c, f.nextSibling);
        describe(f, c.id, true);
      }
      if (c) {
        c.textContent = on ? fmt(S.count, {n: num(len), max: num(max)}) : "";
        c.classList.toggle("xbl-full", len >= max);
      }
    }
    const limited = (f) => f.maxLength > 0 && f.id && f.selectionStart !== null;
    root.addEventListener("input", (ev) => { if (limited(ev.target)) { count(ev.target); } });
    // A paste, or a drop of text from elsewhere (dropped text goes at the end: the drop point inside a field
    // is not known; a drag within the same field only moves text and is left to the browser).
    let dragged = null;
    root.addEventListener("dragstart", (ev) => { dragged = ev.target; });
    root.addEventListener("dragend", () => { dragged = null; });
    const over = (ev) => {
      const f = ev.target, max = f.maxLength, data = ev.clipboardData || ev.dataTransfer, drop = ev.type === "drop";
      if (!limited(f) || !data || (drop && dragged === f)) { return; }
      let text = data.getData("text/plain").replace(/\r\n?/g, "\n");
      if (f.tagName === "INPUT") { text = text.replace(/\n/g, " "); }
      const from = drop ? f.value.length : f.selectionStart, to = drop ? from : f.selectionEnd;
      const room = max - f.value.length + to - from;
      if (text.length <= room) { return; }
      ev.preventDefault();
      let fit = text.slice(0, Math.max(room, 0));
      if (/[\ud800-\udbff]$/.test(fit)) { fit = fit.slice(0, -1); }  // never half a character
      f.focus();
      f.setRangeText(fit, from, to, "end");
      f.dispatchEvent(new Event("input", {bubbles: true}));
      const rest = text.slice(fit.length), old = byId(f, "-over");
      if (old) { old.remove(); }
      const box = mk("div", {id: f.id + "-over", className: "xbl-over", role: "alert"});
      (byId(f, "-n") || f).after(box);
      mk("p", {id: f.id + "-om", textContent: fmt(S.overflow, {n: num(rest.length), max: num(max)})}, box);
      mk("textarea", {readOnly: true, rows: 3, value: rest, "aria-labelledby": f.id + "-om"}, box);
      mk("button", {type: "button", className: "xbl-link", textContent: S.alt_dismiss}, box)
        .addEventListener("click", () => { box.remove(); f.focus(); });
    };
    root.addEventListener("paste", over);
    root.addEventListener("drop", over);
  }

  /* A link to a document or page built from the saved state: save pending work first, make sure the server
     answers, then follow it; offline, say why not (instead of the browser's error page). */
  function guard(a, saver, S) {
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      if (navigator.onLine === false) { saver.say(S.dl_offline, true); return; }
      const win = a.target === "_blank" ? window.open("", "_blank") : null;
      (saver.dirty() ? saver.save() : Promise.resolve(false)).then((ok) => ok || saver.check()).then((ok) => {
        if (!ok) {
          if (win) { win.close(); }
          saver.say(S.dl_failed, true);
        } else if (win) {
          win.location.href = a.href;
        } else {
          window.location.href = a.href;
        }
      });
    });
  }

  window.XBlockLayer = {each, fmt, mk, dom, describe, post, get, store, isObj, autosave, limits, guard};
}());
