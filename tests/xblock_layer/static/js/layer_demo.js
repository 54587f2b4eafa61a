/* The layer's demo block (tests/xblock_layer/demo_block.py): all a block writes to get the shared autosave,
   limits and download guard of window.XBlockLayer. Its state is one text ("note"). */
(function () {
  "use strict";

  function LayerDemoBlock(runtime, element) {
    const L = window.XBlockLayer, el = L.dom(element);
    const root = el.classList.contains("layer-demo") ? el : el.querySelector(".layer-demo");
    const data = JSON.parse(root.querySelector(".ld-data").textContent);
    const note = root.querySelector('[data-field="note"]'), url = (name) => runtime.handlerUrl(el, name);
    note.value = data.note || "";
    const saver = L.autosave({
      root, uid: root.getAttribute("data-uid"), name: "note", strings: data.strings, uiUrl: data.layer_ui_url,
      url: url("save_note"), stateUrl: url("student_view_user_state"), key: "layer_demo:" + url("save_note"),
      revision: data.revision, savedAt: data.saved_at, status: root.querySelector(".ld-status"),
      box: root.querySelector(".ld-bar"), collect: () => note.value, render: (text) => { note.value = text || ""; },
      label: () => root.querySelector('label[for="' + note.id + '"]').textContent
    });
    note.addEventListener("input", () => saver.changed());
    note.addEventListener("blur", () => saver.save());
    L.limits(root, data.strings);
    const link = root.querySelector("[data-download]");
    link.href = url("download_note");
    L.guard(link, saver, data.strings);
  }

  window.LayerDemoBlock = LayerDemoBlock;
}());
