// The chat panel: chatscope's message list and bubbles, a labelled input, quick replies as buttons.
import React, { useEffect, useRef, useState } from "react";
import {
  Button,
  ChatContainer,
  MainContainer,
  Message,
  MessageList,
  TypingIndicator,
} from "@chatscope/chat-ui-kit-react";
import { connectToRasa } from "./rasaConnection";
import { forgetConversation, loadHistory, loadSessionId, saveHistory, saveSessionId } from "./storage";

let counter = 0;
const newId = () => `${Date.now().toString(36)}-${(counter += 1)}`;

export function ChatWidget({ config }) {
  const t = config.texts;
  const [messages, setMessages] = useState(loadHistory);
  const [status, setStatus] = useState("connecting");
  const [waiting, setWaiting] = useState(false);
  const [draft, setDraft] = useState("");
  const connection = useRef(null);
  const input = useRef(null);

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

  const startOver = () => {
    forgetConversation();
    setMessages([]);
    setWaiting(false);
    connection.current.restart();
    input.current && input.current.focus();
  };

  const last = messages[messages.length - 1];
  const quickReplies = last && last.from === "bot" && last.buttons && last.buttons.length ? last.buttons : [];

  return (
    <section className="permit-chat" aria-labelledby="permit-chat-heading">
      <h2 id="permit-chat-heading">{t.chat_heading}</h2>
      <p className="permit-chat-intro">{t.chat_intro}</p>
      <div className="permit-chat-panel" aria-hidden="true">
        <MainContainer>
          <ChatContainer>
            <MessageList
              typingIndicator={waiting ? <TypingIndicator content={t.typing} /> : null}
            >
              {messages.map((m) => (
                <Message
                  key={m.id}
                  model={{ direction: m.from === "user" ? "outgoing" : "incoming", position: "single", type: "custom" }}
                >
                  <Message.CustomContent>
                    <span className="permit-chat-text" data-from={m.from}>{m.text}</span>
                  </Message.CustomContent>
                </Message>
              ))}
            </MessageList>
          </ChatContainer>
        </MainContainer>
      </div>
      {/* What a screen reader announces: each new message with who said it. */}
      <ol className="visually-hidden" role="log" aria-live="polite" aria-label={t.log_label}>
        {messages.map((m) => (
          <li key={m.id}>{`${m.from === "user" ? t.you : t.assistant}: ${m.text}`}</li>
        ))}
      </ol>
      {quickReplies.length > 0 && (
        <div className="permit-chat-options" role="group" aria-label={t.options_label}>
          {quickReplies.map((b) => (
            <Button key={b.payload + b.title} border onClick={() => send(b.payload, b.title)} disabled={status !== "connected"}>
              {b.title}
            </Button>
          ))}
        </div>
      )}
      <p className="permit-chat-status" role="status">
        {status === "connecting" ? t.connecting : status === "offline" ? t.offline : ""}
      </p>
      <form className="permit-chat-form" onSubmit={submit}>
        <label htmlFor="permit-chat-input">{t.input_label}</label>
        <div className="permit-chat-row">
          <input
            id="permit-chat-input"
            ref={input}
            type="text"
            autoComplete="off"
            maxLength={500}
            placeholder={t.placeholder}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button type="submit" border disabled={status !== "connected" || !draft.trim()}>
            {t.send}
          </Button>
        </div>
      </form>
      <button type="button" className="permit-chat-start-over" onClick={startOver}>
        {t.start_over}
      </button>
    </section>
  );
}
