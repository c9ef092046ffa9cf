// What survives a page reload: the Rasa session id and the messages shown (this browser only).
const SESSION_KEY = "lausdPermitChat.sessionId";
const HISTORY_KEY = "lausdPermitChat.history";
const MAX_MESSAGES = 200;

function read(key, fallback) {
  try {
    const value = window.localStorage.getItem(key);
    return value === null ? fallback : JSON.parse(value);
  } catch (error) {
    return fallback; // storage disabled (private mode) or damaged: start afresh
  }
}

function write(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch (error) {
    // storage full or disabled: the conversation still works, it just won't survive a reload
  }
}

export function loadSessionId() {
  const id = read(SESSION_KEY, null);
  return typeof id === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
}

export function saveSessionId(id) {
  write(SESSION_KEY, id);
}

export function loadHistory() {
  const history = read(HISTORY_KEY, []);
  return Array.isArray(history) ? history.filter((m) => m && typeof m.text === "string") : [];
}

export function saveHistory(messages) {
  write(HISTORY_KEY, messages.slice(-MAX_MESSAGES));
}

export function forgetConversation() {
  try {
    window.localStorage.removeItem(SESSION_KEY);
    window.localStorage.removeItem(HISTORY_KEY);
  } catch (error) {
    // nothing stored
  }
}
