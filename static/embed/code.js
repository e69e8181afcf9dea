/* The generator keeps its code and preview in step with the form: every change
   asks the server for the snippet (one template makes it, here and in the admin)
   and shows it both as text and, live, as HTML. */
"use strict";
(function () {
  var form = document.getElementById("embed-form");
  var snippet = document.getElementById("snippet");
  var preview = document.getElementById("preview");
  var problem = document.getElementById("problem");
  var copied = document.getElementById("copied");
  var pending;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim()) params.append(name, String(value).trim());
    });
    return params.toString();
  }

  function refresh() {
    var qs = query();
    // The generator's own URL follows the form, so that a reload or a shared
    // link keeps the choices. (This is the editors' page, not the embed.)
    history.replaceState(null, "", form.action + (qs ? "?" + qs : ""));
    fetch(form.dataset.snippetUrl + "?" + qs).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          problem.textContent = "These settings cannot be embedded: " + text;
          return;
        }
        problem.textContent = "";
        if (snippet.value === text) return;
        snippet.value = text;
        // Only the snippet's iframe goes into the page, as a node parsed apart
        // (never innerHTML): the resize script this page loaded serves it.
        var parsed = new DOMParser().parseFromString(text, "text/html");
        var frame = parsed.querySelector("iframe[data-newsmap]");
        preview.replaceChildren();
        if (frame) preview.appendChild(document.importNode(frame, true));
      });
    });
  }

  function later() {
    clearTimeout(pending);
    pending = setTimeout(refresh, 250);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh();
  });

  document.getElementById("copy").addEventListener("click", function () {
    snippet.select();
    var done = function () { copied.textContent = "Copied."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(snippet.value).then(done, function () {
        document.execCommand("copy");
        done();
      });
    } else {
      document.execCommand("copy");
      done();
    }
  });
})();
