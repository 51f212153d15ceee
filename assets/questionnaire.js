// Questionnaire helpers, loaded once per page (constant code, no user data in it).
// 1. Nothing typed is lost without a word: a comment being typed is committed when the page is
//    hidden (tab switched or closed on a phone), and closing the tab while one is unsaved asks first.
// 2. After a step change, the new step is shown from its heading, which takes the keyboard focus.
(function () {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  const win = doc.defaultView || window;
  if (win.__autodiagQuestionnaire) { return; }
  win.__autodiagQuestionnaire = true;
  let dirty = null;
  doc.addEventListener("input", (event) => {
    if (event.target && event.target.tagName === "TEXTAREA") { dirty = event.target; }
  }, true);
  // Streamlit sends a text area's value when it loses focus: that is when it is saved.
  doc.addEventListener("blur", (event) => { if (event.target === dirty) { dirty = null; } }, true);
  doc.addEventListener("visibilitychange", () => {
    if (doc.visibilityState === "hidden" && dirty) { dirty.blur(); }
  });
  win.addEventListener("beforeunload", (event) => {
    if (!dirty) { return; }
    dirty.blur();
    event.preventDefault();
    event.returnValue = "";
  });
  win.__autodiagFocusStep = function (title) {
    let tries = 0;
    const find = () => Array.from(doc.querySelectorAll("h2")).find((h) => h.textContent.trim() === title);
    const go = () => {
      const heading = find();
      if (!heading) { if (tries++ < 40) { win.requestAnimationFrame(go); } return; }
      heading.setAttribute("tabindex", "-1");
      heading.scrollIntoView({block: "start"});
      heading.focus({preventScroll: true});
    };
    go();
  };
})();
