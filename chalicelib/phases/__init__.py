"""One module per workflow phase; `runner` holds what they share."""
