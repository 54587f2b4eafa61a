/* XBlockLayer's merging and conflict UI, loaded by the autosave engine only when needed (a 409, a newer revision
   found at start, copies left by a closed tab, a kept "version not chosen"): the three-way merge, the dialog
   with both texts side by side and the recovery area. Plain ES2017 script; it adds
   XBlockLayer.conflictUI(engine), XBlockLayer.merge/same and its own small stylesheet. */
(function () {
  "use strict";
  const L = window.XBlockLayer;
  if (!L || L.conflictUI) { return; }
  const mk = L.mk, isObj = L.isObj;
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
  L.merge = merge;
  L.same = same;

  const pathGet = (obj, path) => path.split(".").reduce((o, k) => (isObj(o) ? o[k] : undefined), obj);
  function pathSet(obj, path, value) {
    const keys = path.split("."), last = keys.pop();
    keys.reduce((o, k) => (isObj(o[k]) ? o[k] : (o[k] = {})), obj)[last] = value;
  }
  // A value as readable text: a list one item a line, an object its non-empty values.
  const show = (v) => (Array.isArray(v) ? v.map(show).join("\n") :
    isObj(v) ? Object.keys(v).map((k) => show(v[k])).filter(Boolean).join(" · ") :
      v === null || v === undefined ? "" : String(v));

  mk("style", {textContent: [
    ".xbl-dlg,.xbl-alt{border:2px solid #8a4b00;background:#fff8ec;border-radius:6px;padding:1rem;margin:0 0 1rem}",
    ".xbl-alt{border-color:#6b7177;background:#f7f9fa}",
    ".xbl-dlg h3,.xbl-alt h3{margin:0 0 .5rem;font-size:1.1rem}",
    ".xbl-dlg h4,.xbl-alt h4{margin:.75rem 0 .25rem;font-size:1rem}",
    ".xbl-cmp{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin-bottom:.75rem}",
    ".xbl-cmp h4{flex-basis:100%}",
    ".xbl-side{flex:1 1 13rem;border:1px solid #6b7177;border-radius:4px;padding:.5rem .75rem;background:#fff;min-width:0}",
    ".xbl-who{font-weight:700;margin:0 0 .25rem}",
    ".xbl-text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}"
  ].join("")}, document.head);

  /* e (from autosave): {o, S, uid, st: {rev, base, n, done, dlg, note}, copyKey, changed, save, saved}. */
  L.conflictUI = function (e) {
    // The texts come with this file (per language) or, from older servers, in the page's strings.
    const o = e.o, S = Object.assign({}, window.XBlockLayerUIStrings, e.S), uid = e.uid, st = e.st;
    const altKey = o.key + "!alt";
    // A block whose state is one value (a text) is merged as {<name>: value}.
    const boxed = !isObj(st.base), bx = (v) => (boxed ? {[o.name]: v} : v), ub = (v) => (boxed ? v[o.name] : v);
    let alt = null;

    // Render a state, keeping the focus and caret on the same control when it is still there.
    function paint(state) {
      const sel = "input, textarea, select", a = document.activeElement, f = a && a.getAttribute("data-field");
      const i = Array.prototype.indexOf.call(o.root.querySelectorAll(sel), a), at = a && a.selectionStart;
      o.render(ub(state));
      const b = o.root.querySelectorAll(sel)[i];
      if (i >= 0 && b && b !== a && b.getAttribute("data-field") === f) {
        b.focus();
        try { b.setSelectionRange(at, at); } catch (err) { /* not a text field */ }
      }
    }

    // After a merge or a choice: nothing to send when the form holds the saved state.
    function settle() {
      if (same(o.collect(), st.base)) {
        st.done = st.n;
        L.store(e.copyKey, null);
        e.saved();
      } else {
        e.changed();
        e.save();
      }
    }

    function reconcile(old, mine, other, message) {
      const m = merge(bx(old), bx(mine), bx(other));
      if (!same(ub(m.state), o.collect())) { paint(m.state); st.note = message; }
      if (m.conflicts.length) { open(m.conflicts); }
      settle();
    }

    // The server holds revision b.revision: merge it into the form (a dialog only for fields changed on both).
    function adopt(b) {
      const old = st.base;
      st.base = b[o.name];
      st.rev = b.revision;
      reconcile(old, o.collect(), st.base, S.merged);
    }

    // Copies left by tabs closed before the server confirmed, oldest first (one conflict at a time: the
    // others wait for the next visit); then the version not chosen in an earlier conflict.
    function start() {
      Object.keys(window.localStorage).filter((k) => k.indexOf(o.key + "#") === 0 && k !== e.copyKey)
        .map((k) => [k, L.store(k)]).sort((a, b) => ((a[1] || {}).t || 0) - ((b[1] || {}).t || 0)).forEach((kc) => {
          const c = kc[1];
          if (st.dlg) { return; }
          L.store(kc[0], null);
          if (!c || c.state === undefined) { return; }
          // A copy that knows a newer server state than this page: its base is the better base.
          if (c.rev > st.rev) { st.rev = c.rev; st.base = c.base; }
          reconcile(c.base, c.state, o.collect(), S.restored);
        });
      if (L.store(altKey)) { keepAlt(L.store(altKey)); }
    }
    const label = (path) => (o.label && o.label(path)) || path;
    const text = (v, path) => (o.show ? o.show(v, path) : show(v)) || S.empty;

    // A box after the status bar (or the open dialog): a heading, the rows, two buttons.
    function panel(cls, role, title, rows, buttons) {
      const box = mk("div", {className: cls, role, tabIndex: -1, "aria-labelledby": uid + cls});
      mk("h3", {id: uid + cls, textContent: title}, box);
      rows(box);
      buttons.forEach((b) => {
        mk("button", {type: "button", className: o.btn || "", textContent: b[0]}, box).addEventListener("click", b[1]);
      });
      (st.dlg || o.box).after(box);
      return box;
    }

    /* The conflict dialog: each field changed on both sides, both texts side by side. */
    function open(list) {
      const lastFocus = document.activeElement;
      st.dlg = null;
      const dlg = panel("xbl-dlg", "alertdialog", S.conflict_title, (box) => {
        box.setAttribute("aria-describedby", uid + "-cd");
        mk("p", {id: uid + "-cd", textContent: S.conflict_text}, box);
        list.forEach((c) => {
          const row = mk("div", {className: "xbl-cmp"}, box);
          mk("h4", {textContent: label(c.path)}, row);
          [[S.mine, c.mine], [S.theirs, c.theirs]].forEach((side) => {
            const col = mk("div", {className: "xbl-side"}, row);
            mk("p", {className: "xbl-who", textContent: side[0]}, col);
            mk("p", {className: "xbl-text", textContent: text(side[1], c.path)}, col);
          });
        });
      }, [[S.keep_mine, () => choose(true)], [S.use_theirs, () => choose(false)]]);
      st.dlg = dlg;
      dlg.focus();

      // Keep mine (the form has it) or use theirs; either way the other text goes to the recovery area.
      function choose(mine) {
        const state = bx(o.collect()), other = list.map((c) => {
          const value = mine ? c.theirs : pathGet(state, c.path);
          if (!mine) { pathSet(state, c.path, c.theirs); }
          return {path: c.path, label: label(c.path), value};
        });
        dlg.remove();
        st.dlg = null;
        if (!mine) { paint(state); }
        keepAlt(other.concat(L.store(altKey) || []));
        (o.root.contains(lastFocus) ? lastFocus : alt.querySelector("button")).focus();
        settle();
      }
    }

    /* The recovery area: the version not chosen, until the learner puts it back (a swap) or dismisses it. */
    function keepAlt(items) {
      if (alt) { alt.remove(); alt = null; }
      L.store(altKey, items.length ? items : null);
      if (!items.length) { return; }
      alt = panel("xbl-alt", "region", S.alt_title, (box) => items.forEach((a) => {
        mk("h4", {textContent: a.label}, box);
        mk("p", {className: "xbl-text", textContent: text(a.value, a.path)}, box);
      }), [[S.alt_restore, () => {
        const state = bx(o.collect()), back = items.map((a) => {
          const now = pathGet(state, a.path);
          pathSet(state, a.path, a.value);
          return {path: a.path, label: a.label, value: now};
        });
        paint(state);
        keepAlt(back);
        alt.querySelector("button").focus();
        settle();
      }], [S.alt_dismiss, () => { keepAlt([]); (o.home || o.root).focus(); }]]);
    }

    return {adopt, start};
  };
}());
