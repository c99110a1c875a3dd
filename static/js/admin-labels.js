/* Mends two things select2 (the admin's autocomplete fields) leaves for screen
   readers: its search box gets the field's label as its name (axe: label), and
   its list of chosen items, which also holds the "clear" button, is no longer
   announced as a list (axe: list). select2 draws these again after every
   choice, so they are mended as they come. And the columns of a tabular inline
   that Django leaves without a header get one, unseen (axe: empty-table-header):
   the first, with each row's stored item, and the last, for deleting. */
(function () {
  "use strict";

  function nameSearchBoxes() {
    document.querySelectorAll(".select2-search__field:not([aria-label])")
      .forEach(function (box) {
        var container = box.closest(".select2-container");
        var select = container && container.previousElementSibling;
        var label = select && select.id &&
          document.querySelector('label[for="' + select.id + '"]');
        // In a table row the select has no <label>, but the name of its column.
        var name = label ? label.textContent.replace(/:\s*$/, "").trim()
          : select && select.getAttribute("aria-label");
        if (name) { box.setAttribute("aria-label", name); }
      });
  }

  function nameHeader(header, text) {
    if (!text) { return; }
    var name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = text;
    header.appendChild(name);
  }

  function nameItemColumns() {
    document.querySelectorAll(".tabular thead th.original:empty")
      .forEach(function (header) {
        var fieldset = header.closest("fieldset");
        var heading = fieldset && fieldset.querySelector(".inline-heading");
        nameHeader(header, heading && heading.textContent.trim());
      });
    // The last column holds the delete boxes, or for someone who may not
    // delete, only the "Remove" links of rows just added: Django leaves its
    // header empty then. Its own catalogue (jsi18n) names those links.
    if (typeof window.gettext === "function") {
      document.querySelectorAll(".tabular thead th:last-child:empty")
        .forEach(function (header) { nameHeader(header, window.gettext("Remove")); });
    }
  }

  function mend() {
    nameSearchBoxes();
    nameItemColumns();
    document.querySelectorAll("ul.select2-selection__rendered:not([role])")
      .forEach(function (list) { list.setAttribute("role", "none"); });
  }

  function start() {
    mend();
    new MutationObserver(mend)
      .observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
