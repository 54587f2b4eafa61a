/* XBlockLayer: what our blocks share in the browser (plain ES2017 script, no build step; window.XBlockLayer).
   post/get: JSON over fetch, the csrftoken cookie sent as X-CSRFToken; they resolve {status, body}, status 0
   when the network failed. mk/fmt/each: DOM helpers (text only through textContent and value, never as HTML).
   autosave: a copy in localStorage until the server confirms, debounced saves, retry with back-off, a keepalive
   flush when the tab is hidden or closed, a revision check at start, a three-way merge on 409 and a dialog
   (both texts side by side) only when the same field changed on both sides; the version not chosen stays
   recoverable. limits: a counter near a field's maxlength; a paste over it keeps the rest visible.
   guard: a document link saves, checks the connection first and says why not.
   The conflict dialog and recovery area: xblock_layer_ui.js, loaded on demand.
   How a block uses it: docs/xblock-layer.md and kravprofil.js. */
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
  // JSON with sorted keys: equal values compare equal whatever key order the server or the form used.
  const json = (v) => JSON.stringify(v, (k, x) => (isObj(x) ?
    Object.keys(x).sort().reduce((o, key) => { o[key] = x[key]; return o; }, {}) : x));
  const same = (a, b) => json(a) === json(b);

  /* Three-way merge, key by key through plain objects (a list or a text is one value): a key changed on one
     side only takes that side; changed on both to different values is a conflict (the state keeps mine). */
  function merge(base, mine, theirs, path, out) {
    const state = {};
    out = out || {conflicts: []};
    Object.keys(Object.assign({}, base, mine, theirs)).forEach((k) => {
      const b = isObj(base) ? base[k] : undefined, m = mine[k], t = theirs[k], p = path ? path + "." + k : k;
      if (same(m, t) || same(t, b)) {
        state[k] = m;
      } else if (same(m, b)) {
        state[k] = t;
      } else if (isObj(m) && isObj(t)) {
        state[k] = merge(b, m, t, p, out).state;
      } else {
        state[k] = m;
        out.conflicts.push({path: p, mine: m, theirs: t});
      }
    });
    out.state = state;
    return out;
  }

  function hhmm(iso) {
    let d = new Date(iso || Date.now());
    if (isNaN(d)) { d = new Date(); }
    return [d.getHours(), d.getMinutes()].map((n) => (n < 10 ? "0" : "") + n).join(":");
  }

  /* The autosave engine; the options are described in LAYER-JS-API (docs/contracts.md). */
  function autosave(o) {
    const S = o.strings, tab = Date.now().toString(36) + Math.random().toString(36).slice(2);
    const copyKey = o.key + "#" + tab, altKey = o.key + "!alt", uid = o.uid || "xbl" + tab.slice(-5);
    let rev = o.revision, base = o.collect(), n = 0, done = 0, flight = null, again = false;
    let timer = null, retry = null, tries = 0, dlg = null, note = "", checking = null;

    function say(text, isError) {
      o.status.textContent = text;
      o.status.classList.toggle("xbl-error", !!isError);
    }
    function saved(iso) { say(fmt(S.saved, {time: hhmm(iso)}) + (note ? " " + note : "")); note = ""; }
    const keep = () => store(copyKey, {rev, base, state: o.collect(), t: Date.now()});

    // Render a state, keeping the focus and caret on the same control when it is still there.
    function paint(state) {
      const sel = "input, textarea, select", a = document.activeElement, f = a && a.getAttribute("data-field");
      const i = Array.prototype.indexOf.call(o.root.querySelectorAll(sel), a), at = a && a.selectionStart;
      o.render(state);
      const b = o.root.querySelectorAll(sel)[i];
      if (i >= 0 && b && b !== a && b.getAttribute("data-field") === f) {
        b.focus();
        try { b.setSelectionRange(at, at); } catch (e) { /* not a text field */ }
      }
    }

    function changed() {
      n += 1;
      keep();
      say(S.unsaved);
      clearTimeout(timer);
      timer = setTimeout(save, o.delay || 1500);
    }

    // After a merge or a choice: nothing to send when the form holds the saved state.
    function settle() {
      if (same(o.collect(), base)) {
        done = n;
        store(copyKey, null);
        saved();
      } else {
        changed();
        save();
      }
    }

    function save(keepalive) {
      clearTimeout(timer);
      if (checking) { return checking.then(() => save(keepalive)); }
      if (dlg) { return Promise.resolve(false); }
      if (flight) { again = true; return flight; }
      if (n === done) { return Promise.resolve(true); }
      clearTimeout(retry);
      const upTo = n, state = o.collect(), body = {revision: rev};
      body[o.name] = state;
      say(S.saving);
      flight = post(o.url, body, keepalive).then((r) => {
        const ok = r.status === 200;
        flight = null;
        if (ok) {
          tries = 0;
          base = state;
          rev = r.body.revision;
          done = upTo;
          if (upTo === n) { store(copyKey, null); saved(r.body.saved_at); } else { keep(); say(S.unsaved); }
          if (o.onSaved) { o.onSaved(r.body); }
        } else if (r.status === 409 && isObj(r.body[o.name])) {
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

    // The server holds revision b.revision (a 409, the check, another handler): merge it into the form.
    function adopt(b) {
      const old = base;
      base = b[o.name];
      rev = b.revision;
      reconcile(old, o.collect(), base, S.merged);
    }

    function reconcile(old, mine, other, message) {
      const m = merge(old, mine, other);
      if (!same(m.state, o.collect())) { paint(m.state); note = message; }
      if (m.conflicts.length) { open(m.conflicts); }
      settle();
    }

    // Ask the server for its revision (stale HTML at start, a download); true when it answered.
    function check() {
      checking = get(o.stateUrl).then((r) => {
        checking = null;
        if (r.status === 200 && isObj(r.body[o.name]) && r.body.revision !== rev && !flight && !dlg) { adopt(r.body); }
        return r.status === 200;
      });
      return checking;
    }

    /* The conflict dialog and the recovery area live in xblock_layer_ui.js, loaded when first needed (o.uiUrl,
       unless the page has it already). Saves stay paused meanwhile; if it cannot be loaded, try again. */
    let ui = null, loading = null;
    const engine = {o, S, uid, altKey, paint, settle, dlg: () => dlg, setDlg: (d) => { dlg = d; }};
    function withUI(fn) {
      loading = loading || (window.XBlockLayer.conflictUI ? Promise.resolve() : new Promise((ok, fail) => {
        const s = mk("script", {src: o.uiUrl, async: true}, document.head);
        s.onload = ok;
        s.onerror = () => { s.remove(); loading = null; fail(); };
      }));
      loading.then(() => fn(ui = ui || window.XBlockLayer.conflictUI(engine)), () => {
        say(S.offline, true);
        setTimeout(() => withUI(fn), 5000);
      });
    }
    function open(list) {
      dlg = dlg || true;  // saves wait until the learner has chosen
      withUI((u) => u.open(list));
    }

    /* Start: the server's revision (saves wait for it); copies left by tabs closed before the server
       confirmed, oldest first (one conflict at a time: the others wait for the next visit); the recovery area. */
    check();
    let keys = [];
    try { keys = Object.keys(window.localStorage).filter((k) => k.indexOf(o.key + "#") === 0); } catch (e) { /* none */ }
    keys.map((k) => [k, store(k)]).sort((a, b) => ((a[1] || {}).t || 0) - ((b[1] || {}).t || 0)).forEach((kc) => {
      const c = kc[1];
      if (dlg) { return; }
      store(kc[0], null);
      if (!c || !isObj(c.state)) { return; }
      if (c.rev > rev) { rev = c.rev; base = c.base; }  // the copy knows a newer server state than this page
      reconcile(isObj(c.base) ? c.base : {}, c.state, o.collect(), S.restored);
    });
    if (store(altKey)) { withUI((u) => u.keepAlt(store(altKey))); }
    if (!n && o.savedAt) { saved(o.savedAt); }

    const flush = () => { if (n !== done && !flight) { save(true); } };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") { flush(); } });
    window.addEventListener("online", () => { clearTimeout(retry); tries = 0; save(); });

    return {
      changed, save, say, check, adopt,
      dirty: () => n !== done,
      revision: () => rev,
      // The "save" button: even with nothing changed the learner gets a fresh confirmation.
      saveNow: () => { if (n === done) { n += 1; } return save(); }
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
    root.addEventListener("paste", (ev) => {
      const f = ev.target, max = f.maxLength;
      if (!limited(f) || !ev.clipboardData) { return; }
      let text = ev.clipboardData.getData("text/plain").replace(/\r\n?/g, "\n");
      if (f.tagName === "INPUT") { text = text.replace(/\n/g, " "); }
      const room = max - f.value.length + f.selectionEnd - f.selectionStart;
      if (text.length <= room) { return; }
      ev.preventDefault();
      let fit = text.slice(0, Math.max(room, 0));
      if (/[\ud800-\udbff]$/.test(fit)) { fit = fit.slice(0, -1); }  // never half a character
      f.setRangeText(fit, f.selectionStart, f.selectionEnd, "end");
      f.dispatchEvent(new Event("input", {bubbles: true}));
      const rest = text.slice(fit.length), old = byId(f, "-over");
      if (old) { old.parentNode.removeChild(old); }
      const box = mk("div", {id: f.id + "-over", className: "xbl-over", role: "alert"});
      (byId(f, "-n") || f).after(box);
      mk("p", {id: f.id + "-om", textContent: fmt(S.overflow, {n: num(rest.length), max: num(max)})}, box);
      mk("textarea", {readOnly: true, rows: 3, value: rest, "aria-labelledby": f.id + "-om"}, box);
      mk("button", {type: "button", className: "xbl-link", textContent: S.alt_dismiss}, box)
        .addEventListener("click", () => { box.remove(); f.focus(); });
    });
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

  window.XBlockLayer = {each, fmt, mk, dom, describe, post, get, store, merge, same, autosave, limits, guard};
}());
