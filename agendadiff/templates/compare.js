// Keyboard navigation for the comparison report: n/p change, j/k topic, ? keys, a kind-of-change filter and a
// counter. The shortcuts can be switched off (WCAG 2.1.4). Allowed by its hash in the CSP.
(() => {
  "use strict";
  const sideBySide = document.getElementById("opt-sbs");
  const kind = document.getElementById("opt-kind");
  const keysOn = document.getElementById("opt-keys");
  const counter = document.getElementById("counter");
  const keys = document.getElementById("keys");
  const wide = window.matchMedia("(min-width: 40.01rem)");
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const topicOf = (el) => el.closest("section.pair");
  const marks = { position: ".k-position", factual: ".k-factual", wording: ".k-wording", moved: ".moved" };
  let current = null;

  // On a phone the side-by-side view is not offered: the inline one reads better there.
  const sbs = () => sideBySide.checked && wide.matches;
  // Changes of the view on screen (inline or side by side), of the kind chosen, in topics left visible.
  function changes() {
    const view = sbs() ? ".view-sbs" : ".view-inline";
    const only = marks[kind.value] || "";
    return [...document.querySelectorAll(`section.pair ${view} .chg[tabindex]${only}`)].filter((el) => shown(topicOf(el)));
  }
  function topics() {
    return [...document.querySelectorAll("section.pair")].filter(shown);
  }
  // The same change in the other view: inline marks carry the anchor as id, side-by-side ones as data-c.
  function inView(el) {
    if (!el) return null;
    const name = el.id || el.dataset.c;
    const view = sbs() ? ".view-sbs" : ".view-inline";
    return document.querySelector(`${view} [data-c="${CSS.escape(name)}"], ${view} [id="${CSS.escape(name)}"]`) || el;
  }
  function reveal(el) {
    for (let d = el.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  }
  function count() {
    const list = changes();
    const at = current ? list.indexOf(inView(current)) : -1;
    const text = at < 0 ? counter.dataset.total : counter.dataset.of.replace("{k}", at + 1);
    counter.textContent = text.replaceAll("{n}", list.length);
  }
  function focus(el) {
    reveal(el);
    el.focus({ preventScroll: true });
    // A topic shows its heading; a change too long for the middle of the screen starts below the toolbar.
    const tall = el.getBoundingClientRect().height > window.innerHeight / 3;
    el.scrollIntoView({ block: el.matches("section.pair") || tall ? "start" : "center" });
    current = el;
    const name = el.id || el.dataset.c;
    if (name) history.replaceState(null, "", "#" + name);
    count();
  }
  function step(list, by) {
    if (!list.length) return;
    let at = current ? list.indexOf(inView(current)) : -1;
    if (at < 0) {
      // Nothing chosen yet: start from what is on screen.
      const below = list.findIndex((el) => el.getBoundingClientRect().top > 0);
      at = below < 0 ? list.length : below;
      at = by > 0 ? at - 1 : at;
    }
    focus(list[Math.min(Math.max(at + by, 0), list.length - 1)]);
  }
  document.addEventListener("keydown", (event) => {
    if (!keysOn.checked) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.target.closest && event.target.closest("textarea, input[type=text], input[type=search], select")) return;
    if (keys.open && event.key !== "?") return;
    const actions = {
      n: () => step(changes(), 1),
      p: () => step(changes(), -1),
      j: () => step(topics(), 1),
      k: () => step(topics(), -1),
      "?": () => (keys.open ? keys.close() : keys.showModal()),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  try {
    keysOn.checked = localStorage.getItem("agendadiff-keys") !== "off";
  } catch (error) {
    // storage refused (a private window, a file: page in some browsers): the shortcuts stay on
  }
  keysOn.addEventListener("change", () => {
    try {
      localStorage.setItem("agendadiff-keys", keysOn.checked ? "on" : "off");
    } catch (error) {
      // the choice holds for this page only
    }
  });
  kind.addEventListener("change", () => {
    document.body.dataset.kind = kind.value;
    current = null;
    count();
  });
  document.getElementById("show-keys").addEventListener("click", () => keys.showModal());
  document.getElementById("close-keys").addEventListener("click", () => keys.close());
  sideBySide.addEventListener("change", () => {
    if (current) current = inView(current);
    count();
  });
  document.getElementById("opt-changed").addEventListener("change", count);
  // A shared link to a change inside a folded topic opens the fold.
  function follow() {
    const name = decodeURIComponent(location.hash.slice(1));
    const target = name && document.getElementById(name);
    if (!target) return;
    reveal(target);
    target.scrollIntoView({ block: "center" });
    if (target.classList.contains("chg") || target.matches("section.pair")) current = target;
    count();
  }
  // Print everything, folded text too (for browsers whose print style cannot unfold it), then fold it back.
  let folded = [];
  window.addEventListener("beforeprint", () => {
    folded = [...document.querySelectorAll("details:not([open])")];
    folded.forEach((d) => (d.open = true));
  });
  window.addEventListener("afterprint", () => folded.forEach((d) => (d.open = false)));
  window.addEventListener("hashchange", follow);
  count();
  follow();
})();
