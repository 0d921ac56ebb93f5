/* Starts rasa-webchat (window.WebChat, from node_modules/rasa-webchat/lib/index.js) against the
 * Course Advisor's Socket.IO channel; the Rasa server's URL comes from this tag's data-server.
 * An external file, so the page's Content-Security-Policy needs no inline scripts. */
(function () {
  "use strict";
  var tag = document.currentScript;
  var server = tag && tag.getAttribute("data-server");
  if (!server || !window.WebChat) return;
  window.WebChat.default({
    socketUrl: server,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    customData: { language: "en" },
    title: "Course Advisor",
    subtitle: "Short courses and microcredentials",
    inputTextFieldHint: "Type a message...",
    params: { storage: "local" },
  }, null);
})();
