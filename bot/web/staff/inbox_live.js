// The agent's transcript, live: each new line arrives by server-sent events and is appended
// (the list is an aria-live region, so a screen reader announces it). No reload, no library.
(function () {
  "use strict";
  // The inbox: when the queue changes, say so (aria-live) with a link to refresh the lists.
  var queue = document.getElementById("queue-live");
  if (queue && window.EventSource) {
    var queueSource = new EventSource(queue.getAttribute("data-events"));
    queueSource.addEventListener("queue", function (event) {
      var change = JSON.parse(event.data);
      var link = document.createElement("a");
      link.href = "/staff/inbox";
      link.textContent = queue.getAttribute("data-refresh");
      queue.replaceChildren(change.notice + " ", link);
    });
  }
  var list = document.getElementById("transcript");
  if (!list || !window.EventSource) { return; }
  var source = new EventSource(list.getAttribute("data-events") + "?after=" + list.getAttribute("data-last"));
  source.addEventListener("line", function (event) {
    var line = JSON.parse(event.data);
    if (document.querySelector('[data-line="' + line.id + '"]')) { return; }
    var item = document.createElement("li");
    item.setAttribute("data-line", line.id);
    item.setAttribute("data-author", line.author);
    var who = document.createElement("strong");
    who.textContent = line.author_name;
    var language = document.createElement("span");
    language.className = "language";
    language.textContent = "[" + line.language_name + "]";
    var words = document.createElement("span");
    words.setAttribute("lang", line.language);
    words.textContent = line.text;
    item.append(who, " ", language, " ", words);
    if (!line.delivered) {
      var note = document.createElement("em");
      note.textContent = "(" + line.undelivered + ")";
      item.append(" ", note);
    }
    list.appendChild(item);
  });
  source.addEventListener("closed", function () { source.close(); });
})();
