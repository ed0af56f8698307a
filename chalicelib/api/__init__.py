"""The edges: HTTP and WebSocket requests in, JSON answers out; the one error-to-status map."""
