// Rasa's socket.io channel: session_request/session_confirm, user_uttered out, bot_uttered in.
import { io } from "socket.io-client";

export function connectToRasa({ url, sessionId, onSession, onBotMessage, onStatus }) {
  const socket = io(url, { path: "/socket.io", transports: ["websocket"], reconnectionDelayMax: 10000 });
  let currentSession = sessionId;

  socket.on("connect", () => {
    onStatus("connected");
    socket.emit("session_request", { session_id: currentSession });
  });
  socket.on("session_confirm", (confirmed) => {
    const id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
    if (id) {
      currentSession = id;
      onSession(id);
    }
  });
  socket.on("bot_uttered", (message) => {
    if (!message) return;
    const buttons = (message.quick_replies || message.buttons || [])
      .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
      .map((b) => ({ title: b.title, payload: b.payload }));
    if (message.text || buttons.length) onBotMessage({ text: message.text || "", buttons });
  });
  socket.on("connect_error", () => onStatus("offline"));
  socket.on("disconnect", () => onStatus("connecting"));

  return {
    send(text, metadata) {
      socket.emit("user_uttered", { message: text, session_id: currentSession, metadata });
    },
    restart() {
      currentSession = null;
      socket.emit("session_request", { session_id: null });
    },
    close() {
      socket.close();
    },
  };
}
