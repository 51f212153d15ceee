/* Localisation of the framework's own English words into French (see ui/a11y.py), and keyboard
 * access to tables that scroll sideways.
 * Runs once per page, from <head>: declares lang="fr", then rewrites every known English text
 * node and accessible name (aria-label, title, placeholder, alt…) as soon as the framework
 * renders it. The words live in one dictionary, assets/l10n-fr.json (window.__autodiagL10nData):
 * "text" maps a whole trimmed string to its French, "patterns" are [regex, replacement] pairs. */
(function () {
  "use strict";
  if (window.__autodiagL10n) { return; }
  var data = window.__autodiagL10nData || {};
  var exact = new Map(Object.entries(data.text || {}));
  var patterns = (data.patterns || []).map(function (p) { return [new RegExp(p[0]), p[1]]; });
  var ATTRS = ["aria-label", "title", "placeholder", "alt", "aria-valuetext", "aria-roledescription"];
  var MAX_LENGTH = 400;
  var SKIP = new Set(["SCRIPT", "STYLE", "TEXTAREA"]);

  function translate(value) {
    if (!value || value.length > MAX_LENGTH) { return null; }
    var trimmed = value.trim();
    if (!trimmed) { return null; }
    var hit = exact.get(trimmed);
    if (hit !== undefined) { return value.replace(trimmed, hit); }
    for (var i = 0; i < patterns.length; i++) {
      if (patterns[i][0].test(trimmed)) { return value.replace(patterns[i][0], patterns[i][1]); }
    }
    return null;
  }

  function fixText(node) {
    var parent = node.parentNode;
    if (!parent || SKIP.has(parent.nodeName)) { return; }
    if (parent.closest && parent.closest("[data-testid='stIconMaterial']")) { return; }
    var fr = translate(node.nodeValue);
    if (fr !== null && fr !== node.nodeValue) { node.nodeValue = fr; }
  }

  function fixElement(el) {
    for (var i = 0; i < ATTRS.length; i++) {
      var value = el.getAttribute(ATTRS[i]);
      if (value) {
        var fr = translate(value);
        if (fr !== null && fr !== value) { el.setAttribute(ATTRS[i], fr); }
      }
    }
  }

  function fixTree(root) {
    if (root.nodeType === 3) { fixText(root); return; }
    if (root.nodeType !== 1) { return; }
    fixElement(root);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (node.nodeType === 3) { fixText(node); } else { fixElement(node); }
    }
  }

  /* A table wider than its box scrolls inside it: that box must take the keyboard focus so it can be
   * scrolled without a mouse (axe scrollable-region-focusable, RGAA 7.3). Only when it overflows. */
  var SCROLL_BOX = ".stTable > div, [data-testid='stCode'] pre";
  function fixScrollable(root) {
    var boxes = root.querySelectorAll ? root.querySelectorAll(SCROLL_BOX) : [];
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", box.tagName === "PRE" ? "Lien ou texte à copier (défilement horizontal)"
            : (data.scrollLabel || "Tableau (défilement horizontal)"));
        }
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }
  var scrollTimer = null;
  function fixScrollableSoon() {
    if (scrollTimer) { return; }
    scrollTimer = setTimeout(function () { scrollTimer = null; fixScrollable(document); }, 200);
  }

  function declareFrench() {
    var html = document.documentElement;
    if (html.getAttribute("lang") !== "fr") { html.setAttribute("lang", "fr"); }
  }

  var observer = new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (r.type === "childList") {
        r.addedNodes.forEach(fixTree);
        if (r.addedNodes.length) { fixScrollableSoon(); }
      } else if (r.type === "characterData") {
        fixText(r.target);
      } else if (r.attributeName === "lang" && r.target === document.documentElement) {
        declareFrench();
      } else {
        fixElement(r.target);
      }
    }
  });

  window.__autodiagL10n = { translate: translate, fixScrollable: fixScrollable };
  window.addEventListener("resize", fixScrollableSoon);
  declareFrench();
  fixTree(document.documentElement);
  observer.observe(document.documentElement, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ATTRS.concat(["lang"])
  });
})();
