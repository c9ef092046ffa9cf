// The chat panel: our own message list (one live region), chatscope's bubbles, a labelled input,
// quick replies as buttons. The greeting comes from the page (its language), never from storage.
import React, { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Message, TypingIndicator } from "@chatscope/chat-ui-kit-react";
import { connectToRasa } from "./rasaConnection";
import { forgetConversation, loadHistory, loadSessionId, saveHistory, saveSessionId } from "./storage";

const TALLEST_PX = 640; // 40rem: on a desktop the chat need not fill the screen

let counter = 0;
const newId = () => `${Date.now().toString(36)}-${(counter += 1)}`;

function ChatMessage({ message, t }) {
  const mine = message.from === "user";
  return (
    <li className="permit-chat-message" data-from={message.from}>
      <Message model={{ direction: mine ? "outgoing" : "incoming", position: "single", type: "custom" }}>
        <Message.CustomContent>
          {/* Who said it, for screen readers; the bubble's side and colour say it on screen. */}
          <span className="visually-hidden">{`${mine ? t.you : t.assistant}: `}</span>
          <span className="permit-chat-text" data-from={message.from}>{message.text}</span>
        </Message.CustomContent>
      </Message>
    </li>
  );
}

export function ChatWidget({ config }) {
  const t = config.texts;
  const greeting = { id: "greeting", from: "bot", text: t.greeting, buttons: config.suggestions };
  const [messages, setMessages] = useState(loadHistory);
  const [status, setStatus] = useState("connecting");
  const [waiting, setWaiting] = useState(false);
  const [draft, setDraft] = useState("");
  const connection = useRef(null);
  const input = useRef(null);
  const log = useRef(null);
  const panel = useRef(null);

  // The chat fills the rest of the first screen, so on a phone its input is visible without scrolling
  // (CSS min-height keeps it usable on very short screens and at 200% zoom, where the page scrolls).
  useLayoutEffect(() => {
    const fit = () => {
      const top = panel.current.getBoundingClientRect().top + window.scrollY;
      const room = Math.floor(window.innerHeight - top - 8);
      panel.current.style.height = `${Math.min(room, TALLEST_PX)}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, []);

  useEffect(() => {
    connection.current = connectToRasa({
      url: config.socketUrl,
      sessionId: loadSessionId(),
      onSession: saveSessionId,
      onStatus: setStatus,
      onBotMessage: (message) => {
        setWaiting(false);
        setMessages((shown) => [...shown, { id: newId(), from: "bot", ...message }]);
      },
    });
    return () => connection.current.close();
  }, [config.socketUrl]);

  useEffect(() => saveHistory(messages), [messages]);

  // Keep the newest message in sight (the page itself does not scroll).
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [messages, waiting]);

  const send = (text, shownAs) => {
    if (!text.trim() || status !== "connected") return false;
    setMessages((shown) => [...shown, { id: newId(), from: "user", text: shownAs || text }]);
    setWaiting(true);
    connection.current.send(text, { language: config.language });
    return true;
  };

  const submit = (event) => {
    event.preventDefault();
    if (send(draft)) setDraft("");
  };

  // A tapped quick reply disappears with its group: focus goes back to the message box, not the page top.
  const choose = (button) => {
    if (send(button.payload, button.title) && input.current) input.current.focus();
  };

  const startOver = () => {
    forgetConversation();
    setMessages([]);
    setWaiting(false);
    connection.current.restart();
    if (input.current) input.current.focus();
  };

  const shown = [greeting, ...messages];
  const last = shown[shown.length - 1];
  const quickReplies = last.from === "bot" && last.buttons && last.buttons.length ? last.buttons : [];

  return (
    <section className="permit-chat" ref={panel} aria-labelledby="permit-chat-heading">
      <h2 id="permit-chat-heading">{t.chat_heading}</h2>
      {/* The one live region: each new message is read once, with who said it. Focusable so that
          keyboard users can scroll it. */}
      <div
        className="permit-chat-log"
        ref={log}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t.log_label}
        tabIndex={0}
      >
        <ol className="permit-chat-messages">
          {shown.map((m) => (
            <ChatMessage key={m.id} message={m} t={t} />
          ))}
        </ol>
      </div>
      {/* Outside the log: "writing…" is not a message and is not read out each turn. */}
      {waiting && <TypingIndicator className="permit-chat-typing" content={t.typing} />}
      {quickReplies.length > 0 && (
        <div className="permit-chat-options" role="group" aria-label={t.options_label}>
          {quickReplies.map((b) => (
            <button
              type="button"
              key={b.payload + b.title}
              className="permit-chat-option"
              onClick={() => choose(b)}
              aria-disabled={status !== "connected"}
            >
              {b.title}
            </button>
          ))}
        </div>
      )}
      <p className="permit-chat-status" role="status">
        {status === "connecting" ? t.connecting : status === "offline" ? t.offline : ""}
      </p>
      <form className="permit-chat-form" onSubmit={submit}>
        <div className="permit-chat-label-row">
          <label htmlFor="permit-chat-input">{t.input_label}</label>
          <button type="button" className="permit-chat-start-over" onClick={startOver}>
            {t.start_over}
          </button>
        </div>
        <div className="permit-chat-row">
          <input
            id="permit-chat-input"
            ref={input}
            type="text"
            autoComplete="off"
            maxLength={500}
            placeholder={t.placeholder}
            aria-describedby="permit-chat-privacy"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="permit-chat-send" disabled={status !== "connected" || !draft.trim()}>
            {t.send}
          </button>
        </div>
        <p id="permit-chat-privacy" className="permit-chat-hint">{t.privacy_hint}</p>
      </form>
    </section>
  );
}
