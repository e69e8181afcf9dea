/* newsmap embed: makes each newsmap iframe as tall as the timeline inside it.
   The timeline posts {type: "newsmap:height", height} whenever its height changes;
   only the iframe that sent it is resized. Safe to paste more than once. */
(function () {
  if (window.newsmapResize) return;
  window.newsmapResize = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "newsmap:height" || !(data.height > 0)) return;
    var frames = document.querySelectorAll("iframe[data-newsmap]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(data.height), 5000) + "px";
      }
    }
  });
})();
