package org.remediation.console.cloud.sandbox;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** The simulated WebSocket service at {@code /sandbox/ws}: echoes every text message. */
public class SandboxEcho extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                session.getAsyncRemote().sendText(text));
    }
}
