/* XBlockLayer: what our blocks share in the browser (plain script, no build step; defines window.XBlockLayer).
   post/get: JSON over fetch, the csrftoken cookie sent as X-CSRFToken; they resolve {status, body}, status 0
   when the network failed. mk/fmt/each: DOM helpers (text only through textContent and value, never as HTML).
   autosave: a copy in localStorage until the server confirms, debounced saves, retry with back-off, a keepalive
   flush when the tab is hidden or closed, a revision check at start, a three-way merge on 409 and a dialog
   (both texts side by side) only when the same field changed on both sides; the version not chosen stays
   recoverable. limits: a counter near a field's maxlength, a paste over it keeps the rest visible.
   guard: a document link checks the connection (and saves) first and says why not.
   Usage and options: see docs (LAYER-JS-API) and kravprofil.js. */
(function () {
  "use strict";
  if (window.XBlockLayer) { return; }

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function fmt(text, params) {
    return String(text).replace(/%\((\w+)\)s/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : m;
    });
  }

  // A new element: keys with a dash become attributes, the others properties (text only via textContent).
  function mk(tag, props, parent) {
    var n = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k.indexOf("-") > 0) { n.setAttribute(k, props[k]); } else { n[k] = props[k]; }
    });
    if (parent) { parent.appendChild(n); }
    return n;
  }

  function dom(element) { return element && element.jquery ? element[0] : element; }

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function call(url, init) {
    init.credentials = "same-origin";
    init.headers = {"Content-Type": "application/json", "X-CSRFToken": csrf(), "X-Requested-With": "XMLHttpRequest"};
    return fetch(url, init).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (json) {
        return {status: resp.status, body: json || {}};
      });
    }, function () { return {status: 0, body: {}}; });
  }

  // keepalive (for a page being closed) only under the browser's 64 KB limit; a bigger body stays local.
  function post(url, body, keepalive) {
    var text = JSON.stringify(body);
    return call(url, {method: "POST", body: text, keepalive: !!keepalive && new Blob([text]).size < 65000});
  }

  function get(url) { return call(url, {cache: "no-store"}); }

  function store(key, value) {  // read (value undefined), remove (null) or write; null when storage fails
    try {
      var ls = window.localStorage;
      if (value === undefined) { return JSON.parse(ls.getItem(key)); }
      if (value === null) { ls.removeItem(key); } else { ls.setItem(key, JSON.stringify(value)); }
      return true;
    } catch (e) { return null; }
  }

  function storeKeys(prefix) {
    try {
      return Object.keys(window.localStorage).filter(function (k) { return k.indexOf(prefix) === 0; });
    } catch (e) { return []; }
  }

  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  // JSON with sorted keys: equal values compare equal whatever order the server or the form used.
  function json(v) {
    return JSON.stringify(v, function (k, x) {
      return isObj(x) ? Object.keys(x).sort().reduce(function (o, key) { o[key] = x[key]; return o; }, {}) : x;
    });
  }
  function same(a, b) { return json(a) === json(b); }

  /* Three-way merge, key by key through plain objects (a list or a text is one value): a key changed on one
     side only takes that side; changed on both to different values is a conflict (the state keeps mine). */
  function merge(base, mine, theirs, path, out) {
    var state = {};
    out = out || {conflicts: []};
    Object.keys(Object.assign({}, base, mine, theirs)).forEach(function (k) {
      var b = isObj(base) ? base[k] : undefined, m = mine[k], t = theirs[k], p = path ? path + "." + k : k;
      if (same(m, t) || same(t, b)) { state[k] = m; } else if (same(m, b)) { state[k] = t; } else if (isObj(m) && isObj(t)) {
        state[k] = merge(b, m, t, p, out).state;
      } else {
        state[k] = m;
        out.conflicts.push({path: p, mine: m, theirs: t});
      }
    });
    out.state = state;
    return out;
  }

  function pathGet(obj, path) {
    return path.split(".").reduce(function (o, k) { return isObj(o) ? o[k] : undefined; }, obj);
  }
  function pathSet(obj, path, value) {
    var keys = path.split("."), last = keys.pop();
    keys.reduce(function (o, k) { if (!isObj(o[k])) { o[k] = {}; } return o[k]; }, obj)[last] = value;
  }

  // A value as readable text (a list one item a line, an object its non-empty values).
  function show(v) {
    if (Array.isArray(v)) { return v.map(show).join("\n"); }
    if (isObj(v)) { return Object.keys(v).map(function (k) { return show(v[k]); }).filter(Boolean).join(" · "); }
    return v === null || v === undefined ? "" : String(v);
  }

  function time(iso) {
    var d = iso ? new Date(iso) : new Date();
    if (isNaN(d.getTime())) { d = new Date(); }
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  /* The autosave engine. o: {root, uid, home, url, stateUrl, name, key, revision, savedAt, strings, status, box, btn,
     collect(), render(state), label(path), show(value, path), onSaved(body), delay}. */
  function autosave(o) {
    var S = o.strings;
    var tab = Date.now().toString(36) + Math.random().toString(36).slice(2);
    var copyKey = o.key + "#" + tab, altKey = o.key + "!alt";
    var rev = o.revision, base = o.collect();
    var n = 0, done = 0, flight = null, again = false, timer = null, retry = null, tries = 0;
    var dlg = null, alt = null, note = "", checking = null, lastFocus = null;
    var uid = o.uid || "xbl" + tab.slice(-5);

    function say(text, isError) {
      o.status.textContent = text;
      o.status.classList.toggle("xbl-error", !!isError);
    }
    function saved(iso) { say(fmt(S.saved, {time: time(iso)}) + (note ? " " + note : "")); note = ""; }
    function keep() { store(copyKey, {rev: rev, base: base, state: o.collect(), t: Date.now()}); }

    // Render a state, keeping the focus and caret on the same control when it is still there.
    function paint(state) {
      var all = o.root.querySelectorAll("input, textarea, select"), a = document.activeElement;
      var i = Array.prototype.indexOf.call(all, a), f = a && a.getAttribute("data-field"), s = a && a.selectionStart;
      o.render(state);
      var b = o.root.querySelectorAll("input, textarea, select")[i];
      if (i >= 0 && b && b.getAttribute("data-field") === f && b !== document.activeElement) {
        b.focus();
        try { b.setSelectionRange(s, s); } catch (e) { /* not a text field */ }
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
      if (checking) { return checking.then(function () { return save(keepalive); }); }
      if (dlg) { return Promise.resolve(false); }
      if (flight) { again = true; return flight; }
      if (n === done) { return Promise.resolve(true); }
      clearTimeout(retry);
      var upTo = n, state = o.collect(), body = {revision: rev};
      body[o.name] = state;
      say(S.saving);
      flight = post(o.url, body, keepalive).then(function (r) {
        flight = null;
        if (r.status === 200) {
          tries = 0;
          base = state;
          rev = r.body.revision;
          done = upTo;
          if (upTo === n) { store(copyKey, null); saved(r.body.saved_at); } else { keep(); say(S.unsaved); }
          if (o.onSaved) { o.onSaved(r.body); }
        } else if (r.status === 409 && isObj(r.body[o.name])) {
          theirs(r.body);
        } else if (!r.status || r.status >= 500) {  // a dead or failing server: the copy stays, try again later
          say(r.status ? fmt(S.server_error, {status: r.status}) : S.offline, true);
          retry = setTimeout(save, Math.min(60000, 2000 * Math.pow(2, tries++)));
        } else {
          say(fmt(S.not_saved, {error: r.body.error || S.error}), true);
        }
        if (again) { again = false; if (r.status === 200) { return save(); } }
        return r.status === 200;
      });
      return flight;
    }

    // The server holds revision b.revision (a 409, or the check at start): merge it into the form.
    function theirs(b) {
      var old = base;
      base = b[o.name];
      rev = b.revision;
      reconcile(old, o.collect(), base, S.merged);
    }

    function reconcile(old, mine, other, message) {
      var m = merge(old, mine, other);
      if (!same(m.state, o.collect())) { paint(m.state); note = message; }
      if (m.conflicts.length) { open(m.conflicts); }
      settle();
    }

    // Ask the server for its revision (stale HTML, a download, reconnecting); true when it answered.
    function check() {
      checking = get(o.stateUrl).then(function (r) {
        checking = null;
        if (r.status === 200 && isObj(r.body[o.name]) && r.body.revision !== rev && !flight && !dlg) { theirs(r.body); }
        return r.status === 200;
      });
      return checking;
    }

    /* ---- the conflict dialog: both texts of each field changed on both sides ---- */
    function button(text, fn, parent) {
      mk("button", {type: "button", className: o.btn || "", textContent: text}, parent).addEventListener("click", fn);
    }

    function open(list) {
      lastFocus = document.activeElement;
      dlg = mk("div", {className: "xbl-dlg", role: "alertdialog", "aria-modal": "false", tabIndex: -1,
                       "aria-labelledby": uid + "-ct", "aria-describedby": uid + "-cd"});
      dlg.list = list;
      mk("h3", {id: uid + "-ct", textContent: S.conflict_title}, dlg);
      mk("p", {id: uid + "-cd", textContent: S.conflict_text}, dlg);
      list.forEach(function (c) {
        var row = mk("div", {className: "xbl-cmp"}, dlg);
        mk("h4", {textContent: label(c.path)}, row);
        [[S.mine, c.mine], [S.theirs, c.theirs]].forEach(function (side) {
          var col = mk("div", {className: "xbl-side"}, row);
          mk("p", {className: "xbl-who", textContent: side[0]}, col);
          mk("p", {className: "xbl-text", textContent: text(side[1], c.path)}, col);
        });
      });
      button(S.keep_mine, function () { choose(true); }, dlg);
      button(S.use_theirs, function () { choose(false); }, dlg);
      o.box.parentNode.insertBefore(dlg, o.box.nextSibling);
      dlg.focus();
    }

    function label(path) { return (o.label && o.label(path)) || path; }
    function text(v, path) { return (o.show ? o.show(v, path) : show(v)) || S.empty; }

    // Keep mine (the form has it) or use theirs; either way the other text goes to the recovery area.
    function choose(mine) {
      var state = o.collect(), list = dlg.list;
      var other = list.map(function (c) {
        var value = mine ? c.theirs : pathGet(state, c.path);
        if (!mine) { pathSet(state, c.path, c.theirs); }
        return {path: c.path, label: label(c.path), value: value};
      });
      dlg.parentNode.removeChild(dlg);
      dlg = null;
      if (!mine) { paint(state); }
      keepAlt(other.concat(store(altKey) || []));
      (lastFocus && o.root.contains(lastFocus) ? lastFocus : alt.querySelector("button")).focus();
      settle();
    }

    /* ---- the recovery area: the version not chosen, until the learner puts it back or dismisses it ---- */
    function keepAlt(items) {
      if (alt) { alt.parentNode.removeChild(alt); alt = null; }
      store(altKey, items.length ? items : null);
      if (!items.length) { return; }
      alt = mk("div", {className: "xbl-alt", role: "region", "aria-labelledby": uid + "-at"});
      mk("h3", {id: uid + "-at", textContent: S.alt_title}, alt);
      items.forEach(function (a) {
        mk("h4", {textContent: a.label}, alt);
        mk("p", {className: "xbl-text", textContent: text(a.value, a.path)}, alt);
      });
      button(S.alt_restore, function () {  // a swap: what it replaces becomes the text kept here
        var state = o.collect();
        var back = items.map(function (a) {
          var now = pathGet(state, a.path);
          pathSet(state, a.path, a.value);
          return {path: a.path, label: a.label, value: now};
        });
        paint(state);
        keepAlt(back);
        note = "";
        alt.querySelector("button").focus();
        settle();
      }, alt);
      button(S.alt_dismiss, function () { keepAlt([]); (o.home || o.root).focus(); }, alt);
      var after = dlg || o.box;
      after.parentNode.insertBefore(alt, after.nextSibling);
    }

    /* ---- start: the server's revision (saves wait for it), copies left by tabs closed before the server
       confirmed, the recovery area ---- */
    check();
    storeKeys(o.key + "#").map(function (k) { return [k, store(k)]; })
      .sort(function (a, b) { return ((a[1] || {}).t || 0) - ((b[1] || {}).t || 0); })
      .forEach(function (kc) {
        var c = kc[1];
        store(kc[0], null);
        if (!c || !isObj(c.state) || dlg) { if (c && dlg) { store(kc[0], c); } return; }
        if (c.rev > rev) { rev = c.rev; base = c.base; }  // this page is older than the copy: the copy knows more
        reconcile(isObj(c.base) ? c.base : {}, c.state, o.collect(), S.restored);
      });
    if (store(altKey)) { keepAlt(store(altKey)); }
    if (!n && o.savedAt) { saved(o.savedAt); }

    function flush() { if (n !== done && !flight) { save(true); } }
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { flush(); } });
    window.addEventListener("online", function () { clearTimeout(retry); tries = 0; save(); });

    return {
      changed: changed,
      save: save,
      say: say,
      check: check,
      dirty: function () { return n !== done; },
      // Save now (the button): even with nothing changed the learner gets a fresh confirmation.
      saveNow: function () { if (n === done) { n += 1; } return save(); }
    };
  }

  /* Counters near a field's maxlength, and a paste longer than the room left: what fits goes in, the rest
     is shown below the field to copy (the browser would silently cut it). */
  function limits(root, S) {
    var lang = (root.closest("[lang]") || document.documentElement).lang || undefined;
    function num(x) { return x.toLocaleString(lang); }
    function near(f, cls) {
      var id = f.id + "-" + cls, el = document.getElementById(id);
      if (!el) {
        el = mk("div", {id: id, className: "xbl-" + cls});
        f.parentNode.insertBefore(el, cls === "n" ? f.nextSibling : (document.getElementById(f.id + "-n") || f).nextSibling);
        if (cls === "n") {
          f.setAttribute("aria-describedby", ((f.getAttribute("aria-describedby") || "") + " " + id).trim());
        }
      }
      return el;
    }
    function count(f) {
      var max = f.maxLength, len = f.value.length;
      if (!(max > 0) || !f.id) { return; }
      var show = len >= max * 0.8, el = show || document.getElementById(f.id + "-n") ? near(f, "n") : null;
      if (el) {
        el.textContent = show ? fmt(S.count, {n: num(len), max: num(max)}) : "";
        el.classList.toggle("xbl-full", len >= max);
      }
    }
    root.addEventListener("input", function (ev) { if (ev.target.maxLength > 0) { count(ev.target); } });
    root.addEventListener("paste", function (ev) {
      var f = ev.target, max = f.maxLength, data = ev.clipboardData;
      if (!(max > 0) || !data || !f.id || f.selectionStart === null) { return; }
      var text = data.getData("text/plain").replace(/\r\n?/g, "\n");
      if (f.tagName === "INPUT") { text = text.replace(/\n/g, " "); }
      var room = max - f.value.length + f.selectionEnd - f.selectionStart;
      if (text.length <= room) { return; }
      ev.preventDefault();
      var fit = text.slice(0, Math.max(room, 0));
      if (/[\ud800-\udbff]$/.test(fit)) { fit = fit.slice(0, -1); }  // never half a character
      f.setRangeText(fit, f.selectionStart, f.selectionEnd, "end");
      f.dispatchEvent(new Event("input", {bubbles: true}));
      var rest = text.slice(fit.length), box = near(f, "over");
      box.textContent = "";
      box.setAttribute("role", "alert");
      var msg = mk("p", {id: f.id + "-om", textContent: fmt(S.overflow, {n: num(rest.length), max: num(max)})}, box);
      mk("textarea", {readOnly: true, rows: 3, value: rest, "aria-labelledby": msg.id}, box);
      mk("button", {type: "button", className: "xbl-link", textContent: S.alt_dismiss}, box)
        .addEventListener("click", function () { box.parentNode.removeChild(box); f.focus(); });
    });
  }

  /* A link to a document or page built from the saved state: save pending work first, make sure the server
     answers, then follow it; offline, say why not (instead of the browser's error page). */
  function guard(a, saver, S) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      if (navigator.onLine === false) { saver.say(S.dl_offline, true); return; }
      var win = a.target === "_blank" ? window.open("", "_blank") : null;
      (saver.dirty() ? saver.save() : Promise.resolve(false)).then(function (ok) {
        return ok || saver.check();
      }).then(function (ok) {
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

  window.XBlockLayer = {
    each: each, fmt: fmt, mk: mk, dom: dom, csrf: csrf, post: post, get: get, store: store,
    merge: merge, same: same, autosave: autosave, limits: limits, guard: guard
  };
}());
