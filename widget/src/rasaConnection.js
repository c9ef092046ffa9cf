// Rasa's socket.io channel: session_request/session_confirm, user_uttered out, bot_uttered in.
//
// Rasa (session_persistence) ignores a message that carries no session id, without a word. So the
// widget is "connected" only once the server confirmed the session, and a message sent before
// that (a fast typist, a reconnection, "Start over") waits here and goes out with the session id.
import { io } from "socket.io-client";

export function connectToRasa({ url, sessionId, onSession, onBotMessage, onStatus }) {
  const socket = io(url, { path: "/socket.io", transports: ["websocket"], reconnectionDelayMax: 10000 });
  let currentSession = sessionId;
  let confirmed = false;
  let waitingToGo = [];

  const emitMessage = ({ text, metadata }) =>
    socket.emit("user_uttered", { message: text, session_id: currentSession, metadata });

  const requestSession = () => {
    confirmed = false;
    onStatus("connecting");
    socket.emit("session_request", { session_id: currentSession });
  };

  socket.on("connect", requestSession);
  socket.on("session_confirm", (reply) => {
    const id = typeof reply === "string" ? reply : reply && reply.session_id;
    if (!id) return;
    currentSession = id;
    confirmed = true;
    onSession(id);
    onStatus("connected");
    const queued = waitingToGo;
    waitingToGo = [];
    queued.forEach(emitMessage);
  });
  socket.on("bot_uttered", (message) => {
    if (!message) return;
    const buttons = (message.quick_replies || message.buttons || [])
      .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
      .map((b) => ({ title: b.title, payload: b.payload }));
    if (message.text || buttons.length) onBotMessage({ text: message.text || "", buttons });
  });
  socket.on("connect_error", () => onStatus("offline"));
  socket.on("disconnect", () => {
    confirmed = false;
    onStatus("connecting");
  });

  return {
    send(text, metadata) {
      if (confirmed && socket.connected) emitMessage({ text, metadata });
      else waitingToGo.push({ text, metadata });
    },
    restart() {
      currentSession = null;
      waitingToGo = [];
      if (socket.connected) requestSession();
    },
    close() {
      socket.close();
    },
  };
}
