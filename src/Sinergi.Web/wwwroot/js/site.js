// Small progressive enhancements; every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copyTarget);
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.textContent.trim()).then(() => {
    button.textContent = "Tersalin";
  });
});

document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// A refused form: take the person to the list of what to fix (after a full load or an htmx swap).
function focusErrorSummary(root) {
  const summary = (root || document).querySelector("#error-summary");
  if (!summary) return;
  summary.scrollIntoView({ block: "start" });
  summary.focus({ preventScroll: true });
}
document.addEventListener("DOMContentLoaded", () => focusErrorSummary(document));
document.addEventListener("htmx:afterSettle", (event) => focusErrorSummary(event.target));

// Date fields take Indonesian text; the calendar button offers the browser's own picker and
// writes its choice back the Indonesian way.
const monthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
function enableDatePickers(root) {
  const probe = document.createElement("input");
  probe.type = "date";
  if (probe.type !== "date" || typeof probe.showPicker !== "function") return;
  root.querySelectorAll("button.date-pick[hidden]").forEach((button) => { button.hidden = false; });
}
document.addEventListener("DOMContentLoaded", () => enableDatePickers(document));
document.addEventListener("htmx:afterSwap", (event) => enableDatePickers(event.target));
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.date-pick");
  if (!button) return;
  const field = document.getElementById(button.dataset.dateFor);
  if (!field) return;
  let picker = button.nextElementSibling;
  if (!picker || !picker.classList.contains("date-picker-input")) {
    picker = document.createElement("input");
    picker.type = "date";
    picker.className = "date-picker-input";
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");
    picker.addEventListener("change", () => {
      const [y, m, d] = picker.value.split("-").map(Number);
      if (!y) return;
      field.value = `${d} ${monthNames[m - 1]} ${y}`;
      field.dispatchEvent(new Event("change", { bubbles: true }));
      field.focus();
    });
    button.after(picker);
  }
  picker.showPicker();
});

// Long checkbox lists (partners, OPDs, urusan) get a filter box: letters only, so "palangkaraya"
// finds "Palangka Raya" and accents or dots do not matter.
const folded = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
function enableChecklistFilters(root) {
  root.querySelectorAll("input.checklist-filter[hidden]").forEach((box) => {
    box.hidden = false;
    box.addEventListener("input", () => {
      const list = document.getElementById(box.dataset.filterList);
      if (!list) return;
      const wanted = folded(box.value);
      list.querySelectorAll(".form-check").forEach((item) => {
        item.hidden = wanted.length > 0 && !folded(item.textContent).includes(wanted);
      });
      list.querySelectorAll(".checklist-group").forEach((group) => {
        group.hidden = !group.querySelector(".form-check:not([hidden])");
      });
    });
  });
}
document.addEventListener("DOMContentLoaded", () => enableChecklistFilters(document));
document.addEventListener("htmx:afterSwap", (event) => enableChecklistFilters(event.target));

// The main menu folds behind a button on narrow screens.
document.addEventListener("DOMContentLoaded", () => {
  const nav = document.querySelector("nav.main-nav");
  const toggle = nav?.querySelector(".menu-toggle");
  if (!nav || !toggle) return;
  nav.classList.add("collapsible");
  toggle.hidden = false;
  const current = nav.querySelector('.nav-link[aria-current="page"]');
  if (current) toggle.append(` · ${current.textContent.trim()}`);
  toggle.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
});
