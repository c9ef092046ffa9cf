// Mounts the chat widget where the page put its configuration (bot/web/templates/widget_page.html).
import "@chatscope/chat-ui-kit-styles/dist/default/styles.min.css";
import "./chat.css";
import React from "react";
import { createRoot } from "react-dom/client";
import { ChatWidget } from "./ChatWidget";

const mount = document.getElementById("permit-chat");
const configElement = document.getElementById("permit-chat-config");
if (mount && configElement) {
  const config = JSON.parse(configElement.textContent);
  createRoot(mount).render(<ChatWidget config={config} />);
}
